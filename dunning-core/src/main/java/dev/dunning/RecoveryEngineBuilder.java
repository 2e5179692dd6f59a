package dev.dunning;

import dev.dunning.internal.Decider;
import dev.dunning.internal.Dispatcher;
import dev.dunning.internal.Letters;
import dev.dunning.internal.Listeners;
import dev.dunning.internal.Playbooks;
import dev.dunning.memory.InMemoryCaseStore;
import dev.dunning.model.ChannelType;
import dev.dunning.model.Creditor;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import dev.dunning.policy.Backoff;
import dev.dunning.policy.ChannelRouter;
import dev.dunning.policy.DeadlinePolicy;
import dev.dunning.policy.EscalationPolicy;
import dev.dunning.policy.TemplateResolver;
import dev.dunning.spi.CaseStore;
import dev.dunning.spi.Channel;
import dev.dunning.spi.CreditorDirectory;
import dev.dunning.spi.DocumentRenderer;
import dev.dunning.spi.DocumentStore;
import dev.dunning.spi.PortalLinkIssuer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Configures a {@link RecoveryEngine}. Everything has a default except the channels the playbooks
 * use and the creditors; {@link #build()} checks the whole configuration at once (every stage's
 * channels registered, every template present) and names every problem.
 *
 * @since 0.1
 */
public final class RecoveryEngineBuilder {
  /** Cases claimed per store round trip. */
  public static final int DEFAULT_BATCH_SIZE = 200;
  /** Delivery attempts before a message fails for good. */
  public static final int DEFAULT_MAX_DELIVERY_ATTEMPTS = 8;
  /** How long a claimed message is reserved for one dispatcher before another may re-deliver it. */
  public static final Duration DEFAULT_DELIVERY_LEASE = Duration.ofMinutes(15);

  private CaseStore store;
  private Clock clock = Clock.systemUTC();
  private final Map<String, Playbook> playbooks = new LinkedHashMap<>();
  private String defaultPlaybookId;
  private final Map<ChannelType, Channel> channels = new EnumMap<>(ChannelType.class);
  private CreditorDirectory creditors;
  private final List<Creditor> creditorList = new ArrayList<>();
  private EscalationPolicy escalation = EscalationPolicy.playbookOrder();
  private DeadlinePolicy deadlines = DeadlinePolicy.fromPlaybook();
  private TemplateResolver templates = TemplateResolver.localeFallback();
  private ChannelRouter router = ChannelRouter.reachablePreferredFirst();
  private DocumentRenderer renderer;
  private DocumentStore documents;
  private PortalLinkIssuer links = PortalLinkIssuer.NONE;
  private final List<RecoveryListener> listeners = new ArrayList<>();
  private int batchSize = DEFAULT_BATCH_SIZE;
  private Backoff caseBackoff = Backoff.DEFAULT;
  private Backoff deliveryBackoff = Backoff.DEFAULT;
  private int maxDeliveryAttempts = DEFAULT_MAX_DELIVERY_ATTEMPTS;
  private Duration deliveryLease = DEFAULT_DELIVERY_LEASE;
  private Supplier<String> ids = RecoveryEngine.uuidIds();

  RecoveryEngineBuilder() {}

  /** Where cases live. Default: a new {@link InMemoryCaseStore}. */
  public RecoveryEngineBuilder store(CaseStore store) {
    this.store = Objects.requireNonNull(store, "store");
    return this;
  }

