package org.tabella.groups;

import org.junit.jupiter.api.DisplayName;

@DisplayName("P-384 satisfies the group contract")
class P384ContractTest extends GroupContract {
  @Override
  protected Group group() {
    return Groups.named("P-384");
  }
}
