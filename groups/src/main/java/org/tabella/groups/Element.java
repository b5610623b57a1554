package org.tabella.groups;

/**
 * An immutable element of a prime-order {@link Group}, written multiplicatively for every group
 * (for elliptic curves {@code mul} is point addition and {@code exp} is scalar multiplication).
 *
 * <p>Every operation that takes a second element or a scalar requires it to belong to the same
 * group and throws {@link IllegalArgumentException} otherwise. {@code equals} compares group and
 * value; elements of different groups are never equal.
 */
public interface Element {

  /** Returns the group this element belongs to. */
  Group group();

  /**
   * Returns {@code this · other}.
   *
   * @throws IllegalArgumentException if {@code other} belongs to another group
   */
  Element mul(Element other);

  /**
   * Returns {@code this · other⁻¹}.
   *
   * @throws IllegalArgumentException if {@code other} belongs to another group
   */
  default Element div(Element other) {
    return mul(other.inverse());
  }

  /** Returns the inverse {@code this⁻¹}. */
  Element inverse();

  /** Returns {@code this · this} (point doubling on curves). */
  Element square();

  /**
   * Returns {@code this^e}. Safe for secret exponents: constant-time on the curve groups and
   * exponent-blinded on mod-p groups (see SPEC.md, "Side channels").
   *
   * @throws IllegalArgumentException if {@code e} is a scalar of another group order
   */
  Element exp(Scalar e);

  /**
   * Returns {@code this^e} by the fastest available variable-time method. Use only when
   * {@code e} is public (proof verification, challenges, Lagrange coefficients).
   *
   * @throws IllegalArgumentException if {@code e} is a scalar of another group order
   */
  Element expPublic(Scalar e);

  /** Returns whether this is the identity element. */
  boolean isIdentity();

  /**
   * Returns the canonical encoding: exactly {@link Group#elementLength()} bytes, the only
   * encoding of this element that {@link Group#decode(byte[])} accepts. See SPEC.md.
   */
  byte[] encode();
}
