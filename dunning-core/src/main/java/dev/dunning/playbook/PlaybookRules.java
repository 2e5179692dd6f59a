package dev.dunning.playbook;

import dev.dunning.model.ChannelType;
import dev.dunning.playbook.PlaybookException.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The semantic rules of a playbook, shared by the builder and the JSON loader. */
final class PlaybookRules {
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  static final Pattern TEMPLATE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  static final int MAX_DEADLINE_DAYS = 365;
  static final int MIN_DUE_OFFSET = -90;
  static final int MAX_OFFSET = 3650;
  /** The most decimals any currency has (4: CLF, UYW); a fee with more can be charged in none. */
  static final int MAX_FEE_DECIMALS = java.util.Currency.getAvailableCurrencies().stream()
      .mapToInt(java.util.Currency::getDefaultFractionDigits).max().orElse(3);

  private PlaybookRules() {}

  static List<Problem> check(String playbookId, List<Stage> stages) {
    List<Problem> problems = new ArrayList<>();
    if (playbookId == null || !ID.matcher(playbookId).matches()) {
      problems.add(new Problem("id", "id must match " + ID.pattern() + ", was '" + playbookId + "'"));
    }
    if (stages.isEmpty()) {
      problems.add(new Problem("stages", "stages must list at least one stage"));
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      checkStage(i, stages.get(i), seen, problems);
      if (stages.get(i).kind() == StageKind.HANDOVER && i < stages.size() - 1) {
        problems.add(new Problem("stages[" + (i + 1) + "]", "stages[" + (i + 1)
            + "] can never run: stages[" + i + "] is a handover, which closes the case"));
      }
    }
    return problems;
  }

  private static void checkStage(int i, Stage stage, Map<String, Integer> seen, List<Problem> problems) {
    String at = "stages[" + i + "]";
    if (!ID.matcher(stage.id()).matches()) {
      problems.add(new Problem(at + ".id", at + ".id must match " + ID.pattern() + ", was '" + stage.id() + "'"));
    } else {
      Integer earlier = seen.putIfAbsent(stage.id(), i);
      if (earlier != null) {
        problems.add(new Problem(at + ".id", at + ".id '" + stage.id() + "' is already used by stages[" + earlier + "]"));
      }
    }
    int minDeadline = stage.kind() == StageKind.HANDOVER ? 0 : 1;
    if (stage.deadlineDays() < minDeadline) {
      problems.add(new Problem(at + ".deadlineDays", at + ".deadlineDays must be >= " + minDeadline
          + ", was " + stage.deadlineDays()));
    } else if (stage.deadlineDays() > MAX_DEADLINE_DAYS) {
      problems.add(new Problem(at + ".deadlineDays", at + ".deadlineDays must be <= " + MAX_DEADLINE_DAYS
          + ", was " + stage.deadlineDays()));
    }
    StageStart start = stage.start();
    if (start.anchor() == Anchor.PREVIOUS_DEADLINE && i == 0) {
      problems.add(new Problem(at + ".start.from", at + ".start.from must be due_date for the first stage,"
          + " which has no previous deadline"));
    }
    int minOffset = start.anchor() == Anchor.DUE_DATE ? MIN_DUE_OFFSET : 0;
    if (start.days() < minOffset || start.days() > MAX_OFFSET) {
      problems.add(new Problem(at + ".start.days", at + ".start.days must be between " + minOffset
          + " and " + MAX_OFFSET + ", was " + start.days()));
    }
    if (stage.kind() == StageKind.PRE_DUE_REMINDER && start.anchor() == Anchor.DUE_DATE && start.days() >= 0) {
      problems.add(new Problem(at + ".start.days", at + ".start.days must be < 0 for a pre_due_reminder, was "
          + start.days()));
    }
    if (stage.channels().isEmpty()) {
      problems.add(new Problem(at + ".channels", at + ".channels must list at least one channel"));
    }
    Set<ChannelType> distinct = new HashSet<>();
    for (int c = 0; c < stage.channels().size(); c++) {
      if (!distinct.add(stage.channels().get(c))) {
        problems.add(new Problem(at + ".channels[" + c + "]", at + ".channels[" + c + "] '"
            + stage.channels().get(c).code() + "' is listed twice"));
      }
    }
    if (!TEMPLATE_KEY.matcher(stage.templateKey()).matches()) {
      problems.add(new Problem(at + ".template", at + ".template must match " + TEMPLATE_KEY.pattern()
          + ", was '" + stage.templateKey() + "'"));
    }
    if (stage.fee().signum() < 0) {
      problems.add(new Problem(at + ".fee", at + ".fee must be >= 0, was " + stage.fee().toPlainString()));
    } else if (stage.fee().stripTrailingZeros().scale() > MAX_FEE_DECIMALS) {
      problems.add(new Problem(at + ".fee", at + ".fee may have at most " + MAX_FEE_DECIMALS
          + " decimals (no currency has more), was " + stage.fee().toPlainString()));
    }
  }
}
