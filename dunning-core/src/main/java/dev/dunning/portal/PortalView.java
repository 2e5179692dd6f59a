package dev.dunning.portal;

import dev.dunning.model.CaseStatus;
import dev.dunning.model.Claim;
import dev.dunning.model.HoldReason;
import dev.dunning.model.Money;
import dev.dunning.model.PostalAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the debtor sees on the portal page: what is owed and why, by when, how to pay, whom to
 * contact, where their requests stand and what they can do next. Holds nothing internal (no
 * notes, no timeline).
 *
 * @param caseId the case reference to quote when calling
 * @param creditorName who is owed
 * @param creditorAddress the creditor's postal address
 * @param contactPhone the creditor's number for questions (may be empty)
 * @param contactEmail the creditor's address for questions (may be empty)
 * @param debtorName to whom the claims are addressed
 * @param claims the invoices
 * @param fees the fees charged so far
 * @param paid the payments recorded so far
 * @param balance what is owed now
 * @param deadline the date payment is expected by, or {@code null} before the first reminder
 * @param status where the case stands
 * @param holdReason why escalation is paused, or {@code null}
 * @param holdUntil until when, or {@code null} (no hold, or waiting for a decision)
 * @param payment how to pay
 * @param plan the latest instalment plan (requested, running, declined…), or {@code null}
 * @param actions what the debtor can do now
 * @since 0.1
 */
public record PortalView(String caseId, String creditorName, PostalAddress creditorAddress, String contactPhone,
    String contactEmail, String debtorName, List<Claim> claims, Money fees, Money paid, Money balance,
    LocalDate deadline, CaseStatus status, HoldReason holdReason, Instant holdUntil, PaymentInstructions payment,
    PaymentPlan plan, Set<PortalAction> actions) {

  public PortalView {
    claims = List.copyOf(claims);
    actions = Set.copyOf(actions);
  }
}
