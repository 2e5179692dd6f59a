/** The recovery-case model: immutable values, the status state machine and the timeline. */
package dev.dunning.model;
