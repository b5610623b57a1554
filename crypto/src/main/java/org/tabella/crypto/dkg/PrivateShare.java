package org.tabella.crypto.dkg;

import java.util.Objects;
import org.tabella.groups.SecretScalar;

/**
 * Round 1, point-to-point: dealer d's share f_d(j) for recipient j. Travels only on the private
 * channel between d and j; never printed.
 *
 * @param dealer d
 * @param recipient j
 * @param share f_d(j)
 */
public record PrivateShare(int dealer, int recipient, SecretScalar share) {
  /** Checks presence. */
  public PrivateShare {
    Objects.requireNonNull(share, "share");
  }
}
