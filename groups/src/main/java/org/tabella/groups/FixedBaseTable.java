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
   * Returns {@code base^e}. The same side-channel promise as {@link Element#exp(Scalar)}.
   *
   * @throws IllegalArgumentException if {@code e} is a scalar of another group order
   */
  Element exp(Scalar e);
}