  /** The only source of time. Default: the system clock in UTC. */
  public RecoveryEngineBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Registers a playbook; the first one registered is the default unless {@link #defaultPlaybook} says otherwise. */
  public RecoveryEngineBuilder playbook(Playbook playbook) {
    Objects.requireNonNull(playbook, "playbook");
    if (playbooks.putIfAbsent(playbook.id(), playbook) != null) {
      throw new IllegalArgumentException("playbook: '" + playbook.id() + "' is already registered");
    }
    return this;
  }

  public RecoveryEngineBuilder defaultPlaybook(String playbookId) {
    this.defaultPlaybookId = Objects.requireNonNull(playbookId, "playbookId");
    return this;
  }

  /** Registers the adapter for one channel type (one per type). */
  public RecoveryEngineBuilder channel(Channel channel) {
    Objects.requireNonNull(channel, "channel");
    if (channels.putIfAbsent(channel.type(), channel) != null) {
      throw new IllegalArgumentException("channel: a channel for " + channel.type().code() + " is already registered");
    }
    return this;
  }

  /** Adds a creditor (tenant). Use {@link #creditors(CreditorDirectory)} for many. */
  public RecoveryEngineBuilder creditor(Creditor creditor) {
    creditorList.add(Objects.requireNonNull(creditor, "creditor"));
    return this;
  }

  public RecoveryEngineBuilder creditors(CreditorDirectory directory) {
    this.creditors = Objects.requireNonNull(directory, "directory");
    return this;
  }

  public RecoveryEngineBuilder escalationPolicy(EscalationPolicy policy) {
    this.escalation = Objects.requireNonNull(policy, "policy");
    return this;
  }

  public RecoveryEngineBuilder deadlinePolicy(DeadlinePolicy policy) {
    this.deadlines = Objects.requireNonNull(policy, "policy");
    return this;
  }

  public RecoveryEngineBuilder templateResolver(TemplateResolver resolver) {
    this.templates = Objects.requireNonNull(resolver, "resolver");
    return this;
  }

  public RecoveryEngineBuilder channelRouter(ChannelRouter router) {
    this.router = Objects.requireNonNull(router, "router");
    return this;
  }

  /** Renders letters (formal notices, postal reminders). Default: none. */
  public RecoveryEngineBuilder documentRenderer(DocumentRenderer renderer) {
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    return this;
  }

  /** Keeps rendered letters and uploaded documents. Default: none (letters are rendered on every send). */
  public RecoveryEngineBuilder documentStore(DocumentStore documents) {
    this.documents = Objects.requireNonNull(documents, "documents");
    return this;
  }

  public RecoveryEngineBuilder portalLinks(PortalLinkIssuer links) {
    this.links = Objects.requireNonNull(links, "links");
    return this;
  }

  public RecoveryEngineBuilder listener(RecoveryListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /** Cases and messages claimed per store round trip, 1..10000. Default {@value #DEFAULT_BATCH_SIZE}. */
  public RecoveryEngineBuilder batchSize(int batchSize) {
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException("batchSize must be between 1 and 10000, was " + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  /** Retry schedule for a case whose processing failed. */
  public RecoveryEngineBuilder caseRetryBackoff(Backoff backoff) {
    this.caseBackoff = Objects.requireNonNull(backoff, "backoff");
    return this;
  }

  /** Retry schedule for a message whose delivery failed transiently. */
  public RecoveryEngineBuilder deliveryBackoff(Backoff backoff) {
    this.deliveryBackoff = Objects.requireNonNull(backoff, "backoff");
    return this;
  }

  public RecoveryEngineBuilder maxDeliveryAttempts(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("maxDeliveryAttempts must be >= 1, was " + attempts);
    }
    this.maxDeliveryAttempts = attempts;
    return this;
  }

  /** How long a claimed message is reserved for one dispatcher; at least 1 minute. */
  public RecoveryEngineBuilder deliveryLease(Duration lease) {
    Objects.requireNonNull(lease, "lease");
    if (lease.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("deliveryLease must be >= 1 minute, was " + lease);
    }
    this.deliveryLease = lease;
    return this;
  }

  /** Generates ids of new cases. Default: random UUIDs. */
  public RecoveryEngineBuilder caseIds(Supplier<String> ids) {
    this.ids = Objects.requireNonNull(ids, "ids");
    return this;
  }

  /**
   * Builds the engine after checking the whole configuration.
   *
   * @throws IllegalStateException listing every problem (a stage's channel not registered, a
   *     template missing for a stage, no creditor)
   */
  public RecoveryEngine build() {
    if (playbooks.isEmpty()) {
      playbook(Playbook.defaultPlaybook());
    }
    String defaultId = defaultPlaybookId != null ? defaultPlaybookId : playbooks.keySet().iterator().next();
    List<String> problems = new ArrayList<>();
    if (creditors == null && creditorList.isEmpty()) {
      problems.add("no creditor: call creditor(…) or creditors(…)");
    }
    if (!playbooks.containsKey(defaultId)) {
      problems.add("defaultPlaybook: '" + defaultId + "' is not registered (registered: " + playbooks.keySet() + ")");
    }
    for (Playbook playbook : playbooks.values()) {
      for (int i = 0; i < playbook.stages().size(); i++) {
        Stage stage = playbook.stages().get(i);
        for (ChannelType type : stage.channels()) {
          if (!channels.containsKey(type)) {
            problems.add("playbook '" + playbook.id() + "' stages[" + i + "] (" + stage.id() + ") uses channel "
                + type.code() + ", but no Channel is registered for it");
          }
        }
      }
      for (Channel channel : channels.values()) {
        problems.addAll(channel.validate(playbook, templates));
      }
      if (renderer != null) {
        problems.addAll(renderer.validate(playbook, templates));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("cannot build the recovery engine (" + problems.size() + " problem"
          + (problems.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", problems));
    }
    CreditorDirectory directory = creditors;
    if (directory == null) {
      directory = CreditorDirectory.of(creditorList.toArray(Creditor[]::new));
    } else if (!creditorList.isEmpty()) {
      CreditorDirectory base = directory;
      CreditorDirectory extra = CreditorDirectory.of(creditorList.toArray(Creditor[]::new));
      directory = id -> extra.find(id).or(() -> base.find(id));
    }
    Playbooks registry = new Playbooks(playbooks.values(), defaultId);
    Listeners fanOut = new Listeners(listeners);
    CaseStore caseStore = store != null ? store : new InMemoryCaseStore();
    Decider decider = new Decider(registry, escalation, deadlines, router);
    Dispatcher dispatcher = new Dispatcher(caseStore, channels, directory, registry, links,
        new Letters(renderer, documents, links), fanOut, deliveryBackoff, maxDeliveryAttempts, deliveryLease, templates,
        router);
    RecoveryEngine engine = new RecoveryEngine(caseStore, clock, decider, dispatcher, fanOut, documents, caseBackoff,
        batchSize, ids, directory);
    for (RecoveryListener listener : listeners) {
      listener.attached(engine);
    }
    return engine;
  }
}
