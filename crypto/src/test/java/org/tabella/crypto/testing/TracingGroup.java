package org.tabella.crypto.testing;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.tabella.groups.Element;
import org.tabella.groups.FixedBaseTable;
import org.tabella.groups.Group;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.Scalar;

/**
 * A group that delegates to a real one and records every group operation by name (which table,
 * which method, small-exponent bounds): two runs of a prover on different secrets must leave the
 * same trace, or the secret steers the work. It catches a vote-dependent branch structurally,
 * where a timing test could not.
 */
public final class TracingGroup implements Group {
  private final Group inner;
  private final List<String> trace = new ArrayList<>();
  private final Element generator;
  private FixedBaseTable generatorTable;

  public TracingGroup(Group inner) {
    this.inner = inner;
    this.generator = wrap(inner.generator());
  }

  /** The operations so far, and clears them. */
  public synchronized List<String> takeTrace() {
    List<String> t = List.copyOf(trace);
    trace.clear();
    return t;
  }

  synchronized void log(String op) {
    trace.add(op);
  }

  Element wrap(Element e) {
    return new TracingElement(this, e);
  }

  Element unwrap(Element e) {
    return ((TracingElement) e).inner;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public BigInteger order() {
    return inner.order();
  }

  @Override
  public Element generator() {
    log("generator");
    return generator;
  }

  @Override
  public Element identity() {
    log("identity");
    return wrap(inner.identity());
  }

  @Override
  public int elementLength() {
    return inner.elementLength();
  }

  @Override
  public String hashAlgorithm() {
    return inner.hashAlgorithm();
  }

  @Override
  public byte[] description() {
    return inner.description();
  }

  @Override
  public Element decode(byte[] bytes) throws InvalidEncodingException {
    log("decode");
    return wrap(inner.decode(bytes));
  }

  @Override
  public Scalar randomScalar(SecureRandom rng) {
    return inner.randomScalar(rng);
  }

  @Override
  public Scalar randomNonZeroScalar(SecureRandom rng) {
    return inner.randomNonZeroScalar(rng);
  }

  @Override
  public Scalar hashToScalar(byte[] message, byte[] dst) {
    return inner.hashToScalar(message, dst);
  }

  @Override
  public Element hashToElement(byte[] message, byte[] dst) {
    log("hashToElement");
    return wrap(inner.hashToElement(message, dst));
  }

  @Override
  public Element multiExp(List<Element> bases, List<Scalar> exponents) {
    log("multiExp " + bases.size());
    return wrap(inner.multiExp(bases.stream().map(this::unwrap).toList(), exponents));
  }

  @Override
  public List<Element> squareAndEncode(List<Element> xs) {
    log("squareAndEncode " + xs.size());
    return inner.squareAndEncode(xs.stream().map(this::unwrap).toList()).stream()
        .map(this::wrap).toList();
  }

  @Override
  public Element select(int mask, Element ifSet, Element ifClear) {
    log("select");
    return wrap(inner.select(mask, unwrap(ifSet), unwrap(ifClear)));
  }

  @Override
  public FixedBaseTable fixedBase(Element base) {
    log("fixedBase");
    return new TracingTable(this, base, base == generator ? "g" : "h", inner.fixedBase(unwrap(base)));
  }

  @Override
  public synchronized FixedBaseTable generatorTable() {
    if (generatorTable == null) {
      generatorTable = new TracingTable(this, generator, "g", inner.generatorTable());
    }
    return generatorTable;
  }

  @Override
  public boolean equals(Object o) {
    return o == this;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  private record TracingTable(TracingGroup group, Element base, String label, FixedBaseTable inner)
      implements FixedBaseTable {
    @Override
    public Element exp(Scalar e) {
      group.log(label + ".exp");
      return group.wrap(inner.exp(e));
    }

    @Override
    public Element expPublic(Scalar e) {
      group.log(label + ".expPublic");
      return group.wrap(inner.expPublic(e));
    }

    @Override
    public Element timesPower(Element x, Scalar e) {
      group.log(label + ".timesPower");
      return group.wrap(inner.timesPower(group.unwrap(x), e));
    }

    @Override
    public Element timesSmallPower(Element x, int e, int bound) {
      group.log(label + ".timesSmallPower " + bound);
      return group.wrap(inner.timesSmallPower(group.unwrap(x), e, bound));
    }
  }

  private record TracingElement(TracingGroup group, Element inner) implements Element {
    @Override
    public Element mul(Element other) {
      group.log("mul");
      return group.wrap(inner.mul(group.unwrap(other)));
    }

    @Override
    public Element inverse() {
      group.log("inverse");
      return group.wrap(inner.inverse());
    }

    @Override
    public Element square() {
      group.log("square");
      return group.wrap(inner.square());
    }

    @Override
    public Element exp(Scalar e) {
      group.log("exp");
      return group.wrap(inner.exp(e));
    }

    @Override
    public Element expPublic(Scalar e) {
      group.log("expPublic");
      return group.wrap(inner.expPublic(e));
    }

    @Override
    public boolean isIdentity() {
      group.log("isIdentity");
      return inner.isIdentity();
    }

    @Override
    public byte[] encode() {
      return inner.encode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TracingElement t && t.group == group && t.inner.equals(inner);
    }

    @Override
    public int hashCode() {
      return inner.hashCode();
    }
  }
}
