/**
 * Ports: the interfaces adapters implement (storage, channels, documents) and the values that cross
 * them. Each has an in-memory or recording implementation in core, and {@code CaseStore} has a
 * contract test kit ({@code dev.dunning.testkit.CaseStoreContract} in the core test-jar).
 */
package dev.dunning.spi;
