package org.tabella.crypto.sharing;

import java.util.ArrayList;
import java.util.List;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;
import org.tabella.groups.SecretScalar;

/** Shamir secret sharing over Z_q: any {@code threshold} shares reconstruct, fewer reveal nothing. */
public final class Shamir {
  private Shamir() {}

  /**
   * Splits {@code secret} into shares for parties 1..{@code parties}.
   *
   * @throws IllegalArgumentException unless 1 ≤ threshold ≤ parties and every index is valid
   */
  public static List<Share> split(Group group, SecretScalar secret, int threshold, int parties) {
    return shares(Polynomial.random(group, secret, checkSizes(group, threshold, parties)), parties);
  }

  /** Evaluates a polynomial at 1..parties. */
  public static List<Share> shares(Polynomial f, int parties) {
    List<Share> out = new ArrayList<>(parties);
    for (int i = 1; i <= parties; i++) {
      PartyIndices.check(i, parties, f.group().order());
      out.add(new Share(i, f.evaluate(i)));
    }
    return out;
  }

  /**
   * Interpolates f(0) from the given shares (all of them are used; pass exactly the ones to use).
   *
   * @throws IllegalArgumentException for an empty list, duplicate or invalid indices
   */
  public static SecretScalar reconstruct(Group group, List<Share> shares) {
    if (shares.isEmpty()) {
      throw new IllegalArgumentException("no shares");
    }
    List<Integer> indices = new ArrayList<>();
    for (Share s : shares) {
      indices.add(s.index());
    }
    PartyIndices.checkDistinct(indices, group.order());
    Scalar acc = group.scalar(0);
    for (Share s : shares) {
      acc = acc.add(Lagrange.atZero(group, s.index(), indices).multiply(s.value().reveal()));
    }
    return SecretScalar.of(acc);
  }

  static int checkSizes(Group group, int threshold, int parties) {
    if (threshold < 1 || threshold > parties) {
      throw new IllegalArgumentException("need 1 ≤ threshold ≤ parties, got " + threshold + " of " + parties);
    }
    if (java.math.BigInteger.valueOf(parties).compareTo(group.order()) >= 0) {
      throw new IllegalArgumentException("more parties than the group order allows");
    }
    return threshold;
  }
}
