package dev.dunning.jdbc.internal;

import dev.dunning.model.RecoveryCase;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every SQL statement of the store, built once per table prefix. Portable between H2 2.x and
 * PostgreSQL 15+ except the row locks, the claims and the set-based writes, which the
 * {@link Dialect} chooses. Column lists are fixed here and read by position in the row mappers, so
 * a change here is a change there.
 */
public final class Statements {
  /** Case columns in select order; {@link CaseRows} reads them by these positions. */
  static final String CASE_COLUMNS = "id, tenant_id, playbook_id, debtor_id, debtor, claims, opened_at, "
      + "origin, stage_id, stage_attempt, status, hold_reason, hold_until, hold_note, resolution, "
      + "pending_stage_id, deadline, next_action_at, currency, fees, paid, failures, version";
  /** What a case's identity is: written on create, and on update only when debtor or claims changed. */
  private static final String IDENTITY_SET = "tenant_id = ?, playbook_id = ?, debtor_id = ?, debtor = ?, "
      + "claims = ?, opened_at = ?, ";
  /** Where a case stands: written by every update. */
  private static final String STATE_SET = "origin = ?, stage_id = ?, stage_attempt = ?, status = ?, "
      + "hold_reason = ?, hold_until = ?, hold_note = ?, resolution = ?, pending_stage_id = ?, deadline = ?, "
      + "next_action_at = ?, currency = ?, fees = ?, paid = ?, failures = ?, version = ? "
      + "WHERE id = ? AND version = ?";
  static final String OUTBOX_COLUMNS = "idempotency_key, case_id, tenant_id, stage_id, stage_kind, "
      + "stage_attempt, channel, fallbacks, template_key, deadline, amount_due, currency, created_at, status, "
      + "attempts, next_attempt_at, lease_token, last_error, receipt, sent_at";
  static final String EVENT_COLUMNS = "case_id, occurred_at, event_type, actor_kind, actor_name, stage_id, detail";
  static final String DOCUMENT_COLUMNS = "id, case_id, kind, filename, media_type, size_bytes, sha256, "
      + "created_at, metadata";
  static final String TOKEN_COLUMNS = "token_hash, case_id, tenant_id, issued_at, expires_at, revoked_at";
  static final String DEMAND_COLUMNS = "id, tenant_id, status, submitted_at, decided_at, case_id, version, demand";
  static final String PLAN_COLUMNS = "case_id, status, requested_at, plan";

  public final String caseTable;
  public final String invoiceTable;
  public final String eventTable;
  public final String outboxTable;
  public final String documentTable;
  public final String tokenTable;
  public final String versionTable;
  public final String demandTable;
  public final String planTable;

  final String insertCase;
  final String updateCaseFull;
  final String updateCaseState;
  final String updateCaseFailure;
  /** Set-based forms (see {@link ArrayColumn}), or null where the dialect writes JDBC batches. */
  final String updateCaseStates;
  final String insertEvents;
  final String insertMessages;
  final String findCase;
  final String lockCase;
  final String caseExists;
  final String dueCases;
  final String deleteInvoices;
  final String insertInvoice;
  final String insertEvent;
  final String timeline;
  final String insertMessage;
  final String messagesOfCase;
  final String cancelPending;
  final String expiredLeases;
  final String pendingDue;
  final String markClaimed;
  final String completeDelivery;
  final String messageExists;
  final String currentTimestamp;
  final String insertDocument;
  final String documentContent;
  final String documentsOfCase;
  final String deleteDocument;
  final String insertToken;
  final String tokenByHash;
  final String revokeTokens;
  final String insertDemand;
  final String findDemand;
  final String replaceDemand;
  final String demandsOf;
  final String savePlan;
  final String findPlan;
  final String deletePlan;
  final String createVersionTable;
  final String appliedVersions;
  final String insertVersion;

  /**
   * How a dialect claims rows: the first {@code ?} rows of {@code table} meeting {@code condition}
   * in the order of {@code index} (on {@code orderBy}), each locked, skipping rows another
   * transaction holds.
   */
  @FunctionalInterface
  interface ClaimSql {
    String first(String columns, String table, String index, String condition, String orderBy);
  }

