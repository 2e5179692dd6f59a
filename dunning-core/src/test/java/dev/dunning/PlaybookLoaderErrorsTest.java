package dev.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.PlaybookException;
import dev.dunning.playbook.PlaybookLoader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of mistake in a playbook's JSON, with the exact problem the loader reports for it. */
class PlaybookLoaderErrorsTest {
  private static final String OK_STAGE = "{ \"id\": \"r1\", \"kind\": \"reminder\", \"deadlineDays\": 8, \"channels\": [\"email\"] }";

  @Test
  void aKeyGivenTwiceIsAnErrorNamingItsPath() {
    assertThat(messages("{ \"id\": \"p\", \"stages\": [ { \"id\": \"r1\", \"id\": \"r2\", \"kind\": \"reminder\","
        + " \"deadlineDays\": 8, \"channels\": [\"email\"] } ] }"))
        .singleElement().asString().startsWith("stages[0].id is given twice (at line 1, column");
    assertThat(paths("{ \"id\": \"p\", \"id\": \"q\", \"stages\": [" + OK_STAGE + "] }")).containsExactly("id");
  }

  @Test
  void textAfterThePlaybookIsAnError() {
    assertThat(messages("{ \"id\": \"p\", \"stages\": [" + OK_STAGE + "] } { \"id\": \"q\" }"))
        .singleElement().asString().startsWith("unexpected text after the playbook's closing brace at line 1");
  }

  @Test
  void aFeeGivenAsAJsonNumberIsReadExactly() {
    Playbook p = PlaybookLoader.fromJson("{ \"id\": \"p\", \"stages\": [ { \"id\": \"r1\", \"kind\": \"reminder\","
        + " \"deadlineDays\": 8, \"channels\": [\"email\"], \"fee\": 40.10 } ] }");

    assertThat(p.stages().get(0).fee()).isEqualTo(new BigDecimal("40.10"));
  }

  @Test
  void aFeeWithMoreDecimalsThanAnyCurrencyHasIsRefused() {
    assertThat(stageMessages("\"fee\": \"0.00001\"")).containsExactly(
        "stages[0].fee may have at most 4 decimals (no currency has more), was 0.00001");
    assertThat(stageMessages("\"fee\": 12.34567")).containsExactly(
        "stages[0].fee may have at most 4 decimals (no currency has more), was 12.34567");
  }

  @Test
  void aFeeThatIsNotADecimalIsRefused() {
    assertThat(stageMessages("\"fee\": \"forty\"")).containsExactly("stages[0].fee must be a decimal amount like \"40.00\", was \"forty\"");
    assertThat(stageMessages("\"fee\": true")).containsExactly("stages[0].fee must be a decimal amount like \"40.00\", was true");
  }

  @Test
  void stagesThatAreNotAnArrayOrEmptyOrAStageThatIsNotAnObject() {
    assertThat(messages("{ \"id\": \"p\", \"stages\": {} }")).containsExactly("stages must be an array, was object");
    assertThat(messages("{ \"id\": \"p\", \"stages\": [] }")).containsExactly("stages must list at least one stage");
    assertThat(messages("{ \"id\": \"p\", \"stages\": [" + OK_STAGE + ", \"r2\"] }"))
        .containsExactly("stages[1] must be an object, was string");
  }

  @Test
  void aBadSendTime() {
    assertThat(messages("{ \"id\": \"p\", \"sendTime\": \"9h\", \"stages\": [" + OK_STAGE + "] }"))
        .containsExactly("sendTime must be a time like 09:00, was '9h'");
  }

