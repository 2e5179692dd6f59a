package dev.dunning.memory;

import dev.dunning.spi.CaseStore;
import dev.dunning.testkit.CaseStoreContract;

class InMemoryCaseStoreTest extends CaseStoreContract {
  @Override
  protected CaseStore createStore() {
    return new InMemoryCaseStore();
  }
}
