package org.tabella.groups.ec;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECLookupTable;
import org.bouncycastle.math.ec.ECPoint;
import org.tabella.groups.Element;
import org.tabella.groups.FixedBaseTable;
import org.tabella.groups.Scalar;
import org.tabella.groups.internal.Bytes;

/**
 * Fixed-base multiplication on the Bouncy Castle curves with odd signed radix-16 digits: row i of
 * the table holds ±1·16^i·P, ±3·16^i·P, …, ±15·16^i·P in affine form, read by Bouncy Castle's
 * cache-safe lookup (all 16 entries read, selected by masks). An exponent e becomes the odd number
 * e' = e or e + q (same point, since q·P = O), and e' = Σ d_i·16^i with every digit odd in
 * [−15, 15] (d_i = (bits 4i…4i+4 of e', lowest forced to 1) − 16, the last one positive): one
 * mixed addition per digit, no doubling, and no digit is zero, so no addition meets the identity
 * (where Bouncy Castle returns early). About half the additions of Bouncy Castle's comb, which
 * also doubles.
 */
final class EcFixedBase implements FixedBaseTable {
  private final EcGroup group;
  private final EcElement base;
  /** Number of digits: enough for e + q < 2q. */
  private final int digits;
  private final ECLookupTable[] rows;
  /** base^1 … base^9 for {@link #timesSmallPower}, built on first use. */
  private volatile ECLookupTable smallPowers;

  EcFixedBase(EcGroup group, EcElement base) {
    this.group = group;
    ECPoint p = base.point().normalize();
    this.base = new EcElement(group, p);
    this.digits = (group.order().bitLength() + 1 + 3) / 4;
    this.rows = new ECLookupTable[digits];
    if (p.isInfinity()) {
      return;
    }
    ECCurve curve = p.getCurve();
    ECPoint[] all = new ECPoint[16 * digits];
    ECPoint rowBase = p;
    for (int i = 0; i < digits; i++) {
      ECPoint twice = rowBase.twice();
      ECPoint odd = rowBase;
      for (int j = 0; j < 8; j++) {
        // index 8 + j: +(2j+1)·16^i·P; index 7 − j: −(2j+1)·16^i·P
        all[16 * i + 8 + j] = odd;
        all[16 * i + 7 - j] = odd.negate();
        odd = odd.add(twice);
      }
      for (int k = 0; k < 4; k++) {
        rowBase = rowBase.twice();
      }
    }
    curve.normalizeAll(all);
    for (int i = 0; i < digits; i++) {
      rows[i] = curve.createCacheSafeLookupTable(all, 16 * i, 16);
    }
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
    int[] d = recode(group.requireScalar(e).toBigInteger());
    ECPoint acc = rows[0].lookup(index(d[0]));
    for (int i = 1; i < digits; i++) {
      acc = acc.add(rows[i].lookup(index(d[i])));
    }
    return new EcElement(group, acc);
  }

  /** Digit d (odd, −15…15) → table index: −15…−1 → 0…7, 1…15 → 8…15, without a branch. */
  private static int index(int d) {
    return (d + 15) >> 1;
  }

  /**
   * The odd signed radix-16 digits of e (or of e + q when e is even; both give e·P), chosen by a
   * mask and computed from fixed-length bytes, so their computation does not branch on e.
   */
  int[] recode(BigInteger e) {
    BigInteger q = group.order();
    int length = (digits * 4 + 7) / 8 + 1;
    byte[] plain = Bytes.toFixedLength(e, length);
    byte[] shifted = Bytes.toFixedLength(e.add(q), length);
    int even = (plain[length - 1] & 1) - 1; // all ones when e is even
    for (int i = 0; i < length; i++) {
      plain[i] = (byte) (plain[i] ^ ((plain[i] ^ shifted[i]) & even));
    }
    int[] d = new int[digits];
    for (int i = 0; i < digits; i++) {
      int window = bits(plain, 4 * i, 5) | 1;
      d[i] = i == digits - 1 ? window : window - 16;
    }
    return d;
  }

  /** {@code count} bits of the big-endian {@code b} from bit {@code from} (bit 0 the lowest). */
  private static int bits(byte[] b, int from, int count) {
    int v = 0;
    for (int k = count - 1; k >= 0; k--) {
      int bit = from + k;
      int byteIndex = b.length - 1 - (bit >> 3);
      int x = byteIndex >= 0 ? (b[byteIndex] >> (bit & 7)) & 1 : 0;
      v = (v << 1) | x;
    }
    return v;
  }

  /**
   * {@code x · base^e}: the table's sum with x added first, then the digits — no addition meets
   * the identity, e = 0 included (its digits then sum to q·P, reached by the last addition).
   */
  @Override
  public Element timesPower(Element x, Scalar e) {
    if (base.isIdentity()) {
      return x;
    }
    int[] d = recode(group.requireScalar(e).toBigInteger());
    ECPoint acc = group.cast(x).point();
    for (int i = 0; i < digits; i++) {
      acc = acc.add(rows[i].lookup(index(d[i])));
    }
    return new EcElement(group, acc);
  }

  /**
   * base^(e+1) read from base^1 … base^9 by Bouncy Castle's cache-safe lookup (every entry read,
   * selected by masks), then {@code x · base^(e+1) · base^(−1)}: no addition meets the identity.
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
