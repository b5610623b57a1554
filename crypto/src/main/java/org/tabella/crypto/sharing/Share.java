package org.tabella.crypto.sharing;

import java.util.Objects;
import org.tabella.groups.SecretScalar;

/**
 * One party's Shamir share f(index).
 *
 * @param index the party's evaluation point, 1..n
 * @param value f(index), secret
 */
public record Share(int index, SecretScalar value) {

  /** Checks the index is positive and the value present. */
  public Share {
    if (index < 1) {
      throw new IllegalArgumentException("share index must be positive");
    }
    Objects.requireNonNull(value, "value");
  }
}
