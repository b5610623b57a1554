package org.tabella.groups.decaf;

import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;

/**
 * An element of decaf448: an edwards448 point of 2·E standing for its class modulo the 2-torsion
 * (decaf448 is 2·E/E[2], of prime order ℓ). Immutable; equality is RFC 9496 §5.3.3's
 * x1·y2 = y1·x2, in constant time.
 */
final class DecafElement implements Element {
  private final Decaf448Group group;
  private final Ed448Point point;
  private volatile byte[] encoding;

  DecafElement(Decaf448Group group, Ed448Point point) {
    this.group = group;
    this.point = point;
  }

  /** An element decoded from {@code canonicalEncoding}, which is kept: it is the encoding. */
  DecafElement(Decaf448Group group, Ed448Point point, byte[] canonicalEncoding) {
    this.group = group;
    this.point = point;
    this.encoding = canonicalEncoding.clone();
  }

  Ed448Point point() {
    return point;
  }

  @Override
  public Group group() {
    return group;
  }

  @Override
  public Element mul(Element other) {
    Ed448Point r = point.copy();
    r.add(group.cast(other).point, new Ed448Point.Scratch());
    return new DecafElement(group, r);
  }

  @Override
  public Element inverse() {
    return new DecafElement(group, point.negate());
  }

  @Override
  public Element square() {
    Ed448Point r = point.copy();
    r.dbl(new Ed448Point.Scratch());
    return new DecafElement(group, r);
  }

  @Override
  public Element exp(Scalar e) {
    return new DecafElement(group, DecafScalarMultiplication.variableBase(point, group.requireScalar(e).toBigInteger()));
  }

  @Override
  public Element expPublic(Scalar e) {
    // variable time (wNAF): public exponents only
    return new DecafElement(group, DecafMultiExp.straus(java.util.List.of(this), java.util.List.of(group.requireScalar(e))));
  }

  @Override
  public boolean isIdentity() {
    // Equal to (0, 1) under x1·y2 = y1·x2: X = 0, i.e. (0, ±1). Every representative here lies in
    // 2·E (decoded points and their sums), where the equality identifies exactly P and P + (0, −1).
    return Fe448.isZeroMask(point.x) != 0;
  }

  @Override
  public byte[] encode() {
    byte[] e = encoding;
    if (e == null) {
      e = DecafCodec.encode(point);
      encoding = e;
    }
    return e.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DecafElement other) || !other.group.equals(group)) {
      return false;
    }
    int[] l = Fe448.create();
    int[] r = Fe448.create();
    Fe448.mul(point.x, other.point.y, l);
    Fe448.mul(point.y, other.point.x, r);
    return Fe448.equalMask(l, r) != 0;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return "decaf448:" + org.bouncycastle.util.encoders.Hex.toHexString(encode());
  }
}
