package org.tabella.crypto.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;

/**
 * Checks many equations of the form {@code base^z = R · Y^c} at once: each is multiplied by an
 * independent random 128-bit weight and the product of all of them must be the identity, which
 * one multi-exponentiation decides. A false equation survives with probability at most 2^-128.
 * Terms with the same base object (the generator, a public key) are merged.
 */
public final class LinearCheck {
  private final Group group;
  private final SecureRandom rng;
  private final Map<Element, Scalar> merged = new IdentityHashMap<>();
  private final List<Element> bases = new ArrayList<>();

  /** Starts an empty check in {@code group}, with weights from the current randomness source. */
  public LinearCheck(Group group) {
    this.group = group;
    this.rng = Randomness.current();
  }

  /** Returns a fresh random weight below 2^128. */
  public Scalar weight() {
    byte[] w = new byte[16];
    rng.nextBytes(w);
    return group.scalar(new java.math.BigInteger(1, w));
  }

  /**
   * Adds the equation {@code base^z = r · y^c} with weight {@code w}, as the factor
   * {@code (r · y^c · base^-z)^w}: the commitment r keeps the short 128-bit exponent w (a negated
   * weight would be a full-length exponent), and terms on the {@code base} side of an equation are
   * therefore added with negated exponents.
   */
  public void addEquation(Scalar w, Element base, Scalar z, Element r, Element y, Scalar c) {
    addTerm(base, w.multiply(z).negate());
    addTerm(r, w);
    addTerm(y, w.multiply(c));
  }

  /** Adds {@code base^exponent} to the product. */
  public void addTerm(Element base, Scalar exponent) {
    Scalar previous = merged.get(base);
    if (previous == null) {
      bases.add(base);
      merged.put(base, exponent);
    } else {
      merged.put(base, previous.add(exponent));
    }
  }

  /** Returns whether the weighted product of all equations is the identity. */
  public boolean holds() {
    List<Scalar> exps = new ArrayList<>(bases.size());
    for (Element b : bases) {
      exps.add(merged.get(b));
    }
    return group.multiExp(bases, exps).isIdentity();
  }
}
