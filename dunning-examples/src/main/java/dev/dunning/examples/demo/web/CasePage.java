package dev.dunning.examples.demo.web;

import dev.dunning.examples.demo.DemoServices;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.portal.DisputeOutcome;
import dev.dunning.spi.CaseNotFoundException;
import dev.dunning.spi.Document;
import dev.dunning.spi.StoredDocument;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A case on the desk ({@code /desk/cases/ID}): shows it ({@link CaseView}), serves its documents,
 * and carries out the manager's decisions: approve the stage it awaits, accept or reject a proof
 * of payment, decide an instalment plan or a dispute, record a payment, resume a held case.
 */
final class CasePage implements Page {
  private static final Pattern VIEW = Pattern.compile("/desk/cases/([^/]+)");
  private static final Pattern DOCUMENT = Pattern.compile("/desk/cases/([^/]+)/documents/([^/]+)");
  private static final Pattern ACTION = Pattern.compile("/desk/cases/([^/]+)/([a-z-]+)");

  private final DemoServices services;

  CasePage(DemoServices services) {
    this.services = services;
  }

  @Override
  public boolean handle(Exchange ex) {
    String[] m;
    if (ex.isGet() && (m = Paths.match(VIEW, ex.path())) != null) {
      String caseId = m[0];
      RecoveryCase c = services.engine().find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
      ex.html(new CaseView(services, c, ex.csrfToken()).render(ex.query("notice")));
    } else if (ex.isGet() && (m = Paths.match(DOCUMENT, ex.path())) != null) {
      download(ex, m[0], m[1]);
    } else if (ex.isPost() && (m = Paths.match(ACTION, ex.path())) != null) {
      String caseId = m[0];
      services.engine().find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
      String done = act(caseId, m[1], ex.form());
      ex.redirect("/desk/cases/" + Paths.encode(caseId) + "?notice=" + done);
    } else {
      return false;
    }
    return true;
  }

  /** Carries out one decision; returns the notice code the case page then shows. */
  private String act(String caseId, String action, Form form) {
    var review = services.review();
    switch (action) {
      case "approve" -> services.engine().approve(caseId, DeskPage.MANAGER);
      case "accept-proof" -> review.acceptProof(caseId, form.get("note"), DeskPage.MANAGER);
      case "reject-proof" -> review.rejectProof(caseId, form.get("reason"), DeskPage.MANAGER);
      case "approve-plan" -> review.approvePlan(caseId, form.get("note"), DeskPage.MANAGER);
      case "decline-plan" -> review.declinePlan(caseId, form.get("reason"), DeskPage.MANAGER);
      case "resume" -> review.resume(caseId, form.get("reason"), DeskPage.MANAGER);
      case "resolve-dispute" -> review.resolveDispute(caseId, outcome(form.get("outcome")), form.get("note"),
          DeskPage.MANAGER);
      case "payment" -> {
        RecoveryCase c = services.engine().find(caseId).orElseThrow();
        services.engine().recordPayment(caseId, amount(form.get("amount"), c), form.get("reference").isEmpty()
            ? "recorded on the desk" : form.get("reference"), DeskPage.MANAGER);
      }
      default -> throw new Exchange.NotFound("there is no action '" + action + "' on a case");
    }
    return action;
  }

  private void download(Exchange ex, String caseId, String documentId) {
    // only a document listed for this case: an id from another case's page opens nothing here
    StoredDocument meta = services.documents().list(caseId).stream().filter(d -> d.id().equals(documentId))
        .findFirst().orElseThrow(() -> new Exchange.NotFound("case " + caseId + " has no such document"));
    Document doc = services.documents().content(documentId)
        .orElseThrow(() -> new Exchange.NotFound("the document's content is missing"));
    ex.download(meta.filename(), meta.mediaType(), doc.content());
  }

  private static DisputeOutcome outcome(String value) {
    try {
      return DisputeOutcome.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("outcome: choose how the dispute ends");
    }
  }

  private static Money amount(String value, RecoveryCase c) {
    try {
      return Money.of(new BigDecimal(value.replace(',', '.')), c.currency().getCurrencyCode());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("amount: '" + value + "' is not an amount such as 120.50");
    }
  }
}
