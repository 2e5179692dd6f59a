package dev.dunning;

import dev.dunning.memory.InMemoryCaseStore;
import dev.dunning.model.ChannelType;
import dev.dunning.model.Claim;
import dev.dunning.model.Debtor;
import dev.dunning.model.EventType;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.CaseStore;
import dev.dunning.spi.Channel;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.testing.MutableClock;
import dev.dunning.testing.RecordingChannel;
import dev.dunning.testkit.CaseFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An engine on the default playbook, an in-memory store, a manual clock and a recording channel
 * per channel type: the shared setup of the engine's scenario tests.
 */
final class EngineFixture {
  static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
  /** The claims of {@link #openCase()} fall due on this day. */
  static final LocalDate DUE = LocalDate.of(2026, 2, 14);

  final MutableClock clock = MutableClock.at(local(2026, 2, 10, 12, 0));
  final CaseStore store;
  final Map<ChannelType, RecordingChannel> channels = new EnumMap<>(ChannelType.class);
  final RecoveryEngine engine;

  EngineFixture() {
    this(new InMemoryCaseStore(), b -> { });
  }

  EngineFixture(Consumer<RecoveryEngineBuilder> customise) {
    this(new InMemoryCaseStore(), customise);
  }

  EngineFixture(CaseStore store, Consumer<RecoveryEngineBuilder> customise) {
    this(store, null, customise);
  }

  /** With {@code replacement} registered instead of the recording channel of its type. */
  EngineFixture(Channel replacement) {
    this(new InMemoryCaseStore(), replacement, b -> { });
  }

  /** With {@code replacement} registered instead of the recording channel of its type, and customised. */
  EngineFixture(Channel replacement, Consumer<RecoveryEngineBuilder> customise) {
    this(new InMemoryCaseStore(), replacement, customise);
  }

  private EngineFixture(CaseStore store, Channel replacement, Consumer<RecoveryEngineBuilder> customise) {
    this.store = store;
    RecoveryEngineBuilder builder = RecoveryEngine.builder().store(store).clock(clock).creditor(CaseFixtures.creditor());
    for (RecordingChannel channel : RecordingChannel.forEveryType()) {
      channels.put(channel.type(), channel);
      builder.channel(replacement != null && replacement.type() == channel.type() ? replacement : channel);
    }
    customise.accept(builder);
    engine = builder.build();
  }

  /** Brussels wall-clock time as an instant. */
  static Instant local(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(BRUSSELS).toInstant();
  }

  /** 09:00 in Brussels on {@code day}: when stages start. */
  static Instant sendTimeOn(LocalDate day) {
    return day.atTime(9, 0).atZone(BRUSSELS).toInstant();
  }

  RecoveryCase openCase() {
    return openCase("C-1", "1234.56");
  }

  RecoveryCase openCase(String id, String amount) {
    return openCase(id, CaseFixtures.debtor("D-" + id), amount);
  }

  RecoveryCase openCase(String id, Debtor debtor, String amount) {
    return engine.open(NewCase.builder(CaseFixtures.TENANT, debtor).id(id)
        .claim(Claim.of("INV-" + id, DUE.minusDays(30), DUE, Money.of(amount, "EUR"), "+++090/9337/55493+++"))
        .build());
  }

  TickReport tickAt(Instant at) {
    clock.set(at);
    return engine.tick();
  }

  RecoveryCase current(String id) {
    return engine.find(id).orElseThrow();
  }

  List<OutboundMessage> sent(ChannelType type) {
    return channels.get(type).sent();
  }

  int sentCount() {
    return channels.values().stream().mapToInt(c -> c.sent().size()).sum();
  }

  List<EventType> eventTypes(String id) {
    return engine.timeline(id).stream().map(TimelineEvent::type).toList();
  }
}
