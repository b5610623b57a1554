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
}
