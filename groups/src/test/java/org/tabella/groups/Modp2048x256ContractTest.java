package org.tabella.groups;

import org.junit.jupiter.api.DisplayName;

@DisplayName("modp-2048-256 satisfies the group contract")
class Modp2048x256ContractTest extends GroupContract {
  @Override
  protected Group group() {
    return Groups.named("modp-2048-256");
  }
}
