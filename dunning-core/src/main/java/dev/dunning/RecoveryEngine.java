package dev.dunning;

import dev.dunning.internal.Decider;
import dev.dunning.internal.Dispatcher;
import dev.dunning.internal.Listeners;
import dev.dunning.internal.Operations;
import dev.dunning.internal.Previews;
import dev.dunning.internal.Step;
import dev.dunning.internal.TickBatch;
import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.EventType;
import dev.dunning.model.Hold;
import dev.dunning.model.HoldReason;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import dev.dunning.model.TimelineEvent;
import dev.dunning.playbook.Playbook;
import dev.dunning.policy.Backoff;
import dev.dunning.spi.CaseChange;
import dev.dunning.spi.CaseNotFoundException;
import dev.dunning.spi.CaseQuery;
import dev.dunning.spi.CaseStore;
import dev.dunning.spi.CreditorDirectory;
import dev.dunning.spi.Document;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.DocumentStore;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.StaleCaseException;
import dev.dunning.spi.StoredDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs unpaid invoices through a creditor's playbook until they are paid: the one entry point of
 * Dunning. Build one with {@link #builder()}, call {@link #tick()} from your scheduler (every
 * minute, say), and use the client operations ({@link #open}, {@link #recordPayment},
 * {@link #hold}, …) from your application; they work whether or not anything is ticking.
 *
 * <p>A tick advances every case whose next action is due, and only those, at most one stage per
 * case; the messages a transition causes are stored with it (an outbox) and delivered afterwards,
 * with retries. Safe for concurrent use: several threads, and with a shared store several
 * processes, may tick at once; each due case and message is handled by one of them.
 *
 * @since 0.1
 */
public final class RecoveryEngine {
  private static final Logger LOG = LoggerFactory.getLogger(RecoveryEngine.class);
  private static final int MAX_OPTIMISTIC_RETRIES = 10;

  private final CaseStore store;
  private final Clock clock;
  private final Decider decider;
  private final Operations operations;
  private final Dispatcher dispatcher;
  private final Listeners listeners;
  private final DocumentStore documents;
  private final Backoff caseBackoff;
  private final int batchSize;
  private final Supplier<String> ids;
  private final CreditorDirectory creditors;

  RecoveryEngine(CaseStore store, Clock clock, Decider decider, Dispatcher dispatcher, Listeners listeners,
      DocumentStore documents, Backoff caseBackoff, int batchSize, Supplier<String> ids, CreditorDirectory creditors) {
    this.store = store;
    this.clock = clock;
    this.decider = decider;
    this.operations = new Operations(decider);
    this.dispatcher = dispatcher;
    this.listeners = listeners;
    this.documents = documents;
    this.caseBackoff = caseBackoff;
    this.batchSize = batchSize;
    this.ids = ids;
    this.creditors = creditors;
  }

  public static RecoveryEngineBuilder builder() {
    return new RecoveryEngineBuilder();
  }

  // ---------------------------------------------------------------- the engine's own work

  /** Advances every due case by at most one stage, then delivers the due messages: {@link #advance()} + {@link #dispatch()}. */
  public TickReport tick() {
    long started = System.nanoTime();
    Instant now = clock.instant();
    int[] counts = advance(now);
    DispatchReport delivery = dispatch(now);
    return new TickReport(now, counts[3], counts[0], counts[1], counts[2], delivery.delivered(),
        delivery.retrying(), delivery.failed(), Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Advances every due case by at most one stage and queues its messages, without delivering them:
   * for hosts that deliver on another schedule or thread with {@link #dispatch()}.
   */
  public TickReport advance() {
    long started = System.nanoTime();
    Instant now = clock.instant();
    int[] counts = advance(now);
    return new TickReport(now, counts[3], counts[0], counts[1], counts[2], 0, 0, 0,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** Returns {advanced, errors, queued, processed}. */
  private int[] advance(Instant now) {
    int[] counts = new int[4];
    while (true) {
      TickBatch batch = new TickBatch(decider, listeners, caseBackoff, now);
      int claimed = store.processDue(now, batchSize, batch);
      batch.finish(counts);
      counts[3] += claimed;
      if (claimed < batchSize) {
        return counts;
      }
    }
  }

  /** Delivers the due outbox messages without advancing cases (a tick does both). */
  public DispatchReport dispatch() {
    return dispatch(clock.instant());
  }

  private DispatchReport dispatch(Instant now) {
    DispatchReport total = DispatchReport.NONE;
    while (true) {
      Dispatcher.Counts c = dispatcher.dispatchBatch(now, batchSize);
      total = total.plus(new DispatchReport(c.delivered(), c.retrying(), c.failed(), c.cancelled()));
      // loop until nothing is due, so a fallback queued by this round goes out in the same dispatch;
      // retries are scheduled in the future, so this ends
      if (c.claimed() == 0) {
        return total;
      }
    }
  }

  // ---------------------------------------------------------------- client operations

  /**
   * Opens a case, with {@code remarks} after the opening in the same write; its first stage runs at
   * the next tick on or after its start. A request naming a taken id throws {@code DuplicateCaseException};
   * one for a creditor the directory does not know, or with nothing owed, throws
   * {@code IllegalArgumentException} naming the field, and nothing is stored.
   */
  public RecoveryCase open(NewCase request, Remark... remarks) {
    Instant now = clock.instant();
    String playbookId = request.playbookId() == null ? decider.playbooks().defaultId() : request.playbookId();
    if (!decider.playbooks().contains(playbookId)) {
      throw new IllegalArgumentException("playbookId: no playbook '" + playbookId + "' is registered");
    }
    // refused here rather than at the first delivery, which could only retry "no creditor" until it gave up
    if (creditors.find(request.tenantId()).isEmpty()) {
      throw new IllegalArgumentException("tenantId: no creditor '" + request.tenantId()
          + "' in the creditor directory");
    }
    RecoveryCase draft = new RecoveryCase.Builder()
        .id(request.id() == null ? ids.get() : request.id())
        .tenantId(request.tenantId())
        .playbookId(playbookId)
        .debtor(request.debtor())
        .claims(request.claims())
        .origin(request.origin())
        .status(CaseStatus.OPEN)
        .openedAt(now)
        .version(0)
        .build();
    if (!draft.balance().isPositive()) {
      throw new IllegalArgumentException("claims: the open balance must be > 0, was " + draft.balance());
    }
    RecoveryCase opened = draft.toBuilder().nextActionAt(decider.schedule(draft, now)).build();
    List<TimelineEvent> events = new ArrayList<>(1 + remarks.length);
    events.add(Decider.event(opened, now, EventType.OPENED, request.openedBy(),
        request.origin().code() + ", " + opened.claims().size() + " claim(s), balance " + opened.balance()
            + ", playbook " + playbookId));
    for (Remark r : remarks) {
      events.add(Decider.event(opened, now, r.type(), r.actorOr(request.openedBy()), r.detail()));
    }
    RecoveryCase stored = store.create(opened, events, List.of());
    listeners.onCaseChanged(null, stored, events);
    return stored;
  }

  /** A new id from the builder's {@code caseIds}: to store a case's documents before opening it, or retry an open. */
  public String newCaseId() {
    return ids.get();
  }

  /**
   * Records a payment. One that settles the balance closes the case as PAID, whatever its stage,
   * and cancels its unsent messages; a partial one lowers the balance and escalation goes on.
   */
  public RecoveryCase recordPayment(String caseId, Money amount, String reference, Actor actor, Remark... remarks) {
    return mutate(caseId, actor, remarks, (c, now) -> operations.pay(c, amount, reference, now, actor));
  }

  /**
   * Pauses escalation, and the delivery of messages already queued, until {@code until} ({@code null}:
   * until someone resumes it). An {@code until} that is not after now is refused.
   */
  public RecoveryCase hold(String caseId, HoldReason reason, Instant until, String note, Actor actor,
      Remark... remarks) {
    return mutate(caseId, actor, remarks, (c, now) -> operations.hold(c, new Hold(reason, until, note), now, actor));
  }

  /** Ends a hold: escalation goes on from where it was. */
  public RecoveryCase resume(String caseId, String note, Actor actor, Remark... remarks) {
    return mutate(caseId, actor, remarks, (c, now) -> operations.resume(c, now, actor, note, false));
  }

  /** Ends a hold and sends the current stage again with a fresh deadline (e.g. after a rejected proof of payment). */
  public RecoveryCase resumeWithFreshDeadline(String caseId, String note, Actor actor, Remark... remarks) {
    return mutate(caseId, actor, remarks, (c, now) -> operations.resume(c, now, actor, note, true));
  }

  /** Approves the stage the case awaits; it runs at once (its messages go out at the next dispatch). */
  public RecoveryCase approve(String caseId, Actor actor) {
    return mutate(caseId, (c, now) -> decider.approve(c, now, actor));
  }

  /** Closes the case with a resolution other than PAID (use {@link #recordPayment} for that). */
  public RecoveryCase close(String caseId, Resolution resolution, String note, Actor actor, Remark... remarks) {
    return mutate(caseId, actor, remarks, (c, now) -> operations.close(c, resolution, note, now, actor));
  }

  public RecoveryCase writeOff(String caseId, String note, Actor actor) {
    return close(caseId, Resolution.WRITTEN_OFF, note, actor);
  }

  public RecoveryCase cancel(String caseId, String note, Actor actor) {
    return close(caseId, Resolution.CANCELLED, note, actor);
  }

  /** Adds a fact to the case's timeline (a note, a portal action) without changing its status. */
  public RecoveryCase annotate(String caseId, EventType type, String detail, Actor actor) {
    return mutate(caseId, (c, now) -> operations.annotate(c, type, detail, now, actor));
  }

  /**
   * Stores a letter a person prepared (e.g. a signed formal notice) to be sent for {@code stageId}
   * instead of the rendered one.
   *
   * @throws IllegalArgumentException if the stage does not exist or the letter is not a PDF
   */
  public StoredDocument uploadSignedLetter(String caseId, String stageId, Document letter, Actor actor) {
    RecoveryCase c = find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    if (documents == null) {
      throw new IllegalStateException("no DocumentStore is configured: builder().documentStore(…)");
    }
    decider.playbooks().get(c.playbookId()).stage(stageId).orElseThrow(
        () -> new IllegalArgumentException("stageId: playbook '" + c.playbookId() + "' has no stage '" + stageId + "'"));
    if (!dev.dunning.portal.internal.FileType.PDF.matches(letter.content())) {
      // it is posted and e-mailed as a PDF: a scan or a Word file would reach the debtor unreadable
      String head = new String(letter.content(), 0, Math.min(8, letter.content().length),
          java.nio.charset.StandardCharsets.ISO_8859_1).replaceAll("[^ -~]", "?");
      throw new IllegalArgumentException("letter: a signed letter must be a PDF (its content starts with %PDF-), but "
          + letter.filename() + " (" + letter.content().length + " bytes) starts with '" + head + "'");
    }
    StoredDocument stored = documents.put(caseId, DocumentKind.SIGNED_LETTER, letter,
        Map.of(dev.dunning.internal.Letters.STAGE_ID, stageId));
    annotate(caseId, EventType.DOCUMENT_STORED, "signed letter for " + stageId + ": " + stored.filename() + " ("
        + stored.size() + " bytes, sha256 " + stored.sha256() + ")", actor);
    return stored;
  }

  // ---------------------------------------------------------------- reading

  public Optional<RecoveryCase> find(String caseId) {
    return store.find(caseId);
  }

  public List<TimelineEvent> timeline(String caseId) {
    return store.timeline(caseId);
  }

  public List<OutboxMessage> messages(String caseId) {
    return store.messages(caseId);
  }

  public List<RecoveryCase> query(CaseQuery query) {
    return store.query(query);
  }

  /**
   * The case's future if nobody pays: every stage still to run, when, on which channels, with
   * which deadline and balance, computed by the same decisions a tick makes. Stores and sends
   * nothing. Stages that need approval are assumed approved when asked.
   */
  public List<PreviewStep> preview(String caseId) {
    return preview(find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId)));
  }

  /** {@link #preview(String)} for a case value (which need not be stored). */
  public List<PreviewStep> preview(RecoveryCase recoveryCase) {
    return Previews.of(decider, recoveryCase, clock.instant());
  }

  public Clock clock() {
    return clock;
  }

  public Playbook playbook(String id) {
    return decider.playbooks().get(id);
  }

  // ---------------------------------------------------------------- internals

  @FunctionalInterface
  private interface Mutation {
    Step apply(RecoveryCase current, Instant now);
  }

  private RecoveryCase mutate(String caseId, Mutation mutation) {
    return mutate(caseId, Actor.SYSTEM, new Remark[0], mutation);
  }

  /**
   * Reads, applies and writes with optimistic concurrency, re-reading on a lost race. The remarks
   * go on the timeline before the operation's own events, in the same write.
   */
  private RecoveryCase mutate(String caseId, Actor actor, Remark[] remarks, Mutation mutation) {
    for (int attempt = 1; ; attempt++) {
      RecoveryCase current = store.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
      Instant now = clock.instant();
      Step step = mutation.apply(current, now);
      List<TimelineEvent> events = step.events();
      if (remarks.length > 0) {
        events = new ArrayList<>(remarks.length + step.events().size());
        for (Remark r : remarks) {
          events.add(Decider.event(current, now, r.type(), r.actorOr(actor), r.detail()));
        }
        events.addAll(step.events());
      }
      try {
        RecoveryCase written = store.update(new CaseChange(step.updated(), events, step.messages(),
            step.cancelPending()));
        listeners.onCaseChanged(current, written, events);
        return written;
      } catch (StaleCaseException e) {
        if (attempt >= MAX_OPTIMISTIC_RETRIES) {
          throw e;
        }
      }
    }
  }

  static Supplier<String> uuidIds() {
    return () -> UUID.randomUUID().toString();
  }
}
