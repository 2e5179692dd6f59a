package dev.dunning.jdbc;

import static dev.dunning.testkit.CaseFixtures.message;
import static dev.dunning.testkit.CaseFixtures.openCase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.jdbc.support.EachDatabase;
import dev.dunning.model.ChannelType;
import dev.dunning.model.RecoveryCase;
import dev.dunning.spi.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery leases run on the database clock: a dispatcher whose clock is hours ahead (or a test
 * clock pushed forward) cannot take over a message another dispatcher is still sending.
 */
class LeaseClockTest extends EachDatabase {
  private static final Duration LEASE = Duration.ofMinutes(15);

  private Instant now;

  @BeforeEach
  void oneDueMessage() {
    now = Instant.now();
    RecoveryCase c = openCase("C-1", null);
    db.storeBuilder().build().create(c, List.of(), List.of(message(c, "reminder1", ChannelType.EMAIL, now)));
  }

  @Test
  void aClockTwoHoursAheadCannotReclaimAMessageWhileItsLeaseHoldsOnTheDatabaseClock() {
    JdbcCaseStore store = db.storeBuilder().build();
    OutboxMessage claimed = store.claimMessages(now, 10, LEASE).get(0);

    assertThat(claimed.nextAttemptAt()).as("shown on the caller's clock").isEqualTo(now.plus(LEASE));
    assertThat(store.claimMessages(now.plus(Duration.ofHours(2)), 10, LEASE)).isEmpty();
    assertThat(db.count("SELECT COUNT(*) FROM dunning_outbox WHERE status = 'in_flight' AND lease_token = '"
        + claimed.leaseToken() + "'")).isEqualTo(1);
  }

  @Test
  void onTheCallersClockTheSameCallReclaimsItOnceTheLeaseHasExpiredThere() {
    JdbcCaseStore store = db.storeBuilder().leaseOnDatabaseClock(false).build();
    OutboxMessage claimed = store.claimMessages(now, 10, LEASE).get(0);

    List<OutboxMessage> reclaimed = store.claimMessages(now.plus(Duration.ofHours(2)), 10, LEASE);

    assertThat(reclaimed).singleElement().satisfies(m -> {
      assertThat(m.idempotencyKey()).isEqualTo(claimed.idempotencyKey());
      assertThat(m.leaseToken()).isNotEqualTo(claimed.leaseToken());
    });
  }
}
