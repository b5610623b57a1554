package org.tabella.groups.ec;

import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.FixedPointUtil;
import org.tabella.groups.Element;
import org.tabella.groups.FixedBaseTable;
import org.tabella.groups.Scalar;

/**
 * Bouncy Castle's comb multiplier: the precomputation is built once here and cached on the base
 * point; lookups into the comb table are constant-time.
 */
final class EcFixedBase implements FixedBaseTable {
  private static final FixedPointCombMultiplier COMB = new FixedPointCombMultiplier();

  private final EcGroup group;
  private final EcElement base;

  EcFixedBase(EcGroup group, EcElement base) {
    this.group = group;
    ECPoint p = base.point().normalize();
    FixedPointUtil.precompute(p);
    this.base = new EcElement(group, p);
  }

  @Override
  public Element base() {
    return base;
  }

  @Override
  public Element exp(Scalar e) {
    if (base.isIdentity()) {
      return base;
    }
    return new EcElement(group, COMB.multiply(base.point(), group.requireScalar(e).toBigInteger()));
  }
}
