package dev.dunning.internal;

import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.ChannelType;
import dev.dunning.model.Creditor;
import dev.dunning.model.Debtor;
import dev.dunning.model.EventType;
import dev.dunning.model.Hold;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import dev.dunning.model.TimelineEvent;
import dev.dunning.playbook.Delivery;
import dev.dunning.playbook.Stage;
import dev.dunning.playbook.StageKind;
import dev.dunning.policy.Backoff;
import dev.dunning.policy.ChannelRouter;
import dev.dunning.policy.TemplateResolver;
import dev.dunning.spi.CaseStore;
import dev.dunning.spi.Channel;
import dev.dunning.spi.CreditorDirectory;
import dev.dunning.spi.DeliveryException;
import dev.dunning.spi.DeliveryOutcome;
import dev.dunning.spi.DeliveryResult;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.OutboxStatus;
import dev.dunning.spi.PortalLinkIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due outbox messages: claims a batch under a lease, prepares each (case, creditor, stage,
 * portal link, letter), hands them to their channel in one batch per channel, and records each
 * outcome. Runs outside any store transaction; a channel that throws fails only its messages.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  /**
   * How long a message of a case held until a decision waits before the dispatcher looks again (a
   * hold with an end date is looked at when it ends).
   */
  static final Duration HOLD_RECHECK = Duration.ofHours(1);

  /** Counts of one dispatch round. */
  public record Counts(int claimed, int delivered, int retrying, int failed, int cancelled) {}

  private final CaseStore store;
  private final Map<ChannelType, Channel> channels;
  private final CreditorDirectory creditors;
  private final Playbooks playbooks;
  private final PortalLinkIssuer links;
  private final Letters letters;
  private final Listeners listeners;
  private final Backoff backoff;
  private final int maxAttempts;
  private final Duration lease;
  private final TemplateResolver templates;
  private final ChannelRouter router;

  public Dispatcher(CaseStore store, Map<ChannelType, Channel> channels, CreditorDirectory creditors,
      Playbooks playbooks, PortalLinkIssuer links, Letters letters, Listeners listeners, Backoff backoff,
      int maxAttempts, Duration lease, TemplateResolver templates, ChannelRouter router) {
    this.store = store;
    this.channels = Map.copyOf(channels);
    this.creditors = creditors;
    this.playbooks = playbooks;
    this.links = links;
    this.letters = letters;
    this.listeners = listeners;
    this.backoff = backoff;
    this.maxAttempts = maxAttempts;
    this.lease = lease;
    this.templates = templates;
    this.router = router;
  }

  /** Claims and delivers one batch of due messages. */
  public Counts dispatchBatch(Instant now, int batchSize) {
    List<OutboxMessage> claimed = store.claimMessages(now, batchSize, lease);
    if (claimed.isEmpty()) {
      return new Counts(0, 0, 0, 0, 0);
    }
    Map<ChannelType, List<OutboundMessage>> byChannel = new EnumMap<>(ChannelType.class);
    Map<String, List<TimelineEvent>> preparationEvents = new HashMap<>();
    int[] counts = new int[4]; // delivered, retrying, failed, cancelled
    // a stage's messages are queued together, so they come one after another: the case (and its
    // creditor) is read once for all of them
    RecoveryCase c = null;
    Creditor creditor = null;
    String creditorOf = null; // the tenant id creditor was found for
    List<TimelineEvent> events = new ArrayList<>(0); // what preparing a message recorded (a stored letter)
    Candidates candidates = new Candidates();
    Routes routes = new Routes();
    for (OutboxMessage message : claimed) {
      try {
        if (c == null || !c.id().equals(message.caseId())) {
          c = load(message.caseId());
        }
        if (c.isClosed() && !isHandOverOf(message, c)) {
          record(cancellation(message, now, "case closed (" + c.resolution().code() + ") before delivery"), counts);
          continue;
        }
        if (c.status() == CaseStatus.ON_HOLD) {
          record(deferral(message, c.hold(), now), counts);
          continue;
        }
        if (!isCurrent(message, c)) {
          // the case ran another stage (or re-issued this one with a fresh deadline) before this
          // message went out, e.g. while it waited for a hold to end: what it states no longer holds
          record(cancellation(message, now, "superseded: the case is now at " + c.stageId() + " (attempt "
              + c.stageAttempt() + ")"), counts);
          continue;
        }
        if (creditor == null || !creditorOf.equals(c.tenantId())) {
          creditor = creditor(c.tenantId());
          creditorOf = c.tenantId();
        }
        Stage stage = stage(c.playbookId(), message.stageId());
        Locale locale = c.debtor().locale();
        OutboundMessage outbound = new OutboundMessage(message, c, creditor, stage, locale,
            links.linkFor(c, message).orElse(null), List.of(), candidates.of(message, locale),
            routes.of(stage, c.debtor(), message.channel()));
        events.clear();
        List<dev.dunning.spi.Document> attachments = letters.attachmentsFor(outbound, now, events);
        if (!attachments.isEmpty()) {
          outbound = outbound.withAttachments(attachments);
        }
        if (!events.isEmpty()) {
          preparationEvents.put(message.idempotencyKey(), List.copyOf(events));
        }
        byChannel.computeIfAbsent(message.channel(), k -> new ArrayList<>()).add(outbound);
      } catch (RuntimeException e) {
        // a message we cannot even prepare (stage gone, renderer bug) is retried like a transient failure
        LOG.warn("cannot prepare message {}: {}", message.idempotencyKey(), e.toString());
        record(failure(message, DeliveryException.retryable("cannot prepare: " + e, e), now, List.of()), counts);
        c = null; // read it again for the next message
      }
    }
    for (Map.Entry<ChannelType, List<OutboundMessage>> group : byChannel.entrySet()) {
      List<OutboundMessage> batch = group.getValue();
      List<DeliveryResult> results = send(group.getKey(), batch);
      for (int i = 0; i < batch.size(); i++) {
        OutboxMessage message = batch.get(i).message();
        List<TimelineEvent> prepared = preparationEvents.isEmpty() ? List.of()
            : preparationEvents.getOrDefault(message.idempotencyKey(), List.of());
        DeliveryResult result = results.get(i);
        if (result == null) {
          record(failure(message, DeliveryException.retryable("channel " + group.getKey().code()
              + ": sendBatch returned null for this message", null), now, prepared), counts);
        } else if (result.isSent()) {
          TimelineEvent sent = new TimelineEvent(message.caseId(), now, EventType.MESSAGE_SENT, Actor.SYSTEM,
              message.stageId(), message.channel().code() + " " + message.idempotencyKey() + ", receipt "
                  + result.receipt().id());
          record(outcome(message, OutboxStatus.SENT, message.attempts() + 1, now, result.receipt().id(), null,
              Events.append(prepared, sent), null), counts);
        } else {
          record(failure(message, result.failure(), now, prepared), counts);
        }
      }
    }
    return new Counts(claimed.size(), counts[0], counts[1], counts[2], counts[3]);
  }

  /** Whether {@code message} was queued by the stage attempt {@code c} is at now. */
  private static boolean isCurrent(OutboxMessage message, RecoveryCase c) {
    return message.stageId().equals(c.stageId()) && message.stageAttempt() == c.stageAttempt();
  }

  /**
   * Whether {@code message} is the file of the hand-over that closed {@code c}: a hand-over stage
   * queues it and closes the case in the same write, so it goes out although the case is closed. A
   * message of any other stage (one in flight when a person closed the case, even as handed over)
   * is cancelled like any message of a closed case.
   */
  private static boolean isHandOverOf(OutboxMessage message, RecoveryCase c) {
    return c.resolution() == Resolution.HANDED_OVER && message.stageKind() == StageKind.HANDOVER
        && isCurrent(message, c);
  }

  private RecoveryCase load(String caseId) {
    Optional<RecoveryCase> c = store.find(caseId);
    if (c.isEmpty()) {
      throw new IllegalStateException("case " + caseId + " is gone");
    }
    return c.get();
  }

  private Creditor creditor(String tenantId) {
    Optional<Creditor> creditor = creditors.find(tenantId);
    if (creditor.isEmpty()) {
      throw new IllegalStateException("no creditor '" + tenantId + "' in the creditor directory");
    }
    return creditor.get();
  }

  private Stage stage(String playbookId, String stageId) {
    Optional<Stage> stage = playbooks.get(playbookId).stage(stageId);
    if (stage.isEmpty()) {
      throw new dev.dunning.playbook.UnknownStageException(playbookId, stageId);
    }
    return stage.get();
  }

  private List<DeliveryResult> send(ChannelType type, List<OutboundMessage> batch) {
    Channel channel = channels.get(type);
    if (channel == null) {
      List<DeliveryResult> failed = new ArrayList<>();
      for (OutboundMessage m : batch) {
        failed.add(DeliveryResult.failed(m, DeliveryException.permanent("no channel registered for " + type.code(), null)));
      }
      return failed;
    }
    try {
      List<DeliveryResult> results = channel.sendBatch(batch);
      if (results.size() != batch.size()) {
        throw new IllegalStateException(channel.getClass().getName() + ".sendBatch returned " + results.size()
            + " results for " + batch.size() + " messages");
      }
      return results;
    } catch (RuntimeException e) {
      LOG.warn("channel {} failed a whole batch of {}", type.code(), batch.size(), e);
      List<DeliveryResult> failed = new ArrayList<>();
      for (OutboundMessage m : batch) {
        failed.add(DeliveryResult.failed(m, DeliveryException.retryable(String.valueOf(e), e)));
      }
      return failed;
    }
  }

  private DeliveryOutcome failure(OutboxMessage message, DeliveryException error, Instant now,
      List<TimelineEvent> prepared) {
    int attempts = message.attempts() + 1;
    List<TimelineEvent> events = new ArrayList<>(prepared);
    String reason = error.getMessage() == null ? error.toString() : error.getMessage();
    boolean giveUp = error.isPermanent() || attempts >= maxAttempts;
    if (!giveUp) {
      Instant retryAt = now.plus(backoff.delayAfter(attempts));
      events.add(new TimelineEvent(message.caseId(), now, EventType.MESSAGE_RETRY, Actor.SYSTEM, message.stageId(),
          message.channel().code() + " attempt " + attempts + " failed (" + reason + "); retry at " + retryAt));
      return retry(message, attempts, now, retryAt, reason, events);
    }
    OutboxMessage followUp = message.fallbacks().isEmpty() ? null : message.fallback(now);
    events.add(new TimelineEvent(message.caseId(), now, EventType.MESSAGE_FAILED, Actor.SYSTEM, message.stageId(),
        message.channel().code() + " failed " + (error.isPermanent() ? "permanently" : "after " + attempts + " attempts")
            + ": " + reason + (followUp == null ? "" : "; falling back to " + followUp.channel().code())));
    if (followUp != null) {
      events.add(new TimelineEvent(message.caseId(), now, EventType.MESSAGE_QUEUED, Actor.SYSTEM, message.stageId(),
          followUp.channel().code() + " " + followUp.idempotencyKey()));
    }
    return outcome(message, OutboxStatus.FAILED, attempts, now, null, reason, events, followUp);
  }

  private static DeliveryOutcome outcome(OutboxMessage message, OutboxStatus status, int attempts, Instant now,
      String receipt, String error, List<TimelineEvent> events, OutboxMessage followUp) {
    return new DeliveryOutcome(message, status, attempts, now, receipt, error, now, events, followUp);
  }

  private static DeliveryOutcome retry(OutboxMessage message, int attempts, Instant now, Instant retryAt,
      String error, List<TimelineEvent> events) {
    return new DeliveryOutcome(message, OutboxStatus.PENDING, attempts, retryAt, null, error, now, events, null);
  }

  /** Cancelled without a delivery attempt, with the reason on the case's timeline. */
  private static DeliveryOutcome cancellation(OutboxMessage message, Instant now, String reason) {
    TimelineEvent event = new TimelineEvent(message.caseId(), now, EventType.MESSAGES_CANCELLED, Actor.SYSTEM,
        message.stageId(), message.channel().code() + " " + message.idempotencyKey() + " cancelled: " + reason);
    return outcome(message, OutboxStatus.CANCELLED, message.attempts(), now, null, reason, List.of(event), null);
  }

  /**
   * A message of a held case waits, PENDING and without counting an attempt, until the hold ends
   * (or, held until a decision, for {@link #HOLD_RECHECK}); it is then sent if the case is still at
   * its stage, else cancelled as superseded. The timeline says so once per hold, not at every look.
   */
  private static DeliveryOutcome deferral(OutboxMessage message, Hold hold, Instant now) {
    Instant until = hold.until();
    Instant next = until != null && until.isAfter(now) ? until : now.plus(HOLD_RECHECK);
    String reason = "waiting: the case is on hold (" + hold.reason().code()
        + (until == null ? ", until a decision)" : ", until " + until + ")");
    List<TimelineEvent> events = reason.equals(message.lastError()) ? List.of()
        : List.of(new TimelineEvent(message.caseId(), now, EventType.MESSAGE_DEFERRED, Actor.SYSTEM, message.stageId(),
            message.channel().code() + " " + message.idempotencyKey() + " " + reason));
    return retry(message, message.attempts(), now, next, reason, events);
  }

  /**
   * Writes one outcome. A store error is logged and stays this message's: it is re-claimed when its
   * lease expires, and the rest of the batch is still recorded.
   */
  private void record(DeliveryOutcome outcome, int[] counts) {
    boolean ours;
    try {
      ours = store.completeDelivery(outcome);
    } catch (RuntimeException e) {
      LOG.error("message {}: its outcome ({}) could not be recorded; it is delivered again once its lease expires",
          outcome.message().idempotencyKey(), outcome.status(), e);
      return;
    }
    if (!ours) {
      LOG.info("message {}: lease lost before its outcome was recorded; another dispatcher owns it",
          outcome.message().idempotencyKey());
      return;
    }
    switch (outcome.status()) {
      case SENT -> {
        counts[0]++;
        if (!listeners.isEmpty()) {
          listeners.onMessageSent(outcome.message(), outcome.receipt());
        }
      }
      case PENDING -> {
        if (outcome.attempts() > outcome.message().attempts()) { // else a deferral: nothing was tried
          counts[1]++;
          listeners.onMessageFailed(outcome.message(), outcome.error(), false);
        }
      }
      case FAILED -> {
        counts[2]++;
        listeners.onMessageFailed(outcome.message(), outcome.error(), true);
      }
      case CANCELLED -> counts[3]++;
      default -> throw new IllegalStateException("unexpected outcome " + outcome.status());
    }
  }

  /**
   * The stage channels of each message ({@link StageChannels}), from the engine's router. A stage
   * delivered on all its channels queues its messages together, so they come one after another with
   * the same stage and debtor: the last route is kept for them.
   */
  private final class Routes {
    private Stage stage;
    private Debtor debtor;
    private List<ChannelType> route;

    List<ChannelType> of(Stage stage, Debtor debtor, ChannelType channel) {
      if (stage.delivery() != Delivery.ALL) {
        return StageChannels.only(channel);
      }
      if (stage != this.stage || debtor != this.debtor) {
        route = StageChannels.of(router, stage, debtor, channel);
        this.stage = stage;
        this.debtor = debtor;
      }
      return route;
    }
  }

  /**
   * The template candidates of each message, from the engine's resolver. The messages of a batch
   * mostly share stage and locale per channel (a formal notice alternates registered letter and
   * e-mail), so the last answer is kept per channel.
   */
  private final class Candidates {
    private final String[] keys = new String[ChannelType.values().length];
    private final Locale[] locales = new Locale[keys.length];
    private final List<?>[] answers = new List<?>[keys.length];

    @SuppressWarnings("unchecked")
    List<String> of(OutboxMessage message, Locale locale) {
      int i = message.channel().ordinal();
      if (answers[i] == null || !message.templateKey().equals(keys[i]) || !locale.equals(locales[i])) {
        answers[i] = List.copyOf(templates.candidates(message.templateKey(), message.channel(), locale));
        keys[i] = message.templateKey();
        locales[i] = locale;
      }
      return (List<String>) answers[i];
    }
  }
}
