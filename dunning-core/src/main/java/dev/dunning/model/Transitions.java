package dev.dunning.model;

import static dev.dunning.model.CaseStatus.AWAITING_APPROVAL;
import static dev.dunning.model.CaseStatus.CLOSED;
import static dev.dunning.model.CaseStatus.ON_HOLD;
import static dev.dunning.model.CaseStatus.OPEN;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state machine of a recovery case, as data: for each status, which triggers are legal and
 * the status they lead to. Anything not in this table is illegal and raises
 * {@link IllegalTransitionException} before anything is written.
 *
 * <pre>
 *   OPEN ──ESCALATE──► OPEN            OPEN ──REQUEST_APPROVAL──► AWAITING_APPROVAL
 *   AWAITING_APPROVAL ──APPROVE──► OPEN
 *   OPEN / AWAITING_APPROVAL / ON_HOLD ──HOLD──► ON_HOLD ──RESUME──► OPEN
 *   any but CLOSED ──PAY_IN_FULL / WRITE_OFF / CANCEL / HAND_OVER / CREDIT──► CLOSED
 * </pre>
 *
 * @since 0.1
 */
public final class Transitions {
  private static final Map<CaseStatus, Map<Trigger, CaseStatus>> TABLE = build();

  private Transitions() {}

  private static Map<CaseStatus, Map<Trigger, CaseStatus>> build() {
    Map<CaseStatus, Map<Trigger, CaseStatus>> table = new EnumMap<>(CaseStatus.class);
    for (CaseStatus s : CaseStatus.values()) {
      table.put(s, new EnumMap<>(Trigger.class));
    }
    table.get(OPEN).put(Trigger.ESCALATE, OPEN);
    table.get(OPEN).put(Trigger.REQUEST_APPROVAL, AWAITING_APPROVAL);
    table.get(AWAITING_APPROVAL).put(Trigger.APPROVE, OPEN);
    for (CaseStatus live : new CaseStatus[] {OPEN, ON_HOLD, AWAITING_APPROVAL}) {
      Map<Trigger, CaseStatus> row = table.get(live);
      row.put(Trigger.HOLD, ON_HOLD);
      row.put(Trigger.PAY_PARTIALLY, live);
      row.put(Trigger.ANNOTATE, live);
      row.put(Trigger.PAY_IN_FULL, CLOSED);
      row.put(Trigger.WRITE_OFF, CLOSED);
      row.put(Trigger.CANCEL, CLOSED);
      row.put(Trigger.HAND_OVER, CLOSED);
      row.put(Trigger.CREDIT, CLOSED);
    }
    table.get(ON_HOLD).put(Trigger.RESUME, OPEN);
    // A closed case still takes notes (a late delivery receipt, a document), never a status change.
    table.get(CLOSED).put(Trigger.ANNOTATE, CLOSED);
    table.replaceAll((status, row) -> Collections.unmodifiableMap(row));
    return Collections.unmodifiableMap(table);
  }

  /** The status {@code trigger} leads to from {@code from}, or empty if the move is illegal. */
  public static Optional<CaseStatus> target(CaseStatus from, Trigger trigger) {
    return Optional.ofNullable(TABLE.get(from).get(trigger));
  }

  public static boolean isLegal(CaseStatus from, Trigger trigger) {
    return TABLE.get(from).containsKey(trigger);
  }

  /** The status {@code trigger} leads to from {@code from}; throws if the move is illegal. */
  public static CaseStatus require(String caseId, CaseStatus from, Trigger trigger) {
    CaseStatus to = TABLE.get(from).get(trigger); // on every transition: no Optional, no capturing lambda
    if (to == null) {
      throw new IllegalTransitionException(caseId, from, trigger);
    }
    return to;
  }

  /** The whole table, for documentation and tests: status → trigger → status. */
  public static Map<CaseStatus, Map<Trigger, CaseStatus>> table() {
    return TABLE;
  }
}
