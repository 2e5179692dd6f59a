package dev.dunning.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.PreviewStep;
import dev.dunning.playbook.PlaybookException;
import dev.dunning.playbook.PlaybookLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybookFromJsonMainTest {

  @Test
  void the_json_playbook_previews_friendly_reminder_two_reminders_a_notice_with_its_fee_and_an_approved_handover() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    List<PreviewStep> steps = PlaybookFromJsonMain.run(PlaybookLoader.fromResource(PlaybookFromJsonMain.RESOURCE),
        new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(steps).extracting(PreviewStep::stageId)
        .containsExactly("friendly", "reminder1", "reminder2", "notice", "agency");
    assertThat(steps.get(3).balance().amount()).isEqualByComparingTo("5040.00");
    assertThat(steps.get(4).needsApproval()).isTrue();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Playbook 'b2b' for JSON-1");
  }

  @Test
  void the_broken_playbook_the_example_shows_is_refused_with_each_problem_and_its_path() {
    assertThatThrownBy(() -> PlaybookLoader.fromJson("{\"id\": \"Bad Id\", \"stages\": [{\"id\": \"r1\", "
        + "\"kind\": \"reminder\", \"deadlineDays\": 0, \"channels\": [\"pigeon\"]}]}"))
        .isInstanceOf(PlaybookException.class)
        .hasMessageContaining("stages[0].deadlineDays");
  }
}