  @Test
  void startMistakes() {
    assertThat(stageMessages("\"start\": 3")).containsExactly(
        "stages[0].start must be an object like {\"from\": \"due_date\", \"days\": 1}, was number");
    assertThat(stageMessages("\"start\": {\"from\": \"invoice_date\", \"days\": 1}")).containsExactly(
        "stages[0].start.from: unknown anchor code 'invoice_date', expected one of due_date, previous_deadline");
    assertThat(stageMessages("\"start\": {\"from\": \"due_date\", \"weeks\": 1}")).containsExactly(
        "stages[0].start.weeks is not a known field (known: days, from)");
    assertThat(stageMessages("\"start\": {\"from\": \"due_date\", \"days\": -91}")).containsExactly(
        "stages[0].start.days must be between -90 and 3650, was -91");
    assertThat(stageMessages("\"start\": {\"from\": \"due_date\", \"days\": 3651}")).containsExactly(
        "stages[0].start.days must be between -90 and 3650, was 3651");
    assertThat(messages("{ \"id\": \"p\", \"stages\": [" + OK_STAGE + ", { \"id\": \"r2\", \"kind\": \"reminder\","
        + " \"deadlineDays\": 8, \"channels\": [\"email\"], \"start\": {\"from\": \"previous_deadline\", \"days\": -1} } ] }"))
        .containsExactly("stages[1].start.days must be between 0 and 3650, was -1");
  }

  @Test
  void aDeadlineAboveTheMaximum() {
    assertThat(messages("{ \"id\": \"p\", \"stages\": [ { \"id\": \"r1\", \"kind\": \"reminder\", \"deadlineDays\": 366,"
        + " \"channels\": [\"email\"] } ] }")).containsExactly("stages[0].deadlineDays must be <= 365, was 366");
  }

  @Test
  void aPreDueReminderMustStartBeforeTheDueDate() {
    assertThat(messages("{ \"id\": \"p\", \"stages\": [ { \"id\": \"pre\", \"kind\": \"pre_due_reminder\","
        + " \"start\": {\"from\": \"due_date\", \"days\": 0}, \"deadlineDays\": 3, \"channels\": [\"email\"] } ] }"))
        .containsExactly("stages[0].start.days must be < 0 for a pre_due_reminder, was 0");
  }

  @Test
  void channelsThatAreNotAnArrayOrNotStrings() {
    assertThat(messages("{ \"id\": \"p\", \"stages\": [ { \"id\": \"r1\", \"kind\": \"reminder\", \"deadlineDays\": 8,"
        + " \"channels\": \"email\" } ] }")).containsExactly("stages[0].channels must be an array of channel codes, was string");
    assertThat(messages("{ \"id\": \"p\", \"stages\": [ { \"id\": \"r1\", \"kind\": \"reminder\", \"deadlineDays\": 8,"
        + " \"channels\": [1, \"email\"] } ] }")).containsExactly("stages[0].channels[0] must be a channel code, was number");
  }

  @Test
  void aBadStageIdIsReportedOnceNotAgainAsTheTemplateItDefaultsTo() {
    assertThat(messages("{ \"id\": \"p\", \"stages\": [ { \"id\": \"First Reminder\", \"kind\": \"reminder\","
        + " \"deadlineDays\": 8, \"channels\": [\"email\"] } ] }"))
        .containsExactly("stages[0].id must match [a-z0-9][a-z0-9_-]{0,63}, was 'First Reminder'");
  }

  @Test
  void problemsAreSortedByIndexSoStagesTenComesAfterStagesTwo() {
    StringBuilder stages = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      int days = i == 2 || i == 10 ? 0 : 8;
      stages.append(i == 0 ? "" : ", ").append("{ \"id\": \"s").append(i).append("\", \"kind\": \"reminder\", \"deadlineDays\": ")
          .append(days).append(", \"channels\": [\"email\"] }");
    }
    assertThat(paths("{ \"id\": \"p\", \"stages\": [" + stages + "] }"))
        .containsExactly("stages[2].deadlineDays", "stages[10].deadlineDays");
  }

  private static List<String> stageMessages(String extra) {
    return messages("{ \"id\": \"p\", \"stages\": [ { \"id\": \"r1\", \"kind\": \"reminder\", \"deadlineDays\": 8,"
        + " \"channels\": [\"email\"], " + extra + " } ] }");
  }

  private static List<String> messages(String json) {
    return problems(json).stream().map(PlaybookException.Problem::message).toList();
  }

  private static List<String> paths(String json) {
    return problems(json).stream().map(PlaybookException.Problem::path).toList();
  }

  private static List<PlaybookException.Problem> problems(String json) {
    PlaybookException e = catchThrowableOfType(PlaybookException.class, () -> PlaybookLoader.fromJson(json));
    assertThat(e).as("the loader refuses %s", json).isNotNull();
    return e.problems();
  }
}
