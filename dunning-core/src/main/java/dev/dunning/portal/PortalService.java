package dev.dunning.portal;

import dev.dunning.RecoveryEngine;
import dev.dunning.Remark;
import dev.dunning.intake.internal.Ibans;
import dev.dunning.intake.internal.IdCheck;
import dev.dunning.model.Actor;
import dev.dunning.model.Claim;
import dev.dunning.model.Creditor;
import dev.dunning.model.EventType;
import dev.dunning.model.HoldReason;
import dev.dunning.model.IllegalTransitionException;
import dev.dunning.model.RecoveryCase;
import dev.dunning.portal.internal.FileInspector;
import dev.dunning.portal.internal.Instalments;
import dev.dunning.portal.internal.PortalRules;
import dev.dunning.portal.internal.Uploads;
import dev.dunning.spi.CreditorDirectory;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.DocumentStore;
import dev.dunning.spi.PortalToken;
import dev.dunning.spi.StoredDocument;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the debtor can do with the link in their messages, without HTTP: the host's web page calls
 * these with the raw token from the URL and shows the {@link PortalView} returned. Every action
 * checks the token first ({@link InvalidPortalLinkException}, one answer for every bad link), then
 * the whole request ({@link PortalRequestException}, nothing stored), then writes; each goes on the
 * case's timeline as {@link #DEBTOR}. An action whose write fails keeps nothing: the documents it
 * stored are deleted again ({@link DocumentStore#delete}), and a case that closed meanwhile is
 * answered with a {@link PortalRequestException} coded {@code action.not_allowed}.
 *
 * @since 0.1
 */
public final class PortalService {
  /** How debtor actions appear on the timeline. */
  public static final Actor DEBTOR = Actor.debtor("portal");
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 10L * 1024 * 1024;
  public static final int DEFAULT_PROMISE_MAX_DAYS = 30;
  public static final int DEFAULT_PROMISE_GRACE_DAYS = 3;
  public static final int DEFAULT_MAX_INSTALMENTS = 12;
  public static final int DEFAULT_PLAN_START_MAX_DAYS = 30;
  static final int MAX_TEXT_LENGTH = 2000;
  static final int MAX_DISPUTE_DOCUMENTS = 10;

  private final RecoveryEngine engine;
  private final PortalLinks links;
  private final CreditorDirectory creditors;
  private final DocumentStore documents;
  private final Uploads uploads;
  private final PaymentPlans plans;
  private final Clock clock;
  private final int promiseMaxDays;
  private final int promiseGraceDays;
  private final int maxInstalments;
  private final int planStartMaxDays;

  private PortalService(Builder b) {
    this.engine = b.engine;
    this.links = b.links;
    this.creditors = b.creditors;
    this.plans = b.plans;
    this.clock = engine.clock();
    this.documents = b.documents;
    this.uploads = new Uploads(documents, clock, b.maxUploadBytes, DEBTOR.name());
    this.promiseMaxDays = b.promiseMaxDays;
    this.promiseGraceDays = b.promiseGraceDays;
    this.maxInstalments = b.maxInstalments;
    this.planStartMaxDays = b.planStartMaxDays;
    plans.bind(engine);
  }

  public static Builder builder(RecoveryEngine engine, PortalLinks links) {
    return new Builder(engine, links);
  }

  /** What is owed, how to pay, and what the debtor can do. */
  public PortalView view(String tenantId, String token) {
    return view(open(tenantId, token));
  }

  /**
   * Keeps a proof of payment (PDF, PNG or JPEG, recognised by content) and pauses escalation until
   * a manager reviews it. On a case already paused for a decision of its own (a dispute, a plan
   * request or plan, a review, a manual pause) the pause stays and the proof joins the timeline,
   * where a manager may still accept or reject it.
   */
  public PortalView uploadProof(String tenantId, String token, Upload file) {
    RecoveryCase c = open(tenantId, token);
    PortalRules.require(c, PortalAction.UPLOAD_PROOF);
    FileInspector.Verdict verdict = uploads.inspect("file", file);
    StoredDocument stored = uploads.keep(c.id(), DocumentKind.PROOF_OF_PAYMENT, "proof-of-payment", file, verdict);
    Remark submitted = Remark.of(EventType.PROOF_SUBMITTED, "proof of payment " + Uploads.describe(stored, verdict));
    write(c, List.of(stored), () -> {
      if (PortalRules.proofStartsReview(c)) {
        // one write: the submission and the hold it causes are recorded together or not at all
        engine.hold(c.id(), HoldReason.PROOF_UNDER_REVIEW, null, "proof of payment " + stored.filename(), DEBTOR,
            submitted);
      } else {
        engine.annotate(c.id(), submitted.type(), submitted.detail(), DEBTOR);
      }
    });
    return view(reload(c));
  }

  /**
   * Records a promise to pay by {@code date} (today up to the configured maximum ahead); escalation
   * pauses until the date plus the grace period, then resumes by itself if the case is still unpaid.
   */
  public PortalView promiseToPay(String tenantId, String token, LocalDate date) {
    RecoveryCase c = open(tenantId, token);
    PortalRules.require(c, PortalAction.PROMISE_TO_PAY);
    LocalDate today = today(c);
    if (date == null) {
      throw new PortalRequestException("date", "promise.date.missing", "choose the date you will pay by");
    }
    if (date.isBefore(today)) {
      throw new PortalRequestException("date", "promise.date.past", "the date " + date + " has passed; choose today or later");
    }
    if (date.isAfter(today.plusDays(promiseMaxDays))) {
      throw new PortalRequestException("date", "promise.date.too_late", "choose a date at most " + promiseMaxDays
          + " days ahead (by " + today.plusDays(promiseMaxDays) + ")");
    }
    var until = date.plusDays(promiseGraceDays + 1L).atStartOfDay(c.debtor().timeZone()).toInstant();
    write(c, List.of(), () -> engine.hold(c.id(), HoldReason.PROMISE_TO_PAY, until, "promise to pay by " + date, DEBTOR,
        Remark.of(EventType.PROMISE_TO_PAY, "promised to pay " + c.balance() + " by " + date)));
    return view(reload(c));
  }

  /** Opens a dispute with a reason and optional documents; escalation pauses until a manager decides. */
  public PortalView dispute(String tenantId, String token, String reason, List<Upload> evidence) {
    RecoveryCase c = open(tenantId, token);
    PortalRules.require(c, PortalAction.DISPUTE);
    String why = text("reason", reason, true);
    List<Upload> files = evidence == null ? List.of() : evidence;
    if (files.size() > MAX_DISPUTE_DOCUMENTS) {
      throw new PortalRequestException("documents", "dispute.documents.too_many", "send at most "
          + MAX_DISPUTE_DOCUMENTS + " documents");
    }
    List<FileInspector.Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      verdicts.add(uploads.inspect("documents[" + i + "]", files.get(i)));
    }
    StringBuilder detail = new StringBuilder(why);
    List<StoredDocument> stored = new ArrayList<>();
    write(c, stored, () -> {
      for (int i = 0; i < files.size(); i++) {
        StoredDocument d = uploads.keep(c.id(), DocumentKind.DISPUTE_EVIDENCE, "dispute-evidence", files.get(i),
            verdicts.get(i));
        stored.add(d);
        detail.append("; document ").append(Uploads.describe(d, verdicts.get(i)));
      }
      engine.hold(c.id(), HoldReason.DISPUTE, null, "dispute opened by the debtor", DEBTOR,
          Remark.of(EventType.DISPUTE_OPENED, detail.toString()));
    });
    return view(reload(c));
  }

  /**
   * Asks to pay the balance in {@code instalments} monthly parts from {@code firstDate}; escalation
   * pauses until a manager decides.
   */
  public PortalView requestPaymentPlan(String tenantId, String token, int instalments, LocalDate firstDate,
      String note) {
    RecoveryCase c = open(tenantId, token);
    PortalRules.require(c, PortalAction.REQUEST_PAYMENT_PLAN);
    if (instalments < 2 || instalments > maxInstalments) {
      throw new PortalRequestException("instalments", "plan.instalments.range", "choose between 2 and "
          + maxInstalments + " instalments");
    }
    LocalDate today = today(c);
    if (firstDate == null) {
      throw new PortalRequestException("firstDate", "plan.first_date.missing", "choose the date of the first instalment");
    }
    if (firstDate.isBefore(today)) {
      throw new PortalRequestException("firstDate", "plan.first_date.past", "the date " + firstDate
          + " has passed; choose today or later");
    }
    if (firstDate.isAfter(today.plusDays(planStartMaxDays))) {
      throw new PortalRequestException("firstDate", "plan.first_date.too_late", "the first instalment must be at most "
          + planStartMaxDays + " days ahead (by " + today.plusDays(planStartMaxDays) + ")");
    }
    String why = text("note", note, false);
    List<Instalment> schedule;
    try {
      schedule = Instalments.split(c.balance(), instalments, firstDate);
    } catch (IllegalArgumentException e) {
      throw new PortalRequestException("instalments", "plan.instalments.too_small", "the balance of " + c.balance()
          + " is too small for " + instalments + " instalments");
    }
    write(c, List.of(), () -> plans.request(c, schedule, why, DEBTOR));
    return view(reload(c));
  }

  // ---------------------------------------------------------------- internals

  /** The case behind a token, or the one answer for every link that opens nothing. */
  private RecoveryCase open(String tenantId, String token) {
    PortalToken t = links.verify(tenantId, token);
    RecoveryCase c = engine.find(t.caseId()).orElseThrow(InvalidPortalLinkException::new);
    // the token's own checks cover these too, unless the revoking listener was not registered
    if (c.isClosed() || !c.tenantId().equals(tenantId)) {
      throw new InvalidPortalLinkException();
    }
    return c;
  }

  /**
   * Runs an action's writes. If they fail, the documents the action stored are deleted again, so
   * nothing is kept for an action that did not happen; a case that closed meanwhile (a payment landed
   * between reading the case and writing) is the debtor's to hear about, anything else is ours.
   */
  private void write(RecoveryCase c, List<StoredDocument> stored, Runnable writes) {
    try {
      writes.run();
    } catch (RuntimeException failed) {
      Uploads.discard(documents, c.id(), stored, failed);
      if (failed instanceof IllegalTransitionException) {
        PortalRequestException closed = new PortalRequestException("action", "action.not_allowed",
            "this file was closed meanwhile (a payment may just have reached us); nothing was kept");
        closed.initCause(failed);
        throw closed;
      }
      throw failed;
    }
  }

  private RecoveryCase reload(RecoveryCase c) {
    return engine.find(c.id()).orElseThrow(InvalidPortalLinkException::new);
  }

  private PortalView view(RecoveryCase c) {
    Creditor creditor = creditors.find(c.tenantId()).orElseThrow(
        () -> new IllegalStateException("no creditor '" + c.tenantId() + "' in the creditor directory"));
    IdCheck iban = creditor.iban().isBlank() ? null : Ibans.check(creditor.iban());
    String printedIban = iban == null ? "" : iban.valid() ? Ibans.format(iban.normalised()) : creditor.iban();
    PaymentInstructions payment = new PaymentInstructions(creditor.name(), printedIban, creditor.bic(), c.balance(),
        reference(c));
    return new PortalView(c.id(), creditor.name(), creditor.address(), creditor.contactPhone(),
        creditor.contactEmail(), c.debtor().name(), c.claims(), c.fees(), c.paid(), c.balance(), c.deadline(),
        c.status(), c.hold() == null ? null : c.hold().reason(), c.hold() == null ? null : c.hold().until(),
        payment, plans.find(c.id()).orElse(null), PortalRules.allowed(c));
  }

  /** The claims' own reference when they share one, else the case id, so the payment can be matched either way. */
  private static String reference(RecoveryCase c) {
    List<String> refs = c.claims().stream().map(Claim::paymentReference).filter(r -> !r.isBlank()).distinct().toList();
    return refs.size() == 1 ? refs.get(0) : c.id();
  }

  private static String text(String field, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new PortalRequestException(field, field + ".missing", "please say why");
      }
      return "";
    }
    if (value.length() > MAX_TEXT_LENGTH) {
      throw new PortalRequestException(field, field + ".too_long", "write at most " + MAX_TEXT_LENGTH + " characters");
    }
    return value.strip();
  }

  private LocalDate today(RecoveryCase c) {
    return LocalDate.now(clock.withZone(c.debtor().timeZone()));
  }

  /** Configures a {@link PortalService}; creditors, a document store and the plans are required. */
  public static final class Builder {
    private final RecoveryEngine engine;
    private final PortalLinks links;
    private CreditorDirectory creditors;
    private DocumentStore documents;
    private PaymentPlans plans;
    private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
    private int promiseMaxDays = DEFAULT_PROMISE_MAX_DAYS;
    private int promiseGraceDays = DEFAULT_PROMISE_GRACE_DAYS;
    private int maxInstalments = DEFAULT_MAX_INSTALMENTS;
    private int planStartMaxDays = DEFAULT_PLAN_START_MAX_DAYS;

    private Builder(RecoveryEngine engine, PortalLinks links) {
      this.engine = Objects.requireNonNull(engine, "engine");
      this.links = Objects.requireNonNull(links, "links");
    }

    /** The creditors, for contact details and payment instructions (the engine's own directory). */
    public Builder creditors(CreditorDirectory creditors) {
      this.creditors = Objects.requireNonNull(creditors, "creditors");
      return this;
    }

    /** Where proofs and dispute documents are kept. */
    public Builder documentStore(DocumentStore documents) {
      this.documents = Objects.requireNonNull(documents, "documents");
      return this;
    }

    /** The instalment plans; also register them with the engine as a listener. */
    public Builder paymentPlans(PaymentPlans plans) {
      this.plans = Objects.requireNonNull(plans, "plans");
      return this;
    }

    /** Largest upload, 1 byte..100 MB. Default {@value #DEFAULT_MAX_UPLOAD_BYTES} bytes (10 MB). */
    public Builder maxUploadBytes(long bytes) {
      if (bytes < 1 || bytes > 100L * 1024 * 1024) {
        throw new IllegalArgumentException("maxUploadBytes must be between 1 and 104857600, was " + bytes);
      }
      this.maxUploadBytes = bytes;
      return this;
    }

    /** How far ahead a promise may go, 1..365 days. Default {@value #DEFAULT_PROMISE_MAX_DAYS}. */
    public Builder promiseMaxDays(int days) {
      this.promiseMaxDays = range("promiseMaxDays", days, 1, 365);
      return this;
    }

    /** Days after the promised date before escalation resumes, 0..31. Default {@value #DEFAULT_PROMISE_GRACE_DAYS}. */
    public Builder promiseGraceDays(int days) {
      this.promiseGraceDays = range("promiseGraceDays", days, 0, 31);
      return this;
    }

    /** Most instalments a debtor may ask for, 2..60. Default {@value #DEFAULT_MAX_INSTALMENTS}. */
    public Builder maxInstalments(int count) {
      this.maxInstalments = range("maxInstalments", count, 2, 60);
      return this;
    }

    /** How far ahead the first instalment may be, 1..365 days. Default {@value #DEFAULT_PLAN_START_MAX_DAYS}. */
    public Builder planStartMaxDays(int days) {
      this.planStartMaxDays = range("planStartMaxDays", days, 1, 365);
      return this;
    }

    public PortalService build() {
      List<String> missing = new ArrayList<>();
      if (creditors == null) {
        missing.add("creditors(…)");
      }
      if (documents == null) {
        missing.add("documentStore(…)");
      }
      if (plans == null) {
        missing.add("paymentPlans(…)");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("PortalService needs " + String.join(", ", missing));
      }
      return new PortalService(this);
    }

    private static int range(String name, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
      }
      return value;
    }
  }
}
