package org.tabella.groups;

/**
 * Precomputed powers of one long-lived base (a generator, an election public key) that make
 * {@code base^e} several times faster than {@link Element#exp(Scalar)}. Immutable and safe to
 * share between threads; build once with {@link Group#fixedBase(Element)} and keep it.
 */
public interface FixedBaseTable {

  /** Returns the base this table raises. */
  Element base();

  /**
   * Returns {@code base^e} for a secret {@code e} (nonces, key shares, votes): the same
   * side-channel promise as {@link Element#exp(Scalar)}. On the curves this is the table's
   * constant-time path; on mod-p groups, whose table lookups depend on the exponent, it does not
   * use the table at all but the blinded {@link Element#exp(Scalar)} (SPEC.md §1.7).
   *
   * @throws IllegalArgumentException if {@code e} is a scalar of another group order
   */
  Element exp(Scalar e);

  /**
   * Returns {@code base^e} for a public {@code e} (verification): the table's fastest path, whose
   * timing may depend on {@code e}. Never for secrets.
   *
   * @throws IllegalArgumentException if {@code e} is a scalar of another group order
   */
  default Element expPublic(Scalar e) {
    return exp(e);
  }

  /**
   * Returns {@code x · base^e} for a secret {@code e}, zero included, on the side-channel path of
   * {@link #exp(Scalar)}: a zero exponent takes the same operations as any other (Bouncy Castle's
   * multipliers and point addition return early for zero and the identity, so the curves override
   * this).
   *
   * @throws IllegalArgumentException if {@code e} is a scalar of another group order or {@code x}
   *     is of another group
   */
  default Element timesPower(Element x, Scalar e) {
    return x.mul(exp(e));
  }

  /**
   * Returns {@code x · base^e} for a secret small {@code e ∈ 0..bound} (a vote): the operations
   * and memory addresses depend on {@code bound} only. ristretto255, decaf448 and the curves select
   * {@code base^e} from precomputed multiples in constant time when {@code bound ≤ 8}; otherwise,
   * and on mod-p groups, this is {@link #timesPower(Element, Scalar)}.
   *
   * @throws IllegalArgumentException if {@code bound < 0} or {@code e} is outside 0..bound
   */
  default Element timesSmallPower(Element x, int e, int bound) {
    checkSmall(e, bound);
    return timesPower(x, x.group().scalar(e));
  }

  /** The argument check of {@link #timesSmallPower}; one branch, taken only for a caller's bug. */
  static void checkSmall(int e, int bound) {
    if ((e | bound | (bound - e)) < 0) {
      throw new IllegalArgumentException("exponent outside 0..bound");
    }
  }
}
