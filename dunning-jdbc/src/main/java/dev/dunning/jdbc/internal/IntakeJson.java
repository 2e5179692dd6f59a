package dev.dunning.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dunning.intake.Demand;
import dev.dunning.intake.DemandDebtor;
import dev.dunning.intake.DemandInvoice;
import dev.dunning.intake.Requester;
import dev.dunning.model.Actor;
import dev.dunning.model.DebtorKind;
import dev.dunning.model.LegalId;
import dev.dunning.model.Money;
import dev.dunning.model.PostalAddress;
import dev.dunning.portal.Instalment;
import dev.dunning.portal.Upload;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The JSON columns of demands and payment plans, written and read field by field as
 * {@link JsonCodec} does for cases. A demand holds what a colleague typed, so any of its fields
 * may be absent and is stored as JSON {@code null}; invoice copies travel as base64.
 */
final class IntakeJson {
  private IntakeJson() {}

  /** A demand's JSON column read back: the demand (its tenant comes from its own column) and its decision. */
  record DemandValue(Demand demand, Actor decidedBy, String rejectionReason) {}

  /** A plan's JSON column read back: everything but the case, status and request time, which are columns. */
  record PlanValue(List<Instalment> instalments, Money paidBefore, Instant decidedAt, Actor decidedBy, String note) {}

  // ------------------------------------------------------------------ demands

  static String writeDemand(Demand d, Actor decidedBy, String rejectionReason) {
    ObjectNode n = JsonCodec.MAPPER.createObjectNode();
    Requester r = d.requester();
    if (r == null) {
      n.putNull("requester");
    } else {
      n.putObject("requester").put("name", r.name()).put("email", r.email()).put("department", r.department());
    }
    writeDebtor(n, d.debtor());
    ArrayNode invoices = n.putArray("invoices");
    for (DemandInvoice i : d.invoices()) {
      ObjectNode inv = invoices.addObject();
      inv.put("number", i.number()).put("issueDate", string(i.issueDate())).put("dueDate", string(i.dueDate()))
          .put("amount", i.amount() == null ? null : i.amount().toPlainString()).put("currency", i.currency());
      if (i.copy() == null) {
        inv.putNull("copy");
      } else {
        inv.putObject("copy").put("filename", i.copy().filename())
            .put("content", Base64.getEncoder().encodeToString(i.copy().content()));
      }
    }
    n.put("comment", d.comment());
    writeActor(n, "decidedBy", decidedBy);
    n.put("rejectionReason", rejectionReason);
    return n.toString();
  }

  static DemandValue readDemand(String json, String tenantId) {
    JsonNode n = JsonCodec.parse(json, "demand");
    JsonNode r = present(n.get("requester"));
    Requester requester = r == null ? null
        : new Requester(optText(r, "name"), optText(r, "email"), optText(r, "department"));
    List<DemandInvoice> invoices = new ArrayList<>();
    JsonNode array = JsonCodec.array(n, "invoices", "demand");
    for (int k = 0; k < array.size(); k++) {
      JsonNode i = array.get(k);
      String path = "demand.invoices[" + k + "]";
      JsonNode copy = present(i.get("copy"));
      Upload upload = null;
      if (copy != null) {
        try {
          upload = new Upload(optText(copy, "filename"),
              Base64.getDecoder().decode(JsonCodec.text(copy, "content", path + ".copy")));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(path + ".copy.content: " + e.getMessage());
        }
      }
      String amount = optText(i, "amount");
      BigDecimal value = amount == null ? null : JsonCodec.decimal(i, "amount", path);
      invoices.add(new DemandInvoice(optText(i, "number"), optDate(i, "issueDate", path), optDate(i, "dueDate", path),
          value, optText(i, "currency"), upload));
    }
    Demand demand = new Demand(requester, tenantId, readDebtor(present(n.get("debtor"))), invoices,
        optText(n, "comment"));
    return new DemandValue(demand, readActor(n, "decidedBy", "demand"), optText(n, "rejectionReason"));
  }

  private static void writeDebtor(ObjectNode parent, DemandDebtor d) {
    if (d == null) {
      parent.putNull("debtor");
      return;
    }
    ObjectNode n = parent.putObject("debtor");
    n.put("name", d.name()).put("kind", d.kind() == null ? null : d.kind().name());
    if (d.legalId() == null) {
      n.putNull("legalId");
    } else {
      n.putObject("legalId").put("scheme", d.legalId().scheme()).put("value", d.legalId().value());
    }
    PostalAddress a = d.address();
    if (a == null) {
      n.putNull("address");
    } else {
      ObjectNode address = n.putObject("address");
      ArrayNode lines = address.putArray("lines");
      a.lines().forEach(lines::add);
      address.put("postcode", a.postcode()).put("city", a.city()).put("region", a.region())
          .put("countryCode", a.countryCode());
    }
    n.put("email", d.email()).put("phone", d.phone()).put("language", d.language())
        .put("timeZone", d.timeZone() == null ? null : d.timeZone().getId()).put("iban", d.iban());
  }

