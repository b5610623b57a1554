package org.tabella.groups;

import org.junit.jupiter.api.DisplayName;

@DisplayName("decaf448 satisfies the group contract")
class Decaf448ContractTest extends GroupContract {
  @Override
  protected Group group() {
    return Groups.named("decaf448");
  }
}
