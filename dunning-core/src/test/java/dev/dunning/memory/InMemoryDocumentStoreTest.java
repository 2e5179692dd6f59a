package dev.dunning.memory;

import dev.dunning.spi.DocumentStore;
import dev.dunning.testing.MutableClock;
import dev.dunning.testkit.DocumentStoreContract;

class InMemoryDocumentStoreTest extends DocumentStoreContract {
  @Override
  protected DocumentStore createStore() {
    return new InMemoryDocumentStore(MutableClock.at("2026-03-02T08:00:00Z"));
  }
}
