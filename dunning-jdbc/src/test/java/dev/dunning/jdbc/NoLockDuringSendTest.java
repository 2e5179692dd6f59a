package dev.dunning.jdbc;

import static dev.dunning.jdbc.support.JdbcEngine.REMINDER1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.jdbc.support.EachDatabase;
import dev.dunning.jdbc.support.JdbcEngine;
import dev.dunning.model.ChannelType;
import dev.dunning.model.RecoveryCase;
import dev.dunning.spi.CaseChange;
import dev.dunning.spi.CaseFailure;
import dev.dunning.spi.Channel;
import dev.dunning.spi.DueCaseHandler;
import dev.dunning.spi.DueOutcome;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.Receipt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A send happens with no transaction open and no row locked: while a channel is sending, another
 * connection can lock the message's case row and outbox row at once ({@code FOR UPDATE NOWAIT}).
 */
class NoLockDuringSendTest extends EachDatabase {
  @Test
  void whileAChannelSendsAnotherConnectionLocksTheCaseAndTheMessageWithoutWaiting() {
    List<String> locked = new ArrayList<>();
    Channel probing = new Channel() {
      @Override
      public ChannelType type() {
        return ChannelType.EMAIL;
      }

      @Override
      public Receipt send(OutboundMessage m) {
        locked.add(lockNoWait("SELECT id FROM dunning_case WHERE id = ?", m.message().caseId()));
        locked.add(lockNoWait("SELECT idempotency_key FROM dunning_outbox WHERE idempotency_key = ?",
            m.message().idempotencyKey()));
        return Receipt.of("probe-1");
      }
    };
    JdbcEngine f = new JdbcEngine(db.dataSource(), JdbcEngine.newClock(), probing);
    f.open("C-1");

    assertThat(f.tickAt(REMINDER1).delivered()).isEqualTo(1);

    assertThat(locked).containsExactly("locked dunning_case", "locked dunning_outbox");
  }

  @Test
  void theProbeDoesSeeARowLockedByATransactionOfTheStore() {
    JdbcEngine f = new JdbcEngine(db.dataSource(), JdbcEngine.newClock());
    f.open("C-1");
    List<String> seen = new ArrayList<>();

    f.store.processDue(REMINDER1, 10, new DueCaseHandler() {
      @Override
      public DueOutcome onDue(RecoveryCase c) { // inside the claim's transaction, the row locked
        seen.add(lockNoWait("SELECT id FROM dunning_case WHERE id = ?", c.id()));
        return new CaseChange(c.toBuilder().nextActionAt(null).build(), List.of(), List.of(), false);
      }

      @Override
      public CaseFailure onUnreadable(String caseId, long version, int failures, RuntimeException error) {
        throw new AssertionError(error);
      }
    });

    assertThat(seen).singleElement().asString().startsWith("could not lock dunning_case");
  }

  /** Locks the row on a connection of its own, failing at once if another transaction holds it. */
  private String lockNoWait(String select, String key) {
    String table = select.replaceAll(".* FROM (\\S+) .*", "$1");
    try (Connection c = db.unpooled().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(select + " FOR UPDATE NOWAIT")) {
        ps.setString(1, key);
        ps.executeQuery().close();
        return "locked " + table;
      } catch (SQLException e) {
        return "could not lock " + table + ": " + e.getMessage();
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
