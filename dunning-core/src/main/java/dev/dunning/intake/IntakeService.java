package dev.dunning.intake;

import dev.dunning.RecoveryEngine;
import dev.dunning.Remark;
import dev.dunning.intake.internal.DemandCases;
import dev.dunning.intake.internal.DemandChecks;
import dev.dunning.model.Actor;
import dev.dunning.model.EventType;
import dev.dunning.model.Origin;
import dev.dunning.model.RecoveryCase;
import dev.dunning.portal.internal.Uploads;
import dev.dunning.spi.CaseQuery;
import dev.dunning.spi.CreditorDirectory;
import dev.dunning.spi.Document;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.DocumentStore;
import dev.dunning.spi.DuplicateCaseException;
import dev.dunning.spi.StoredDocument;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
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
  private static final String DEMAND_ID = "demandId";
  private static final String INVOICE_NUMBER = "invoiceNumber";

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
   * Opens the case of a pending demand, with its invoice copies (attached to the case's e-mails), and
   * tells the requester. Safe to retry: the demand is first claimed ({@link DemandStatus#APPROVING})
   * under the id its case will have, the copies are stored under that id, and the case is opened with
   * the requester's note and the copies on its timeline in one write. An approval cut short is
   * finished by approving again, which opens that case only if it is not open yet; one that failed
   * before opening the case keeps no copy and leaves the demand pending.
   *
   * @throws InvalidDemandException if the demand no longer passes the checks (it stays pending)
   * @throws IllegalStateException if it is already decided, or was decided concurrently
   */
  public StoredDemand approve(String demandId, Actor manager) {
    Objects.requireNonNull(manager, "manager");
    StoredDemand current = require(demandId);
    if (current.status() != DemandStatus.PENDING && current.status() != DemandStatus.APPROVING) {
      throw new IllegalStateException("demand " + demandId + " is already " + current.status().code());
    }
    List<DemandProblem> problems = validate(current.demand(), current);
    if (!problems.isEmpty()) {
      throw new InvalidDemandException(problems);
    }
    // claim it with its case id first: managers approving at once open one case, and a retry opens that same one
    String caseId = current.caseId() != null ? current.caseId() : engine.newCaseId();
    StoredDemand claimed = current.approving(clock.instant(), manager, caseId);
    if (!store.replace(claimed)) {
      throw new IllegalStateException("demand " + demandId + " was decided by someone else meanwhile");
    }
    RecoveryCase opened = openCase(claimed, manager);
    StoredDemand approved = claimed.approved(claimed.decidedAt(), manager, caseId);
    if (!store.replace(approved)) {
      throw new IllegalStateException("demand " + demandId + " was approved by someone else meanwhile");
    }
    tell(l -> l.onApproved(approved, opened));
    return approved;
  }

  /**
   * Opens the claimed demand's case, or finds it opened by an earlier attempt. If it cannot be opened,
   * keeps nothing: the copies stored under its id are deleted and the demand waits again.
   */
  private RecoveryCase openCase(StoredDemand claimed, Actor manager) {
    String caseId = claimed.caseId();
    Actor colleague = Actor.colleague(claimed.demand().requester().name().strip());
    List<StoredDocument> storedNow = new ArrayList<>();
    try {
      List<Remark> remarks = new ArrayList<>();
      remarks.add(Remark.by(colleague, EventType.NOTE, describe(claimed)));
      for (StoredDocument copy : copies(claimed, storedNow)) {
        remarks.add(Remark.by(colleague, EventType.DOCUMENT_STORED, "invoice copy for "
            + copy.metadata().get(INVOICE_NUMBER) + ": " + copy.filename() + " (" + copy.size() + " bytes, sha256 "
            + copy.sha256() + ")"));
      }
      return engine.open(DemandCases.newCase(claimed, caseId, zone, manager), remarks.toArray(Remark[]::new));
    } catch (DuplicateCaseException e) {
      RecoveryCase existing = engine.find(caseId).filter(c -> c.origin() == Origin.DEMAND
          && c.tenantId().equals(claimed.demand().tenantId())).orElseThrow(() -> e);
      // opened by an earlier attempt, or by another manager's at the same time: its timeline names its own copies
      Uploads.discard(documents, caseId, storedNow, e);
      if (e.getSuppressed().length > 0) {
        // e is not thrown, so nobody else would see the copies that are left behind
        LOG.warn("demand {}: case {} was already open; copies stored again for it could not all be deleted",
            claimed.id(), caseId, e);
      }
      return existing;
    } catch (RuntimeException e) {
      Optional<RecoveryCase> opened = engine.find(caseId);
      if (opened.isPresent()) {
        return opened.get(); // the open was written before the failure
      }
      Uploads.discard(documents, caseId, documents == null ? List.of() : documents.list(caseId), e);
      if (!store.replace(claimed.reopened())) {
        LOG.info("demand {} changed while its failed approval was undone", claimed.id());
      }
      throw e;
    }
  }

  /** The demand's invoice copies under its case id: those an earlier attempt stored, the others stored now. */
  private List<StoredDocument> copies(StoredDemand d, List<StoredDocument> storedNow) {
    List<DemandInvoice> withCopy = d.demand().invoices().stream().filter(i -> i.copy() != null).toList();
    if (withCopy.isEmpty()) {
      return List.of();
    }
    List<StoredDocument> earlier = documents.list(d.caseId());
    List<StoredDocument> copies = new ArrayList<>();
    for (DemandInvoice invoice : withCopy) {
      String number = invoice.number().strip();
      Optional<StoredDocument> kept = earlier.stream().filter(doc -> doc.kind() == DocumentKind.INVOICE_COPY
          && d.id().equals(doc.metadata().get(DEMAND_ID)) && number.equals(doc.metadata().get(INVOICE_NUMBER)))
          .findFirst();
      if (kept.isPresent()) {
        copies.add(kept.get());
        continue;
      }
      String filename = "invoice-" + number.replaceAll("[^A-Za-z0-9_-]", "_") + ".pdf";
      StoredDocument stored = documents.put(d.caseId(), DocumentKind.INVOICE_COPY,
          new Document(filename, Document.PDF, invoice.copy().content()),
          Map.of(INVOICE_NUMBER, number, DEMAND_ID, d.id(),
              "originalFilename", dev.dunning.portal.internal.FileInspector.safeName(invoice.copy().filename())));
      storedNow.add(stored);
      copies.add(stored);
    }
    return copies;
  }

  /** Refuses a pending demand with a reason the requester is told. */
  public StoredDemand reject(String demandId, String reason, Actor manager) {
    Objects.requireNonNull(manager, "manager");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason: say why the demand is rejected; the requester is told");
    }
    StoredDemand current = require(demandId);
    if (current.status() == DemandStatus.APPROVING) {
      throw new IllegalStateException("demand " + demandId + " is being approved (an approval was cut short): "
          + "approve it again to finish");
    }
    if (current.status() != DemandStatus.PENDING) {
      throw new IllegalStateException("demand " + demandId + " is already " + current.status().code());
    }
    StoredDemand rejected = current.rejected(clock.instant(), manager, reason.strip());
    if (!store.replace(rejected)) {
      throw new IllegalStateException("demand " + demandId + " was decided by someone else meanwhile");
    }
    tell(l -> l.onRejected(rejected));
    return rejected;
  }

  public Optional<StoredDemand> find(String demandId) {
    return store.find(demandId);
  }

  /**
   * A tenant's demands waiting for a manager, oldest first: the pending ones, and those whose
   * approval was cut short ({@link DemandStatus#APPROVING}), which approving again finishes.
   */
  public List<StoredDemand> pending(String tenantId) {
    List<StoredDemand> waiting = new ArrayList<>(store.list(tenantId, DemandStatus.PENDING));
    waiting.addAll(store.list(tenantId, DemandStatus.APPROVING));
    waiting.sort(Comparator.comparing(StoredDemand::submittedAt).thenComparing(StoredDemand::id));
    return waiting;
  }

  /** {@code self}: the stored demand being approved, whose own case and demand are no duplicates; or {@code null}. */
  private List<DemandProblem> validate(Demand demand, StoredDemand self) {
    Objects.requireNonNull(demand, "demand");
    List<DemandProblem> problems = new ArrayList<>(checks.check(demand, new DemandChecks.Lookups() {
      @Override
      public boolean tenantExists(String tenantId) {
        return creditors.find(tenantId).isPresent();
      }

      @Override
      public List<String> openCasesWith(String tenantId, String invoiceNumber) {
        return engine.query(CaseQuery.all().tenant(tenantId).invoice(invoiceNumber).notClosed()).stream()
            .map(RecoveryCase::id).filter(id -> self == null || !id.equals(self.caseId())).toList();
      }

      @Override
      public List<String> pendingDemandsWith(String tenantId, String invoiceNumber) {
        // an approval cut short counts until its case is open: then the case is the duplicate named
        return pending(tenantId).stream()
            .filter(d -> self == null || !d.id().equals(self.id()))
            .filter(d -> d.status() == DemandStatus.PENDING || engine.find(d.caseId()).isEmpty())
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

  private StoredDemand require(String demandId) {
    return store.find(demandId)
        .orElseThrow(() -> new IllegalArgumentException("demandId: no demand '" + demandId + "'"));
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
