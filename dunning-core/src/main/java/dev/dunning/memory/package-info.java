/** In-memory implementations of the storage ports: for tests, demos and hosts that keep nothing. */
package dev.dunning.memory;
