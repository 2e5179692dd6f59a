package dev.dunning.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dunning.model.ChannelType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The codec's hand-written paths read and write exactly what the JDK and Jackson would. */
class JsonCodecFastPathTest {

  @Test
  void aPlainIsoDateReadsAsLocalDateParseReadsIt() {
    for (LocalDate d = LocalDate.of(1999, 12, 25); d.isBefore(LocalDate.of(2031, 3, 1)); d = d.plusDays(1)) {
      assertThat(JsonCodec.plainIsoDate(d.toString())).isEqualTo(d);
    }
    assertThat(JsonCodec.plainIsoDate("0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
  }

  @Test
  void anythingElseIsLeftToLocalDateParse() {
    for (String v : List.of("2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32",
        "2026-1-05", "2026/01/05", "20260105", "2026-01-05T00:00", "+10000-01-01", "-0001-01-01", "2026-0a-05",
        " 2026-01-0", "")) {
      assertThat(JsonCodec.plainIsoDate(v)).as(v).isNull();
    }
    assertThat(parses("2026-02-30")).isFalse();
    assertThat(parses("+10000-01-01")).isTrue();
  }

  @Test
  void channelsAreWrittenAsJacksonWritesThem() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<List<ChannelType>> lists = new ArrayList<>();
    lists.add(List.of());
    Arrays.stream(ChannelType.values()).forEach(c -> lists.add(List.of(c)));
    lists.add(List.of(ChannelType.values()));
    for (List<ChannelType> channels : lists) {
      String expected = mapper.writeValueAsString(channels.stream().map(ChannelType::code).toList());
      assertThat(JsonCodec.writeChannels(channels)).isEqualTo(expected);
      assertThat(JsonCodec.readChannels(JsonCodec.writeChannels(channels), "fallbacks")).isEqualTo(channels);
    }
  }

  private static boolean parses(String v) {
    try {
      LocalDate.parse(v);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
