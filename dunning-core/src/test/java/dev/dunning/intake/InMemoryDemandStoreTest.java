package dev.dunning.intake;

import dev.dunning.testkit.DemandStoreContract;

class InMemoryDemandStoreTest extends DemandStoreContract {
  @Override
  protected DemandStore createStore() {
    return new InMemoryDemandStore();
  }
}
