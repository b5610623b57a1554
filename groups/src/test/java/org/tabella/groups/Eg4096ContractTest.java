package org.tabella.groups;

import org.junit.jupiter.api.DisplayName;

@DisplayName("eg-4096 satisfies the group contract")
class Eg4096ContractTest extends GroupContract {
  @Override
  protected Group group() {
    return Groups.named("eg-4096");
  }

  @Override
  protected int samples() {
    return 3;
  }
}
