package org.tabella.groups;

import org.junit.jupiter.api.DisplayName;

@DisplayName("ristretto255 satisfies the group contract")
class Ristretto255ContractTest extends GroupContract {
  @Override
  protected Group group() {
    return Groups.named("ristretto255");
  }
}
