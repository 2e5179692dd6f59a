/**
 * Dunning's public API: {@link dev.dunning.RecoveryEngine}, its builder, and what its operations
 * return. The case model is in {@code dev.dunning.model}, playbooks in {@code dev.dunning.playbook},
 * pluggable policies in {@code dev.dunning.policy} and ports for adapters in {@code dev.dunning.spi}.
 */
package dev.dunning;
