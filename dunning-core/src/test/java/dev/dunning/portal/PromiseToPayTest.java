package dev.dunning.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.model.CaseStatus;
import dev.dunning.model.ChannelType;
import dev.dunning.model.EventType;
import dev.dunning.model.HoldReason;
import dev.dunning.model.RecoveryCase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PromiseToPayTest extends CaseWithPortalLink {

  private void assertRefused(LocalDate date, String code, String messagePart) {
    assertThatThrownBy(() -> f.portal.promiseToPay(PortalFixtures.TENANT, token, date))
        .isInstanceOfSatisfying(PortalRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("date");
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.getMessage()).contains(messagePart);
        });
    assertThat(f.current(c.id()).status()).isEqualTo(CaseStatus.OPEN);
    assertThat(f.events(c.id(), EventType.PROMISE_TO_PAY)).isEmpty();
  }

  @Test
  void a_date_in_the_past_is_refused() {
    assertRefused(PortalFixtures.TODAY.minusDays(1), "promise.date.past", "has passed");
  }

  @Test
  void a_date_more_than_thirty_days_ahead_is_refused() {
    assertRefused(PortalFixtures.TODAY.plusDays(31), "promise.date.too_late", "at most 30 days ahead (by 2026-04-01)");
  }

  @Test
  void no_date_is_refused() {
    assertRefused(null, "promise.date.missing", "choose the date");
  }

  @Test
  void a_promise_holds_escalation_until_the_date_plus_grace_then_escalation_resumes_by_itself() {
    LocalDate promised = PortalFixtures.TODAY.plusDays(30);
    f.portal.promiseToPay(PortalFixtures.TENANT, token, promised);

    RecoveryCase held = f.current(c.id());
    Instant until = LocalDate.of(2026, 4, 5).atStartOfDay(PortalFixtures.BRUSSELS).toInstant();
    assertThat(held.hold().reason()).isEqualTo(HoldReason.PROMISE_TO_PAY);
    assertThat(held.hold().until()).isEqualTo(until);
    assertThat(f.events(c.id(), EventType.PROMISE_TO_PAY)).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("1200.00 EUR by 2026-04-01"));

    int sent = f.channel(ChannelType.EMAIL).sentFor(c.id()).size();
    f.clock.set(until.minusSeconds(1));
    f.engine.tick();
    assertThat(f.current(c.id()).status()).isEqualTo(CaseStatus.ON_HOLD);
    assertThat(f.channel(ChannelType.EMAIL).sentFor(c.id())).hasSize(sent);

    f.clock.advance(Duration.ofSeconds(1));
    f.engine.tick();
    RecoveryCase resumed = f.current(c.id());
    assertThat(resumed.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(resumed.stageId()).isEqualTo("reminder2");
    assertThat(f.channel(ChannelType.EMAIL).sentFor(c.id())).hasSize(sent + 1);
  }

  @Test
  void a_second_promise_is_refused_but_a_dispute_may_follow_a_promise() {
    f.portal.promiseToPay(PortalFixtures.TENANT, token, PortalFixtures.TODAY.plusDays(3));
    assertThatThrownBy(() -> f.portal.promiseToPay(PortalFixtures.TENANT, token, PortalFixtures.TODAY.plusDays(6)))
        .hasMessageContaining("already promised");
    f.portal.dispute(PortalFixtures.TENANT, token, "goods never delivered", null);
    assertThat(f.current(c.id()).hold().reason()).isEqualTo(HoldReason.DISPUTE);
  }

  @Test
  void grace_and_horizon_are_configurable() {
    PortalService strict = PortalService.builder(f.engine, f.links).creditors(f.creditors).documentStore(f.documents)
        .paymentPlans(f.plans).promiseMaxDays(7).promiseGraceDays(0).build();
    assertThatThrownBy(() -> strict.promiseToPay(PortalFixtures.TENANT, token, PortalFixtures.TODAY.plusDays(8)))
        .hasMessageContaining("at most 7 days");
    strict.promiseToPay(PortalFixtures.TENANT, token, PortalFixtures.TODAY);
    assertThat(f.current(c.id()).hold().until())
        .isEqualTo(PortalFixtures.TODAY.plusDays(1).atStartOfDay(PortalFixtures.BRUSSELS).toInstant());
  }
}
