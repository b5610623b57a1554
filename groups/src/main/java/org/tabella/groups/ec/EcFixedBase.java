package org.tabella.groups.ec;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECLookupTable;
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
  /** base^1 … base^9 for {@link #timesSmallPower}, built on first use. */
  private volatile ECLookupTable smallPowers;

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

  /**
   * {@code x · base^(e+1) · base^(−1)}: the comb never sees a zero exponent and no addition an
   * identity, so e = 0 takes the same operations as any other e (Bouncy Castle returns early for
   * both). Only e = q − 1 still meets the comb's zero case, with probability 1/q for a random e.
   */
  @Override
  public Element timesPower(Element x, Scalar e) {
    if (base.isIdentity()) {
      return x;
    }
    BigInteger shifted = group.requireScalar(e).toBigInteger().add(BigInteger.ONE);
    if (shifted.equals(group.order())) {
      shifted = BigInteger.ZERO;
    }
    ECPoint p = group.cast(x).point().add(COMB.multiply(base.point(), shifted));
    return new EcElement(group, p.add(base.point().negate()));
  }

  /**
   * base^(e+1) read from base^1 … base^9 by Bouncy Castle's cache-safe lookup (every entry read,
   * selected by masks), then {@code x · base^(e+1) · base^(−1)} as in {@link #timesPower}.
   */
  @Override
  public Element timesSmallPower(Element x, int e, int bound) {
    FixedBaseTable.checkSmall(e, bound);
    if (bound > 8 || base.isIdentity()) {
      return timesPower(x, group.scalar(e));
    }
    ECPoint power = smallPowers().lookup(e);
    ECPoint p = group.cast(x).point().add(power);
    return new EcElement(group, p.add(base.point().negate()));
  }

  private ECLookupTable smallPowers() {
    ECLookupTable t = smallPowers;
    if (t == null) {
      ECPoint[] powers = new ECPoint[9];
      powers[0] = base.point();
      for (int j = 1; j < powers.length; j++) {
        powers[j] = powers[j - 1].add(base.point());
      }
      base.point().getCurve().normalizeAll(powers);
      t = base.point().getCurve().createCacheSafeLookupTable(powers, 0, powers.length);
      smallPowers = t;
    }
    return t;
  }
}
