package org.tabella.groups.ec;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.tabella.groups.internal.ExpandMessageXmd;

/**
 * RFC 9380 random-oracle hashing to a short-Weierstrass curve with the simplified SWU map
 * (§6.6.2), through a 3-isogeny for secp256k1 (§6.6.3, Appendix E.1). Suites:
 * P256_XMD:SHA-256_SSWU_RO_, P384_XMD:SHA-384_SSWU_RO_, secp256k1_XMD:SHA-256_SSWU_RO_. All three
 * fields have p ≡ 3 (mod 4), so square roots are a single exponentiation. The input is public, so
 * this runs in variable time.
 */
final class SswuHashToCurve {
  private final ECCurve curve;
  private final BigInteger p;
  private final BigInteger a;
  private final BigInteger b;
  private final BigInteger z;
  private final int fieldBytesL;
  private final ExpandMessageXmd xmd;
  private final IsogenyMap isogeny;
  private final BigInteger sqrtExponent;
  private final BigInteger legendreExponent;

  /**
   * @param curve the target curve
   * @param a A of the curve the SWU map targets (E' for secp256k1)
   * @param b B of that curve
   * @param z the suite's non-square Z
   * @param fieldBytesL L of hash_to_field
   * @param hash the XMD hash
   * @param isogeny the map from E' to the curve, or null
   */
  SswuHashToCurve(ECCurve curve, BigInteger a, BigInteger b, BigInteger z, int fieldBytesL,
      String hash, IsogenyMap isogeny) {
    this.curve = curve;
    this.p = curve.getField().getCharacteristic();
    this.a = a.mod(p);
    this.b = b.mod(p);
    this.z = z.mod(p);
    this.fieldBytesL = fieldBytesL;
    this.xmd = ExpandMessageXmd.forHash(hash);
    this.isogeny = isogeny;
    this.sqrtExponent = p.add(BigInteger.ONE).shiftRight(2);
    this.legendreExponent = p.subtract(BigInteger.ONE).shiftRight(1);
  }

  /** hash_to_curve(msg): map two field elements and add the points (cofactor 1). */
  ECPoint hash(byte[] message, byte[] dst) {
    BigInteger[] u = hashToField(message, dst, 2);
    return mapToCurve(u[0]).add(mapToCurve(u[1])).normalize();
  }

  /** hash_to_field with m = 1. */
  BigInteger[] hashToField(byte[] message, byte[] dst, int count) {
    byte[] uniform = xmd.expand(message, dst, count * fieldBytesL);
    BigInteger[] u = new BigInteger[count];
    for (int i = 0; i < count; i++) {
      byte[] chunk = java.util.Arrays.copyOfRange(uniform, i * fieldBytesL, (i + 1) * fieldBytesL);
      u[i] = new BigInteger(1, chunk).mod(p);
    }
    return u;
  }

  /** map_to_curve: simplified SWU, then the isogeny if any. */
  ECPoint mapToCurve(BigInteger u) {
    BigInteger[] xy = simplifiedSwu(u);
    if (isogeny != null) {
      xy = isogeny.apply(xy[0], xy[1]);
      if (xy == null) {
        return curve.getInfinity();
      }
    }
    return curve.validatePoint(xy[0], xy[1]);
  }

  private BigInteger[] simplifiedSwu(BigInteger u) {
    BigInteger u2 = u.multiply(u).mod(p);
    BigInteger zu2 = z.multiply(u2).mod(p);
    BigInteger tv1 = inv0(zu2.multiply(zu2).add(zu2).mod(p));
    BigInteger x1;
    if (tv1.signum() == 0) {
      x1 = b.multiply(inv0(z.multiply(a))).mod(p);
    } else {
      x1 = b.negate().multiply(inv0(a)).multiply(BigInteger.ONE.add(tv1)).mod(p);
    }
    BigInteger gx1 = g(x1);
    BigInteger x;
    BigInteger y;
    if (isSquare(gx1)) {
      x = x1;
      y = gx1.modPow(sqrtExponent, p);
    } else {
      x = zu2.multiply(x1).mod(p);
      y = g(x).modPow(sqrtExponent, p);
    }
    if (u.testBit(0) != y.testBit(0)) {
      y = p.subtract(y).mod(p);
    }
    return new BigInteger[] {x, y};
  }

  private BigInteger g(BigInteger x) {
    return x.multiply(x).add(a).multiply(x).add(b).mod(p);
  }

  private boolean isSquare(BigInteger v) {
    BigInteger l = v.modPow(legendreExponent, p);
    return l.signum() == 0 || l.equals(BigInteger.ONE);
  }

  private BigInteger inv0(BigInteger v) {
    BigInteger r = v.mod(p);
    return r.signum() == 0 ? BigInteger.ZERO : r.modInverse(p);
  }
}
