package org.tabella.groups.ristretto;

import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;

/**
 * An element of ristretto255: an equivalence class of edwards25519 points modulo the 4-torsion,
 * held as one representative that is never mutated.
 */
final class RistrettoElement implements Element {
  private final Ristretto255Group group;
  private final EdwardsPoint point;
  private volatile byte[] encoding;

  RistrettoElement(Ristretto255Group group, EdwardsPoint point) {
    this.group = group;
    this.point = point;
  }

  /** An element decoded from {@code canonicalEncoding}, which is kept: it is the encoding. */
  RistrettoElement(Ristretto255Group group, EdwardsPoint point, byte[] canonicalEncoding) {
    this.group = group;
    this.point = point;
    this.encoding = canonicalEncoding.clone();
  }

  EdwardsPoint point() {
    return point;
  }

  @Override
  public Group group() {
    return group;
  }

  @Override
  public Element mul(Element other) {
    EdwardsPoint r = point.copy();
    r.add(group.cast(other).point, new EdwardsPoint.Scratch());
    return new RistrettoElement(group, r);
  }

  @Override
  public Element inverse() {
    return new RistrettoElement(group, point.negate());
  }

  @Override
  public Element square() {
    EdwardsPoint r = point.copy();
    r.dbl(true, new EdwardsPoint.Scratch());
    return new RistrettoElement(group, r);
  }

  @Override
  public Element exp(Scalar e) {
    return new RistrettoElement(group,
        ScalarMultiplication.variableBase(point, group.requireScalar(e).toBigInteger()));
  }

  @Override
  public Element expPublic(Scalar e) {
    // The constant-time ladder is already the fastest method we have for one variable base.
    return exp(e);
  }

  @Override
  public boolean isIdentity() {
    // The class of the identity: X = 0 or Y = 0 (the 4-torsion representatives).
    return (Fe.isZeroMask(point.x) | Fe.isZeroMask(point.y)) != 0;
  }

  @Override
  public byte[] encode() {
    byte[] e = encoding;
    if (e == null) {
      e = RistrettoCodec.encode(point);
      encoding = e;
    }
    return e.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RistrettoElement other) || !other.group.equals(group)) {
      return false;
    }
    EdwardsPoint p = point;
    EdwardsPoint q = other.point;
    long[] l = Fe.create();
    long[] r = Fe.create();
    Fe.mul(p.x, q.y, l);
    Fe.mul(p.y, q.x, r);
    int first = Fe.equalMask(l, r);
    Fe.mul(p.x, q.x, l);
    Fe.mul(p.y, q.y, r);
    int second = Fe.equalMask(l, r);
    return (first | second) != 0;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return "ristretto255:" + org.bouncycastle.util.encoders.Hex.toHexString(encode());
  }
}
