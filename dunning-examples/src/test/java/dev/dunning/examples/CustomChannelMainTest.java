package dev.dunning.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.RecoveryEngine;
import dev.dunning.model.EventType;
import dev.dunning.spi.OutboxStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomChannelMainTest {

  @Test
  void the_reminder_goes_out_as_one_sms_with_amount_deadline_reference_and_idempotency_key() {
    List<String> sent = new ArrayList<>();

    RecoveryEngine engine = CustomChannelMain.run((phone, text, key) -> {
      sent.add(phone + "|" + text + "|" + key);
      return "gw-1";
    });

    assertThat(sent).singleElement().asString()
        .startsWith("+32470123456|ACME Services SA: 99.00 EUR is overdue, please pay by 2026-03-08")
        .contains("+++123/4567/89002+++", "SMS-1:sms_reminder:1:sms");
    assertThat(engine.messages("SMS-1")).singleElement().satisfies(m -> {
      assertThat(m.status()).isEqualTo(OutboxStatus.SENT);
      assertThat(m.receipt()).isEqualTo("gw-1");
    });
  }

  @Test
  void a_gateway_that_cannot_be_reached_leaves_the_sms_pending_for_a_retry() {
    RecoveryEngine engine = CustomChannelMain.run((phone, text, key) -> {
      throw new IOException("connection refused");
    });

    assertThat(engine.messages("SMS-1")).singleElement().satisfies(m -> {
      assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
      assertThat(m.lastError()).contains("SMS gateway unreachable: connection refused");
    });
    assertThat(engine.timeline("SMS-1")).extracting(e -> e.type()).contains(EventType.MESSAGE_RETRY);
  }
}