  /**
   * @param arrays whether the dialect writes batches as one statement over unnested arrays
   *     (PostgreSQL) rather than as JDBC batches
   */
  Statements(String prefix, String rowLock, ClaimSql claim, boolean arrays) {
    caseTable = prefix + "case";
    invoiceTable = prefix + "case_invoice";
    eventTable = prefix + "event";
    outboxTable = prefix + "outbox";
    documentTable = prefix + "document";
    tokenTable = prefix + "portal_token";
    versionTable = prefix + "schema_version";
    demandTable = prefix + "demand";
    planTable = prefix + "payment_plan";

    insertCase = "INSERT INTO " + caseTable + " (" + CASE_COLUMNS + ") VALUES (" + marks(23) + ")";
    updateCaseFull = "UPDATE " + caseTable + " SET " + IDENTITY_SET + STATE_SET;
    updateCaseState = "UPDATE " + caseTable + " SET " + STATE_SET;
    updateCaseFailure = "UPDATE " + caseTable + " SET failures = ?, next_action_at = ?, version = ? "
        + "WHERE id = ? AND version = ?";
    if (arrays) {
      List<ArrayColumn<RecoveryCase>> state = CaseRows.STATE_ARRAY_COLUMNS;
      updateCaseStates = "UPDATE " + caseTable + " AS c SET "
          + state.stream().skip(2).map(col -> col.name() + " = v." + col.name()).collect(Collectors.joining(", "))
          + ", version = v.expected + 1 FROM " + ArrayColumn.unnest(state) + " AS v(" + ArrayColumn.names(state)
          + ") WHERE c.id = v.id AND c.version = v.expected";
      insertEvents = "INSERT INTO " + eventTable + " (" + ArrayColumn.names(EventRows.ARRAY_COLUMNS)
          + ") SELECT * FROM " + ArrayColumn.unnest(EventRows.ARRAY_COLUMNS);
      insertMessages = "INSERT INTO " + outboxTable + " (" + ArrayColumn.names(OutboxRows.ARRAY_COLUMNS)
          + ") SELECT * FROM " + ArrayColumn.unnest(OutboxRows.ARRAY_COLUMNS);
    } else {
      updateCaseStates = null;
      insertEvents = null;
      insertMessages = null;
    }
    findCase = "SELECT " + CASE_COLUMNS + " FROM " + caseTable + " WHERE id = ?";
    lockCase = "SELECT version, claims FROM " + caseTable + " WHERE id = ?" + rowLock;
    caseExists = "SELECT 1 FROM " + caseTable + " WHERE id = ?";
    // the lower bound lets H2 start its index cursor past NULLs (cases with nothing to do), however
    // the database sorts them; PostgreSQL answers both bounds from the same partial index
    dueCases = claim.first(CASE_COLUMNS, caseTable, prefix + "case_due",
        "next_action_at >= ? AND next_action_at <= ? AND status <> 'closed'", "next_action_at");

    deleteInvoices = "DELETE FROM " + invoiceTable + " WHERE case_id = ?";
    insertInvoice = "INSERT INTO " + invoiceTable + " (case_id, pos, invoice_number) VALUES (?, ?, ?)";

    insertEvent = "INSERT INTO " + eventTable + " (" + EVENT_COLUMNS + ") VALUES (" + marks(7) + ")";
    timeline = "SELECT " + EVENT_COLUMNS + " FROM " + eventTable + " WHERE case_id = ? ORDER BY id";

    insertMessage = "INSERT INTO " + outboxTable + " (" + OUTBOX_COLUMNS + ", lease_until) VALUES ("
        + marks(21) + ")";
    messagesOfCase = "SELECT " + OUTBOX_COLUMNS + " FROM " + outboxTable + " WHERE case_id = ? ORDER BY seq";
    cancelPending = "UPDATE " + outboxTable + " SET status = 'cancelled' WHERE case_id = ? AND status = 'pending'";
    expiredLeases = claim.first(OUTBOX_COLUMNS, outboxTable, prefix + "outbox_leased",
        "status = 'in_flight' AND lease_until <= ?", "lease_until");
    pendingDue = claim.first(OUTBOX_COLUMNS, outboxTable, prefix + "outbox_pending",
        "status = 'pending' AND next_attempt_at <= ?", "next_attempt_at");
    markClaimed = "UPDATE " + outboxTable + " SET status = 'in_flight', lease_token = ?, lease_until = ?, "
        + "next_attempt_at = ? WHERE idempotency_key = ?";
    completeDelivery = "UPDATE " + outboxTable + " SET status = ?, attempts = ?, next_attempt_at = ?, "
        + "lease_token = NULL, lease_until = NULL, last_error = ?, receipt = ?, sent_at = COALESCE(?, sent_at) "
        + "WHERE idempotency_key = ? AND status = 'in_flight' AND lease_token = ?";
    messageExists = "SELECT 1 FROM " + outboxTable + " WHERE idempotency_key = ?";
    currentTimestamp = "SELECT CURRENT_TIMESTAMP";

    insertDocument = "INSERT INTO " + documentTable + " (" + DOCUMENT_COLUMNS + ", content) VALUES ("
        + marks(10) + ")";
    documentContent = "SELECT filename, media_type, content FROM " + documentTable + " WHERE id = ?";
    documentsOfCase = "SELECT " + DOCUMENT_COLUMNS + " FROM " + documentTable + " WHERE case_id = ? ORDER BY seq";
    deleteDocument = "DELETE FROM " + documentTable + " WHERE id = ? AND case_id = ?";

    insertToken = "INSERT INTO " + tokenTable + " (" + TOKEN_COLUMNS + ") VALUES (" + marks(6) + ")";
    tokenByHash = "SELECT " + TOKEN_COLUMNS + " FROM " + tokenTable + " WHERE token_hash = ?";
    revokeTokens = "UPDATE " + tokenTable + " SET revoked_at = ? WHERE case_id = ? AND revoked_at IS NULL";

    insertDemand = "INSERT INTO " + demandTable + " (" + DEMAND_COLUMNS + ") VALUES (" + marks(8) + ")";
    findDemand = "SELECT " + DEMAND_COLUMNS + " FROM " + demandTable + " WHERE id = ?";
    replaceDemand = "UPDATE " + demandTable + " SET tenant_id = ?, status = ?, submitted_at = ?, decided_at = ?, "
        + "case_id = ?, version = ?, demand = ? WHERE id = ? AND version = ?";
    demandsOf = "SELECT " + DEMAND_COLUMNS + " FROM " + demandTable + " WHERE tenant_id = ? AND status = ? "
        + "ORDER BY submitted_at, id";
    savePlan = "MERGE INTO " + planTable + " p USING (VALUES (?, ?, ?, ?)) AS v(" + PLAN_COLUMNS + ") "
        + "ON p.case_id = v.case_id WHEN MATCHED THEN UPDATE SET status = v.status, requested_at = v.requested_at, "
        + "plan = v.plan WHEN NOT MATCHED THEN INSERT (" + PLAN_COLUMNS + ") "
        + "VALUES (v.case_id, v.status, v.requested_at, v.plan)";
    findPlan = "SELECT " + PLAN_COLUMNS + " FROM " + planTable + " WHERE case_id = ?";
    deletePlan = "DELETE FROM " + planTable + " WHERE case_id = ?";

    createVersionTable = "CREATE TABLE IF NOT EXISTS " + versionTable + " (version INTEGER NOT NULL PRIMARY KEY, "
        + "description VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, "
        + "installed_at TIMESTAMP WITH TIME ZONE NOT NULL)";
    appliedVersions = "SELECT version, description, checksum FROM " + versionTable + " ORDER BY version";
    insertVersion = "INSERT INTO " + versionTable + " (version, description, checksum, installed_at) "
        + "VALUES (?, ?, ?, CURRENT_TIMESTAMP)";
  }

  /** A desk query: filters present in the query become conditions, in this order. */
  String query(boolean tenant, int statuses, boolean invoice, boolean debtor) {
    StringBuilder sql = new StringBuilder("SELECT ").append(CASE_COLUMNS).append(" FROM ").append(caseTable)
        .append(" c WHERE 1 = 1");
    if (tenant) {
      sql.append(" AND c.tenant_id = ?");
    }
    if (statuses > 0) {
      sql.append(" AND c.status IN (").append(marks(statuses)).append(')');
    }
    if (invoice) {
      sql.append(" AND EXISTS (SELECT 1 FROM ").append(invoiceTable)
          .append(" i WHERE i.case_id = c.id AND i.invoice_number = ?)");
    }
    if (debtor) {
      sql.append(" AND c.debtor_id = ?");
    }
    return sql.append(" ORDER BY c.opened_at, c.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY").toString();
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
