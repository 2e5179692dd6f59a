package dev.dunning.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.RecoveryEngine;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.Resolution;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LadderWalkthroughMainTest {

  @Test
  void theWalkThroughEndsWithOnePaidEarlyOnePaidAfterTheNoticeAndOneInCourt() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    RecoveryEngine engine = LadderWalkthroughMain.run(new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(engine.find("C-1").orElseThrow().resolution()).isEqualTo(Resolution.PAID);
    assertThat(engine.find("C-1").orElseThrow().stageId()).isEqualTo("reminder1");
    assertThat(engine.find("C-2").orElseThrow().resolution()).isEqualTo(Resolution.PAID);
    assertThat(engine.find("C-2").orElseThrow().stageId()).isEqualTo("formal_notice");
    assertThat(engine.find("C-3").orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
    assertThat(engine.find("C-3").orElseThrow().stageId()).isEqualTo("injunction");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Future of C-3").contains("APPROVED");
  }
}
