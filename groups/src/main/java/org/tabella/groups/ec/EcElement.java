package org.tabella.groups.ec;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;

/** A point of an {@link EcGroup}; Bouncy Castle's {@link ECPoint} is the engine, never exposed. */
final class EcElement implements Element {
  private final EcGroup group;
  private final ECPoint point;
  /** The affine form, computed once (one field inversion) when first encoded. */
  private volatile ECPoint affine;

  EcElement(EcGroup group, ECPoint point) {
    this.group = group;
    this.point = point;
  }

  private ECPoint affine() {
    ECPoint a = affine;
    if (a == null) {
      a = point.normalize();
      affine = a;
    }
    return a;
  }

  ECPoint point() {
    return point;
  }

  @Override
  public Group group() {
    return group;
  }

  @Override
  public Element mul(Element other) {
    return new EcElement(group, point.add(group.cast(other).point));
  }

  @Override
  public Element inverse() {
    return new EcElement(group, point.negate());
  }

  @Override
  public Element square() {
    return new EcElement(group, point.twice());
  }

  @Override
  public Element exp(Scalar e) {
    return new EcElement(group,
        ECAlgorithms.multiplySecret(point, group.requireScalar(e).toBigInteger()));
  }

  @Override
  public Element expPublic(Scalar e) {
    return new EcElement(group, point.multiply(group.requireScalar(e).toBigInteger()));
  }

  @Override
  public boolean isIdentity() {
    return point.isInfinity();
  }

  @Override
  public byte[] encode() {
    if (point.isInfinity()) {
      return new byte[group.elementLength()];
    }
    return affine().getEncoded(true);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EcElement e && e.group.equals(group) && e.point.equals(point);
  }

  @Override
  public int hashCode() {
    return point.isInfinity() ? 0 : affine().getAffineXCoord().toBigInteger().hashCode();
  }

  @Override
  public String toString() {
    return group.name() + ":" + org.bouncycastle.util.encoders.Hex.toHexString(encode());
  }
}
