package org.tabella.groups;

import org.junit.jupiter.api.DisplayName;

@DisplayName("P-256 satisfies the group contract")
class P256ContractTest extends GroupContract {
  @Override
  protected Group group() {
    return Groups.named("P-256");
  }
}
