/**
 * Helpers for testing playbooks and adapters, shipped in the main jar: a {@link
 * dev.dunning.testing.MutableClock} and a {@link dev.dunning.testing.RecordingChannel}.
 */
package dev.dunning.testing;
