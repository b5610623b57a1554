package org.tabella.groups;

import org.junit.jupiter.api.DisplayName;

@DisplayName("secp256k1 satisfies the group contract")
class Secp256k1ContractTest extends GroupContract {
  @Override
  protected Group group() {
    return Groups.named("secp256k1");
  }
}
