/**
 * Demands: how a colleague asks the collection team to recover an unpaid invoice. A {@link
 * dev.dunning.intake.Demand} is checked in full by {@link dev.dunning.intake.IntakeService} (legal
 * identifiers by their check digits, address, due dates, amounts, invoices already in an open
 * case), waits in a {@link dev.dunning.intake.DemandStore} for a collection manager, and becomes a
 * recovery case when approved.
 */
package dev.dunning.intake;
