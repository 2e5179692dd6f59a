package dev.dunning.intake;

import java.util.Objects;

/**
 * One thing wrong with a demand: where, what (a stable code a form can translate or map to its
 * field), and a message in English a person can act on.
 *
 * @param field the path of the field, e.g. {@code debtor.legalId} or {@code invoices[1].dueDate}
 * @param code the stable code, e.g. {@code siret.checksum}, {@code address.postcode.missing},
 *     {@code invoice.not_due}
 * @param message what is wrong and, where it helps, what to do
 * @since 0.1
 */
public record DemandProblem(String field, String code, String message) {
  public DemandProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field + ": " + message + " [" + code + "]";
  }
}
