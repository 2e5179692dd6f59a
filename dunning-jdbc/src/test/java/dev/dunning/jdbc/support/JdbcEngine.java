package dev.dunning.jdbc.support;

import dev.dunning.NewCase;
import dev.dunning.RecoveryEngine;
import dev.dunning.TickReport;
import dev.dunning.jdbc.JdbcCaseStore;
import dev.dunning.model.ChannelType;
import dev.dunning.model.Claim;
import dev.dunning.model.EventType;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.Channel;
import dev.dunning.testing.MutableClock;
import dev.dunning.testing.RecordingChannel;
import dev.dunning.testkit.CaseFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * One application instance: a {@link RecoveryEngine} on the default playbook over a
 * {@link JdbcCaseStore}, with a manual clock and a recording channel per channel type. Several
 * over one database behave like several instances of a host application.
 */
public final class JdbcEngine {
  public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
  /** The claims of {@link #open(String)} fall due on this day. */
  public static final LocalDate DUE = LocalDate.of(2026, 2, 14);
  /** When the default playbook's stages run for a case due on {@link #DUE}. */
  public static final Instant REMINDER1 = sendTimeOn(DUE.plusDays(1));
  public static final Instant REMINDER2 = sendTimeOn(LocalDate.of(2026, 2, 24));
  public static final Instant FORMAL_NOTICE = sendTimeOn(LocalDate.of(2026, 3, 5));
  public static final Instant INJUNCTION = sendTimeOn(LocalDate.of(2026, 3, 21));

  public final MutableClock clock;
  public final JdbcCaseStore store;
  public final RecoveryEngine engine;
  public final Map<ChannelType, RecordingChannel> channels = new EnumMap<>(ChannelType.class);

  /** An instance whose channels record, except those of {@code instead}'s types. */
  public JdbcEngine(DataSource dataSource, MutableClock clock, Channel... instead) {
    this.clock = Objects.requireNonNull(clock);
    this.store = JdbcCaseStore.builder(dataSource).build();
    var builder = RecoveryEngine.builder().store(store).clock(clock).creditor(CaseFixtures.creditor());
    for (RecordingChannel channel : RecordingChannel.forEveryType()) {
      Channel own = Stream.of(instead).filter(c -> c.type() == channel.type()).findFirst().orElse(null);
      if (own == null) {
        channels.put(channel.type(), channel);
      }
      builder.channel(own != null ? own : channel);
    }
    this.engine = builder.build();
  }

  /** A clock at noon in Brussels, four days before {@link #DUE}. */
  public static MutableClock newClock() {
    return MutableClock.at(DUE.minusDays(4).atTime(12, 0).atZone(BRUSSELS).toInstant());
  }

  public static Instant sendTimeOn(LocalDate day) {
    return day.atTime(9, 0).atZone(BRUSSELS).toInstant();
  }

  public RecoveryCase open(String id) {
    return engine.open(NewCase.builder(CaseFixtures.TENANT, CaseFixtures.debtor("D-" + id)).id(id)
        .claim(Claim.of("INV-" + id, DUE.minusDays(30), DUE, Money.of("1234.56", "EUR"), "+++090/9337/55493+++"))
        .build());
  }

  public TickReport tickAt(Instant at) {
    clock.set(at);
    return engine.tick();
  }

  public RecoveryCase current(String id) {
    return engine.find(id).orElseThrow();
  }

  public List<EventType> eventTypes(String id) {
    return engine.timeline(id).stream().map(TimelineEvent::type).toList();
  }

  public int sentCount() {
    return channels.values().stream().mapToInt(c -> c.sent().size()).sum();
  }

  /** The idempotency keys of everything this instance delivered. */
  public Stream<String> sentKeys() {
    return channels.values().stream().flatMap(c -> c.sent().stream()).map(m -> m.message().idempotencyKey());
  }
}
