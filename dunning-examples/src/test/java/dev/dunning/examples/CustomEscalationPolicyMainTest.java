package dev.dunning.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.RecoveryEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CustomEscalationPolicyMainTest {

  @Test
  void a_debt_above_ten_thousand_goes_straight_to_the_formal_notice_and_a_small_one_gets_the_first_reminder() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    RecoveryEngine engine = CustomEscalationPolicyMain.run(new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(engine.find("SMALL-1").orElseThrow().stageId()).isEqualTo("reminder1");
    assertThat(engine.find("LARGE-1").orElseThrow().stageId()).isEqualTo("formal_notice");
    assertThat(engine.messages("LARGE-1")).extracting(m -> m.channel().code())
        .containsExactlyInAnyOrder("registered_letter", "email");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("LARGE-1", "-> formal_notice");
  }
}
