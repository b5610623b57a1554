package org.tabella.groups.internal;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import org.tabella.groups.Element;
import org.tabella.groups.FixedBaseTable;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;

/**
 * What every group shares: scalar sampling, hash-to-scalar, the generic multi-exponentiation and
 * the cached generator table. Not part of the public API.
 */
public abstract class AbstractGroup implements Group {
  private final String name;
  private final BigInteger order;
  private final String hashAlgorithm;
  private final MessageExpander expander;
  private volatile FixedBaseTable generatorTable;

  /**
   * @param name registry name
   * @param order prime group order q
   * @param hashAlgorithm hash of the hash-to-group / hash-to-scalar suites (SHA-256/384/512: XMD; SHAKE256: XOF)
   */
  protected AbstractGroup(String name, BigInteger order, String hashAlgorithm) {
    this.name = Objects.requireNonNull(name, "name");
    this.order = Objects.requireNonNull(order, "order");
    this.hashAlgorithm = Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
    this.expander = MessageExpander.forHash(hashAlgorithm);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final BigInteger order() {
    return order;
  }

  @Override
  public final String hashAlgorithm() {
    return hashAlgorithm;
  }

  /** Returns the message expander of this group's hash (XMD, or XOF for SHAKE256). */
  protected final MessageExpander expander() {
    return expander;
  }

  @Override
  public Scalar randomScalar(SecureRandom rng) {
    Objects.requireNonNull(rng, "rng");
    int bits = order.bitLength();
    while (true) {
      BigInteger candidate = new BigInteger(bits, rng);
      if (candidate.compareTo(order) < 0) {
        return Scalar.of(candidate, order);
      }
    }
  }

  @Override
  public Scalar randomNonZeroScalar(SecureRandom rng) {
    while (true) {
      Scalar s = randomScalar(rng);
      if (!s.isZero()) {
        return s;
      }
    }
  }

  @Override
  public Scalar hashToScalar(byte[] message, byte[] dst) {
    // RFC 9380 hash_to_field with k = 128: L = ceil((ceil(log2 q) + 128) / 8) bytes.
    int length = (order.bitLength() + 128 + 7) / 8;
    byte[] uniform = expander.expand(message, dst, length);
    return Scalar.reduce(new BigInteger(1, uniform), order);
  }

  @Override
  public Element multiExp(List<Element> bases, List<Scalar> exponents) {
    checkMultiExpArguments(bases, exponents);
    return MultiExp.compute(identity(), bases, exponents);
  }

  /** Checks list lengths, groups and scalar orders of a multi-exponentiation. */
  protected final void checkMultiExpArguments(List<Element> bases, List<Scalar> exponents) {
    if (bases.size() != exponents.size()) {
      throw new IllegalArgumentException(
          "multiExp needs as many exponents as bases: " + bases.size() + " vs " + exponents.size());
    }
    for (Element b : bases) {
      requireMember(b);
    }
    for (Scalar s : exponents) {
      requireScalar(s);
    }
  }

  @Override
  public final FixedBaseTable generatorTable() {
    FixedBaseTable t = generatorTable;
    if (t == null) {
      synchronized (this) {
        t = generatorTable;
        if (t == null) {
          t = fixedBase(generator());
          generatorTable = t;
        }
      }
    }
    return t;
  }

  /**
   * Returns {@code e} if it is an element of this group.
   *
   * @throws IllegalArgumentException if it belongs to another group
   */
  public final Element requireMember(Element e) {
    Objects.requireNonNull(e, "element");
    if (!e.group().equals(this)) {
      throw new IllegalArgumentException(
          "element of group " + e.group().name() + " used in group " + name);
    }
    return e;
  }

  /**
   * Returns {@code s} if it is a scalar modulo this group's order.
   *
   * @throws IllegalArgumentException otherwise
   */
  public final Scalar requireScalar(Scalar s) {
    Objects.requireNonNull(s, "scalar");
    if (!s.order().equals(order)) {
      throw new IllegalArgumentException("scalar of another group order used in group " + name);
    }
    return s;
  }

  @Override
  public String toString() {
    return name;
  }
}
