package dev.dunning.spi;

/**
 * What the engine decided for one due case: a {@link CaseChange} or a {@link CaseFailure}.
 *
 * @since 0.1
 */
public sealed interface DueOutcome permits CaseChange, CaseFailure {
  String caseId();
}
