package dev.dunning.portal;

import dev.dunning.model.Money;
import java.time.LocalDate;

/**
 * One instalment of a payment plan.
 *
 * @param number 1 for the first
 * @param dueDate the date it must be paid by
 * @param amount how much
 * @since 0.1
 */
public record Instalment(int number, LocalDate dueDate, Money amount) {}
