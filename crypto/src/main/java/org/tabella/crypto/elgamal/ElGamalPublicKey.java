package org.tabella.crypto.elgamal;

import java.util.Objects;
import org.tabella.groups.Element;
import org.tabella.groups.FixedBaseTable;
import org.tabella.groups.Group;

/**
 * An ElGamal public key h = g^x: validated (not the identity) on construction, with a fixed-base
 * table built on first use because every encryption and proof raises h.
 */
public final class ElGamalPublicKey {
  private final Element h;
  private volatile FixedBaseTable table;

  private ElGamalPublicKey(Element h) {
    this.h = h;
  }

  /**
   * Wraps a public key element.
   *
   * @throws IllegalArgumentException if h is the identity (it would encrypt in the clear)
   */
  public static ElGamalPublicKey of(Element h) {
    Objects.requireNonNull(h, "h");
    if (h.isIdentity()) {
      throw new IllegalArgumentException("the identity is not a valid public key");
    }
    return new ElGamalPublicKey(h);
  }

  /** Returns h. */
  public Element element() {
    return h;
  }

  /** Returns the group. */
  public Group group() {
    return h.group();
  }

  /** Returns the (cached) fixed-base table of h. */
  public FixedBaseTable table() {
    FixedBaseTable t = table;
    if (t == null) {
      synchronized (this) {
        t = table;
        if (t == null) {
          t = h.group().fixedBase(h);
          table = t;
        }
      }
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ElGamalPublicKey k && k.h.equals(h);
  }

  @Override
  public int hashCode() {
    return h.hashCode();
  }

  @Override
  public String toString() {
    return "ElGamalPublicKey(" + h + ")";
  }
}