  private static DemandDebtor readDebtor(JsonNode n) {
    if (n == null) {
      return null;
    }
    String kind = optText(n, "kind");
    DebtorKind debtorKind = null;
    if (kind != null) {
      try {
        debtorKind = DebtorKind.valueOf(kind);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("demand.debtor.kind: unknown debtor kind '" + kind + "'");
      }
    }
    JsonNode id = present(n.get("legalId"));
    LegalId legalId = id == null ? null
        : new LegalId(JsonCodec.text(id, "scheme", "demand.debtor.legalId"), JsonCodec.text(id, "value",
            "demand.debtor.legalId"));
    JsonNode a = present(n.get("address"));
    PostalAddress address = a == null ? null
        : new PostalAddress(JsonCodec.strings(a, "lines", "demand.debtor.address"), optText(a, "postcode"),
            optText(a, "city"), optText(a, "region"), optText(a, "countryCode"));
    String zone = optText(n, "timeZone");
    ZoneId timeZone;
    try {
      timeZone = zone == null ? null : ZoneId.of(zone);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("demand.debtor.timeZone: unknown time zone '" + zone + "'");
    }
    return new DemandDebtor(optText(n, "name"), debtorKind, legalId, address, optText(n, "email"),
        optText(n, "phone"), optText(n, "language"), timeZone, optText(n, "iban"));
  }

  // ------------------------------------------------------------------ payment plans

  static String writePlan(List<Instalment> instalments, Money paidBefore, Instant decidedAt, Actor decidedBy,
      String note) {
    ObjectNode n = JsonCodec.MAPPER.createObjectNode();
    ArrayNode array = n.putArray("instalments");
    for (Instalment i : instalments) {
      ObjectNode inst = array.addObject().put("number", i.number()).put("dueDate", i.dueDate().toString());
      writeMoney(inst, i.amount());
    }
    writeMoney(n.putObject("paidBefore"), paidBefore);
    n.put("decidedAt", decidedAt == null ? null : decidedAt.toString()); // exact: ISO keeps nanoseconds
    writeActor(n, "decidedBy", decidedBy);
    n.put("note", note);
    return n.toString();
  }

  static PlanValue readPlan(String json) {
    JsonNode n = JsonCodec.parse(json, "plan");
    List<Instalment> instalments = new ArrayList<>();
    JsonNode array = JsonCodec.array(n, "instalments", "plan");
    for (int k = 0; k < array.size(); k++) {
      JsonNode i = array.get(k);
      String path = "plan.instalments[" + k + "]";
      JsonNode number = JsonCodec.field(i, "number", path);
      if (!number.canConvertToInt()) {
        throw new IllegalArgumentException(path + ".number: not a whole number: " + number);
      }
      instalments.add(new Instalment(number.intValue(), JsonCodec.date(i, "dueDate", path), readMoney(i, path)));
    }
    String decidedAt = optText(n, "decidedAt");
    Instant at;
    try {
      at = decidedAt == null ? null : Instant.parse(decidedAt);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("plan.decidedAt: not an ISO instant: '" + decidedAt + "'");
    }
    return new PlanValue(instalments, readMoney(JsonCodec.field(n, "paidBefore", "plan"), "plan.paidBefore"), at,
        readActor(n, "decidedBy", "plan"), optText(n, "note"));
  }

  // ------------------------------------------------------------------ helpers

  private static void writeMoney(ObjectNode n, Money m) {
    n.put("amount", m.amount().toPlainString()).put("currency", m.currencyCode());
  }

  private static Money readMoney(JsonNode n, String path) {
    return new Money(JsonCodec.decimal(n, "amount", path),
        JsonCodec.currency(JsonCodec.text(n, "currency", path), path + ".currency"));
  }

  private static void writeActor(ObjectNode n, String name, Actor actor) {
    if (actor == null) {
      n.putNull(name);
    } else {
      n.putObject(name).put("kind", actor.kind().code()).put("name", actor.name());
    }
  }

  private static Actor readActor(JsonNode n, String name, String path) {
    JsonNode a = present(n.get(name));
    if (a == null) {
      return null;
    }
    String kind = JsonCodec.text(a, "kind", path + "." + name);
    try {
      return new Actor(Actor.Kind.fromCode(kind), optText(a, "name"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + "." + name + ".kind: " + e.getMessage());
    }
  }

  private static JsonNode present(JsonNode v) {
    return v == null || v.isNull() ? null : v;
  }

  private static String optText(JsonNode n, String name) {
    JsonNode v = present(n.get(name));
    return v == null ? null : v.asText();
  }

  private static LocalDate optDate(JsonNode n, String name, String path) {
    return present(n.get(name)) == null ? null : JsonCodec.date(n, name, path);
  }

  private static String string(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
