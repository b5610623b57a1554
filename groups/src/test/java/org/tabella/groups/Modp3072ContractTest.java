package org.tabella.groups;

import org.junit.jupiter.api.DisplayName;

@DisplayName("modp-3072 satisfies the group contract")
class Modp3072ContractTest extends GroupContract {
  @Override
  protected Group group() {
    return Groups.named("modp-3072");
  }
}
