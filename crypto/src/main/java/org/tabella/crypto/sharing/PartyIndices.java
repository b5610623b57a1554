package org.tabella.crypto.sharing;

import java.math.BigInteger;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Validation of party indices, the evaluation points of Shamir sharing: every index is in 1..n
 * (never 0), distinct, and non-zero and distinct modulo q, so no party can receive f(0) and no
 * Lagrange denominator vanishes (SPEC.md §2.6).
 */
public final class PartyIndices {
  private PartyIndices() {}

  /**
   * Checks one index against the group order and the number of parties.
   *
   * @throws IllegalArgumentException if index is not in 1..parties or ≡ 0 mod q
   */
  public static void check(int index, int parties, BigInteger order) {
    if (index < 1 || index > parties) {
      throw new IllegalArgumentException("party index " + index + " is not in 1.." + parties);
    }
    if (BigInteger.valueOf(index).mod(order).signum() == 0) {
      throw new IllegalArgumentException("party index " + index + " is 0 modulo the group order");
    }
  }

  /**
   * Checks a set of indices: each valid for {@code order}, positive, and distinct modulo q.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static void checkDistinct(Collection<Integer> indices, BigInteger order) {
    Set<BigInteger> seen = new HashSet<>();
    for (int i : indices) {
      if (i < 1) {
        throw new IllegalArgumentException("party index " + i + " is not positive");
      }
      BigInteger reduced = BigInteger.valueOf(i).mod(order);
      if (reduced.signum() == 0) {
        throw new IllegalArgumentException("party index " + i + " is 0 modulo the group order");
      }
      if (!seen.add(reduced)) {
        throw new IllegalArgumentException("duplicate party index " + i);
      }
    }
  }
}
