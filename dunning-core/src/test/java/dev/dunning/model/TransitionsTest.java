package dev.dunning.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class TransitionsTest {

  @Test
  void aClosedCaseTakesNotesButNoStatusChange() {
    for (Trigger t : Trigger.values()) {
      assertThat(Transitions.isLegal(CaseStatus.CLOSED, t)).as(t.name()).isEqualTo(t == Trigger.ANNOTATE);
    }
  }

  @Test
  void onlyAnOpenCaseEscalatesAndOnlyACaseAwaitingApprovalCanBeApproved() {
    assertThat(EnumSet.allOf(CaseStatus.class)).filteredOn(s -> Transitions.isLegal(s, Trigger.ESCALATE))
        .containsExactly(CaseStatus.OPEN);
    assertThat(EnumSet.allOf(CaseStatus.class)).filteredOn(s -> Transitions.isLegal(s, Trigger.APPROVE))
        .containsExactly(CaseStatus.AWAITING_APPROVAL);
    assertThat(EnumSet.allOf(CaseStatus.class)).filteredOn(s -> Transitions.isLegal(s, Trigger.RESUME))
        .containsExactly(CaseStatus.ON_HOLD);
  }

  @Test
  void everyLiveStatusCanBePaidHeldOrClosed() {
    for (CaseStatus s : EnumSet.of(CaseStatus.OPEN, CaseStatus.ON_HOLD, CaseStatus.AWAITING_APPROVAL)) {
      assertThat(Transitions.target(s, Trigger.PAY_IN_FULL)).contains(CaseStatus.CLOSED);
      assertThat(Transitions.target(s, Trigger.PAY_PARTIALLY)).contains(s);
      assertThat(Transitions.target(s, Trigger.HOLD)).contains(CaseStatus.ON_HOLD);
      assertThat(Transitions.target(s, Trigger.WRITE_OFF)).contains(CaseStatus.CLOSED);
    }
  }

  @Test
  void persistedCodesAreStableAndRoundTrip() {
    assertThat(CaseStatus.AWAITING_APPROVAL.code()).isEqualTo("awaiting_approval");
    assertThat(Resolution.HANDED_OVER.code()).isEqualTo("handed_over");
    assertThat(HoldReason.PROMISE_TO_PAY.code()).isEqualTo("promise_to_pay");
    for (CaseStatus s : CaseStatus.values()) {
      assertThat(CaseStatus.fromCode(s.code())).isEqualTo(s);
    }
    for (Resolution r : Resolution.values()) {
      assertThat(Resolution.fromCode(r.code())).isEqualTo(r);
    }
    for (EventType e : EventType.values()) {
      assertThat(EventType.fromCode(e.code())).isEqualTo(e);
    }
  }
}
