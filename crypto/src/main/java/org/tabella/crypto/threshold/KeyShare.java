package org.tabella.crypto.threshold;

import java.util.Objects;
import org.tabella.groups.Group;
import org.tabella.groups.SecretScalar;

/**
 * A trustee's share x_i of the joint decryption key (from a DKG or a trusted dealer).
 *
 * @param group the group
 * @param index the trustee's index, 1..n
 * @param value x_i, secret
 */
public record KeyShare(Group group, int index, SecretScalar value) {

  /** Checks the fields. */
  public KeyShare {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(value, "value");
    if (index < 1) {
      throw new IllegalArgumentException("trustee index must be positive");
    }
  }
}
