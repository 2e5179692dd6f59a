package dev.dunning.examples.demo.web;

import dev.dunning.examples.demo.DemoSeed;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

/** How the intranet pages print money, instants and statuses: plainly, in the creditor's zone. */
final class Fmt {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(DemoSeed.CREDITOR_ZONE);

  private Fmt() {}

  static String money(Money m) {
    return m == null ? "" : "%,.2f %s".formatted(m.amount(), m.currencyCode());
  }

  static String moneys(Map<String, Money> byCurrency) {
    return byCurrency.isEmpty() ? "–" : byCurrency.values().stream().map(Fmt::money).collect(Collectors.joining(" · "));
  }

  static String instant(Instant at) {
    return at == null ? "" : MINUTE.format(at);
  }

  /** A status badge (already HTML), e.g. "closed / paid". */
  static String status(RecoveryCase c) {
    String text = c.status().code().replace('_', ' ')
        + (c.resolution() != null ? " / " + c.resolution().code().replace('_', ' ') : "")
        + (c.hold() != null ? " / " + c.hold().reason().code().replace('_', ' ') : "");
    return "<span class=\"badge " + Html.esc(c.status().code()) + "\">" + Html.esc(text) + "</span>";
  }

  static String caseLink(RecoveryCase c) {
    return "<a href=\"/desk/cases/" + Html.esc(Paths.encode(c.id())) + "\">" + Html.esc(c.id()) + "</a>";
  }
}
