package org.tabella.groups.decaf;

import java.math.BigInteger;
import org.bouncycastle.math.ec.rfc7748.X448Field;

/**
 * Arithmetic in GF(p), p = 2^448 − 2^224 − 1, on Bouncy Castle's {@link X448Field} (sixteen 28-bit
 * limbs), plus the RFC 9496 §5 helpers: constants, {@code SQRT_RATIO_M1} for p ≡ 3 (mod 4),
 * {@code IS_NEGATIVE}, {@code CT_ABS}. Values are {@code int[16]}; every sum and difference is
 * carried, so any value may feed a product. No branch or index depends on a value.
 */
final class Fe448 {
  static final BigInteger P = BigInteger.ONE.shiftLeft(448).subtract(BigInteger.ONE.shiftLeft(224)).subtract(BigInteger.ONE);

  static final int[] ZERO = create();
  static final int[] ONE = fromInt(1);
  /** d = −39081, the edwards448 constant. */
  static final int[] D = fromBig(BigInteger.valueOf(-39081));
  static final int[] ONE_MINUS_D = fromInt(39082);
  static final int[] ONE_MINUS_TWO_D = fromInt(78163);
  /** √(−d), the non-negative root (RFC 9496 §5.1). */
  static final int[] SQRT_MINUS_D = fromBig(new BigInteger("98944233647732219769177004876929019128417576295529901074099889598"
      + "043702116001257856802131563896515373927712232092845883226922417596214"));
  /** 1/√(−d), non-negative. */
  static final int[] INVSQRT_MINUS_D = fromBig(new BigInteger("3150199139313896073371770383309510435224560728972669285573284"
      + "99619017160722351061360252776265186336876723201881398623946864393857820716"));

  private Fe448() {}

  static int[] create() {
    return X448Field.create();
  }

  static int[] fromInt(int v) {
    int[] z = create();
    z[0] = v;
    return z;
  }

  static int[] fromBig(BigInteger v) {
    byte[] le = new byte[56];
    byte[] be = v.mod(P).toByteArray();
    for (int i = 0; i < be.length && i < 56; i++) {
      le[i] = be[be.length - 1 - i];
    }
    int[] z = create();
    X448Field.decode(le, 0, z);
    return z;
  }

  static BigInteger toBig(int[] x) {
    byte[] le = encode(x);
    byte[] be = new byte[56];
    for (int i = 0; i < 56; i++) {
      be[i] = le[55 - i];
    }
    return new BigInteger(1, be);
  }

  static int[] copy(int[] x) {
    return x.clone();
  }

  /** z = x + y (carried). */
  static void add(int[] x, int[] y, int[] z) {
    X448Field.add(x, y, z);
    X448Field.carry(z);
  }

  /** z = x − y (carried). */
  static void sub(int[] x, int[] y, int[] z) {
    X448Field.sub(x, y, z);
    X448Field.carry(z);
  }

  /** z = x · y. */
  static void mul(int[] x, int[] y, int[] z) {
    X448Field.mul(x, y, z);
  }

  /** z = x². */
  static void sqr(int[] x, int[] z) {
    X448Field.sqr(x, z);
  }

  /** z = x^(2^n). */
  static void sqr(int[] x, int n, int[] z) {
    X448Field.sqr(x, n, z);
  }

  /** z = −x (carried). */
  static void neg(int[] x, int[] z) {
    X448Field.negate(x, z);
    X448Field.carry(z);
  }

  /** The canonical 56-byte little-endian encoding. */
  static byte[] encode(int[] x) {
    int[] t = x.clone();
    X448Field.normalize(t);
    byte[] out = new byte[56];
    X448Field.encode(t, out, 0);
    return out;
  }

  /** Decodes 56 little-endian bytes as an integer below 2^448 (not reduced: callers check canonicity). */
  static int[] decode(byte[] b, int off) {
    int[] z = create();
    X448Field.decode(b, off, z);
    return z;
  }

  /** 1 if x is negative (its canonical encoding is odd), else 0. */
  static int isNegative(int[] x) {
    int[] t = x.clone();
    X448Field.normalize(t);
    return t[0] & 1;
  }

  /** All ones if x ≡ 0, else 0. */
  static int isZeroMask(int[] x) {
    int[] t = x.clone();
    X448Field.normalize(t);
    return X448Field.isZero(t);
  }

  /** All ones if x ≡ y, else 0. */
  static int equalMask(int[] x, int[] y) {
    int[] d = create();
    sub(x, y, d);
    return isZeroMask(d);
  }

  /** z = CT_ABS(x). */
  static void abs(int[] x, int[] z) {
    int[] t = x.clone();
    X448Field.normalize(t);
    int negative = t[0] & 1;
    X448Field.cnegate(negative, t);
    X448Field.carry(t);
    System.arraycopy(t, 0, z, 0, t.length);
  }

  /** z = mask ? x : z, with mask 0 or all ones. */
  static void cmov(int mask, int[] x, int[] z) {
    X448Field.cmov(mask, x, 0, z, 0);
  }

  /** z = x^((p − 3)/4) = x^(2^446 − 2^222 − 1): bits of the exponent are 223 ones, a zero, 222 ones. */
  static void powPm3d4(int[] x, int[] z) {
    int[] x2 = create();
    int[] x3 = create();
    int[] x6 = create();
    int[] x12 = create();
    int[] x24 = create();
    int[] x30 = create();
    int[] x48 = create();
    int[] x96 = create();
    int[] x192 = create();
    int[] x222 = create();
    int[] x223 = create();
    int[] t = create();
    sqr(x, t);
    mul(t, x, x2);            // 2^2 − 1
    sqr(x2, t);
    mul(t, x, x3);            // 2^3 − 1
    sqr(x3, 3, t);
    mul(t, x3, x6);           // 2^6 − 1
    sqr(x6, 6, t);
    mul(t, x6, x12);          // 2^12 − 1
    sqr(x12, 12, t);
    mul(t, x12, x24);         // 2^24 − 1
    sqr(x24, 6, t);
    mul(t, x6, x30);          // 2^30 − 1
    sqr(x24, 24, t);
    mul(t, x24, x48);         // 2^48 − 1
    sqr(x48, 48, t);
    mul(t, x48, x96);         // 2^96 − 1
    sqr(x96, 96, t);
    mul(t, x96, x192);        // 2^192 − 1
    sqr(x192, 30, t);
    mul(t, x30, x222);        // 2^222 − 1
    sqr(x222, t);
    mul(t, x, x223);          // 2^223 − 1
    sqr(x223, 223, t);        // (2^223 − 1)·2^223 = 2^446 − 2^223
    mul(t, x222, z);          // + 2^222 − 1 = 2^446 − 2^222 − 1
  }

  /**
   * RFC 9496 §5.2 SQRT_RATIO_M1(u, v) for p ≡ 3 (mod 4): r = CT_ABS(u·(u·v)^((p−3)/4)) into
   * {@code r}; returns all ones if u/v was square (then r² = u/v), else 0 (then r² = −u/v).
   */
  static int sqrtRatioM1(int[] u, int[] v, int[] r) {
    int[] uv = create();
    mul(u, v, uv);
    int[] t = create();
    powPm3d4(uv, t);
    int[] rr = create();
    mul(u, t, rr);
    int[] check = create();
    sqr(rr, t);
    mul(v, t, check);
    int wasSquare = equalMask(check, u);
    abs(rr, r);
    return wasSquare;
  }
}
