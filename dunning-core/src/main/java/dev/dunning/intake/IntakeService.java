package dev.dunning.intake;

import dev.dunning.RecoveryEngine;
import dev.dunning.intake.internal.DemandCases;
import dev.dunning.intake.internal.DemandChecks;
import dev.dunning.model.Actor;
import dev.dunning.model.EventType;
import dev.dunning.model.RecoveryCase;
import dev.dunning.spi.CaseQuery;
import dev.dunning.spi.CreditorDirectory;
import dev.dunning.spi.Document;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.DocumentStore;
import dev.dunning.spi.StoredDocument;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes demands from colleagues: checks them in full, keeps the valid ones for a collection
 * manager, and opens a case (origin {@code DEMAND}) for each one approved. Every check runs again
 * at approval, because time passed and someone may have opened a case for the same invoice since.
 *
 * <pre>{@code
 * IntakeService intake = IntakeService.builder(engine, creditors).documentStore(documents)
 *     .listener(mailToRequester).build();
 * StoredDemand d = intake.submit(demand);          // InvalidDemandException lists every problem
 * intake.approve(d.id(), Actor.manager("claire")); // opens the case
 * }</pre>
 *
 * @since 0.1
 */
public final class IntakeService {
  private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);
  /** Largest invoice copy accepted by default: 10 MB. */
  public static final long DEFAULT_MAX_COPY_BYTES = 10L * 1024 * 1024;
  /** The actor recorded when an {@link AutoApprovePolicy} approves. */
  public static final Actor AUTO_APPROVAL = new Actor(Actor.Kind.SYSTEM, "auto-approval");

  private final RecoveryEngine engine;
  private final CreditorDirectory creditors;
  private final DemandStore store;
  private final DocumentStore documents;
  private final DemandListener listener;
  private final AutoApprovePolicy autoApprove;
  private final ZoneId zone;
  private final Clock clock;
  private final DemandChecks checks;
  private final Supplier<String> ids;

  private IntakeService(Builder b) {
    this.engine = b.engine;
    this.creditors = b.creditors;
    this.store = b.store;
    this.documents = b.documents;
    this.listener = b.listener;
    this.autoApprove = b.autoApprove;
    this.clock = engine.clock();
    this.zone = b.zone != null ? b.zone : clock.getZone();
    this.checks = new DemandChecks(clock, zone, b.maxCopyBytes);
    this.ids = b.ids;
  }

  public static Builder builder(RecoveryEngine engine, CreditorDirectory creditors) {
    return new Builder(engine, creditors);
  }

  /** Every problem of {@code demand}, each naming its field; empty if it would be accepted. Stores nothing. */
  public List<DemandProblem> validate(Demand demand) {
    return validate(demand, null);
  }

  /**
   * Accepts a valid demand: it waits for a manager, or is approved at once if the auto-approve
   * policy says so.
   *
   * @throws InvalidDemandException listing every problem; nothing is stored
   */
  public StoredDemand submit(Demand demand) {
    List<DemandProblem> problems = validate(demand, null);
    if (!problems.isEmpty()) {
      throw new InvalidDemandException(problems);
    }
    StoredDemand stored = StoredDemand.pending(ids.get(), demand, clock.instant());
    store.create(stored);
    tell(l -> l.onSubmitted(stored));
    if (autoApprove.approves(demand, DemandCases.total(demand))) {
      return approve(stored.id(), AUTO_APPROVAL);
    }
    return stored;
  }

  /**
   * Opens the case of a pending demand, stores its invoice copies (attached to the case's e-mails)
   * and tells the requester.
   *
   * @throws InvalidDemandException if the demand no longer passes the checks (it stays pending)
   * @throws IllegalStateException if it is not pending (already decided, or decided concurrently)
   */
  public StoredDemand approve(String demandId, Actor manager) {
    Objects.requireNonNull(manager, "manager");
    StoredDemand pending = requirePending(demandId);
    List<DemandProblem> problems = validate(pending.demand(), demandId);
    if (!problems.isEmpty()) {
      throw new InvalidDemandException(problems);
    }
    Instant now = clock.instant();
    // claim the demand before opening, so two managers approving at once open one case
    StoredDemand claimed = pending.approved(now, manager, null);
    if (!store.replace(claimed)) {
      throw new IllegalStateException("demand " + demandId + " was decided by someone else meanwhile");
    }
    RecoveryCase opened;
    try {
      opened = engine.open(DemandCases.newCase(pending, zone, manager));
    } catch (RuntimeException e) {
      store.replace(claimed.reopened());
      throw e;
    }
    StoredDemand approved = claimed.approved(now, manager, opened.id());
    store.replace(approved);
    Requester r = pending.demand().requester();
    Actor colleague = Actor.colleague(r.name().strip());
    engine.annotate(opened.id(), EventType.NOTE, describe(approved), colleague);
    storeCopies(approved, opened.id(), colleague);
    tell(l -> l.onApproved(approved, opened));
    return approved;
  }

  /** Refuses a pending demand with a reason the requester is told. */
  public StoredDemand reject(String demandId, String reason, Actor manager) {
    Objects.requireNonNull(manager, "manager");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason: say why the demand is rejected; the requester is told");
    }
    StoredDemand rejected = requirePending(demandId).rejected(clock.instant(), manager, reason.strip());
    if (!store.replace(rejected)) {
      throw new IllegalStateException("demand " + demandId + " was decided by someone else meanwhile");
    }
    tell(l -> l.onRejected(rejected));
    return rejected;
  }

  public Optional<StoredDemand> find(String demandId) {
    return store.find(demandId);
  }

  /** A tenant's demands waiting for a manager, oldest first. */
  public List<StoredDemand> pending(String tenantId) {
    return store.list(tenantId, DemandStatus.PENDING);
  }

  private List<DemandProblem> validate(Demand demand, String self) {
    Objects.requireNonNull(demand, "demand");
    List<DemandProblem> problems = new ArrayList<>(checks.check(demand, new DemandChecks.Lookups() {
      @Override
      public boolean tenantExists(String tenantId) {
        return creditors.find(tenantId).isPresent();
      }

      @Override
      public List<String> openCasesWith(String tenantId, String invoiceNumber) {
        return engine.query(CaseQuery.all().tenant(tenantId).invoice(invoiceNumber).notClosed()).stream()
            .map(RecoveryCase::id).toList();
      }

      @Override
      public List<String> pendingDemandsWith(String tenantId, String invoiceNumber) {
        return store.list(tenantId, DemandStatus.PENDING).stream()
            .filter(d -> !d.id().equals(self))
            .filter(d -> d.demand().invoices().stream()
                .anyMatch(i -> i != null && i.number() != null && i.number().strip().equals(invoiceNumber)))
            .map(StoredDemand::id).toList();
      }
    }));
    if (documents == null) {
      for (int i = 0; i < demand.invoices().size(); i++) {
        if (demand.invoices().get(i) != null && demand.invoices().get(i).copy() != null) {
          problems.add(new DemandProblem("invoices[" + i + "].copy", "file.not_accepted",
              "invoice copies cannot be kept here: send the demand without the file"));
        }
      }
    }
    return problems;
  }

  private StoredDemand requirePending(String demandId) {
    StoredDemand stored = store.find(demandId)
        .orElseThrow(() -> new IllegalArgumentException("demandId: no demand '" + demandId + "'"));
    if (stored.status() != DemandStatus.PENDING) {
      throw new IllegalStateException("demand " + demandId + " is already " + stored.status().code());
    }
    return stored;
  }

  private static String describe(StoredDemand d) {
    Demand demand = d.demand();
    Requester r = demand.requester();
    String iban = demand.debtor().iban();
    return "demand " + d.id() + " filed by " + r.name().strip() + " <" + r.email().strip() + ">"
        + (r.department().isBlank() ? "" : ", " + r.department().strip())
        + (demand.comment().isBlank() ? "" : ": " + demand.comment().strip())
        + (iban == null || iban.isBlank() ? "" : "; debtor pays from " + iban.strip());
  }

  private void storeCopies(StoredDemand d, String caseId, Actor colleague) {
    for (var invoice : d.demand().invoices()) {
      if (invoice.copy() == null) {
        continue;
      }
      String number = invoice.number().strip();
      String filename = "invoice-" + number.replaceAll("[^A-Za-z0-9_-]", "_") + ".pdf";
      StoredDocument stored = documents.put(caseId, DocumentKind.INVOICE_COPY,
          new Document(filename, Document.PDF, invoice.copy().content()),
          Map.of("invoiceNumber", number, "demandId", d.id(),
              "originalFilename", dev.dunning.portal.internal.FileInspector.safeName(invoice.copy().filename())));
      engine.annotate(caseId, EventType.DOCUMENT_STORED, "invoice copy for " + number + ": " + stored.filename()
          + " (" + stored.size() + " bytes, sha256 " + stored.sha256() + ")", colleague);
    }
  }

  private void tell(Consumer<DemandListener> call) {
    try {
      call.accept(listener);
    } catch (RuntimeException e) {
      LOG.warn("demand listener {} threw; ignored", listener.getClass().getName(), e);
    }
  }

  /** Configures an {@link IntakeService}; only the engine and the creditors are required. */
  public static final class Builder {
    private final RecoveryEngine engine;
    private final CreditorDirectory creditors;
    private DemandStore store = new InMemoryDemandStore();
    private DocumentStore documents;
    private DemandListener listener = DemandListener.NONE;
    private AutoApprovePolicy autoApprove = AutoApprovePolicy.NEVER;
    private ZoneId zone;
    private long maxCopyBytes = DEFAULT_MAX_COPY_BYTES;
    private Supplier<String> ids = () -> UUID.randomUUID().toString();

    private Builder(RecoveryEngine engine, CreditorDirectory creditors) {
      this.engine = Objects.requireNonNull(engine, "engine");
      this.creditors = Objects.requireNonNull(creditors, "creditors");
    }

    /** Where demands wait. Default: a new {@link InMemoryDemandStore}. */
    public Builder store(DemandStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Where invoice copies go. Default: none, and demands with a copy are refused. */
    public Builder documentStore(DocumentStore documents) {
      this.documents = Objects.requireNonNull(documents, "documents");
      return this;
    }

    public Builder listener(DemandListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Default: {@link AutoApprovePolicy#NEVER}. */
    public Builder autoApprove(AutoApprovePolicy policy) {
      this.autoApprove = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The zone "today" is taken in for debtors whose zone the demand does not give. Default: the clock's. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** Largest invoice copy accepted, 1 byte..100 MB. Default {@value #DEFAULT_MAX_COPY_BYTES} bytes. */
    public Builder maxCopyBytes(long bytes) {
      if (bytes < 1 || bytes > 100L * 1024 * 1024) {
        throw new IllegalArgumentException("maxCopyBytes must be between 1 and 104857600, was " + bytes);
      }
      this.maxCopyBytes = bytes;
      return this;
    }

    /** Generates demand ids. Default: random UUIDs. */
    public Builder demandIds(Supplier<String> ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    public IntakeService build() {
      return new IntakeService(this);
    }
  }
}
