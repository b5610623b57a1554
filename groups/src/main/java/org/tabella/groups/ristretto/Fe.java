package org.tabella.groups.ristretto;

import java.math.BigInteger;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Arithmetic in GF(2^255 − 19) on Bouncy Castle's {@link X25519Field} (ten 25.5-bit limbs), plus
 * the RFC 9496 helpers: constants, {@code SQRT_RATIO_M1}, {@code IS_NEGATIVE}, {@code CT_ABS}.
 * Values are {@code int[10]}; sums and differences are carried before they feed a product.
 */
final class Fe {
  static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

  static final int[] ONE = fromInt(1);
  /** d = −121665/121666. */
  static final int[] D = fromBig(new BigInteger(
      "37095705934669439343138083508754565189542113879843219016388785533085940283555"));
  static final int[] D2 = fromBig(new BigInteger(
      "37095705934669439343138083508754565189542113879843219016388785533085940283555")
      .shiftLeft(1).mod(P));
  static final int[] SQRT_M1 = fromBig(new BigInteger(
      "19681161376707505956807079304988542015446066515923890162744021073123829784752"));
  static final int[] SQRT_AD_MINUS_ONE = fromBig(new BigInteger(
      "25063068953384623474111414158702152701244531502492656460079210482610430750235"));
  static final int[] INVSQRT_A_MINUS_D = fromBig(new BigInteger(
      "54469307008909316920995813868745141605393597292927456921205312896311721017578"));
  static final int[] ONE_MINUS_D_SQ = fromBig(new BigInteger(
      "1159843021668779879193775521855586647937357759715417654439879720876111806838"));
  static final int[] D_MINUS_ONE_SQ = fromBig(new BigInteger(
      "40440834346308536858101042469323190826248399146238708352240133220865137265952"));

  private Fe() {}

  static int[] create() {
    return X25519Field.create();
  }

  static int[] fromInt(int v) {
    int[] z = create();
    z[0] = v;
    return z;
  }

  static int[] fromBig(BigInteger v) {
    byte[] le = new byte[32];
    byte[] be = v.mod(P).toByteArray();
    for (int i = 0; i < be.length && i < 32; i++) {
      le[i] = be[be.length - 1 - i];
    }
    int[] z = create();
    X25519Field.decode(le, 0, z);
    return z;
  }

  static BigInteger toBig(int[] x) {
    byte[] le = encode(x);
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[i] = le[31 - i];
    }
    return new BigInteger(1, be);
  }

  /** z = x + y (carried). */
  static void add(int[] x, int[] y, int[] z) {
    X25519Field.add(x, y, z);
    X25519Field.carry(z);
  }

  /** z = x − y (carried). */
  static void sub(int[] x, int[] y, int[] z) {
    X25519Field.sub(x, y, z);
    X25519Field.carry(z);
  }

  /**
   * z = x + y without carrying: only for sums of two carried values, one level deep, that feed a
   * product (X25519Field's multiplication absorbs that much headroom, as Bouncy Castle's own
   * Ed25519 formulas rely on).
   */
  static void addLazy(int[] x, int[] y, int[] z) {
    X25519Field.add(x, y, z);
  }

  /** z = x − y without carrying; the same rule as {@link #addLazy}. */
  static void subLazy(int[] x, int[] y, int[] z) {
    X25519Field.sub(x, y, z);
  }

  /** Carries x in place. */
  static void carry(int[] x) {
    X25519Field.carry(x);
  }

  /** z = x · y; z may alias neither input. */
  static void mul(int[] x, int[] y, int[] z) {
    X25519Field.mul(x, y, z);
  }

  /** z = x². */
  static void sqr(int[] x, int[] z) {
    X25519Field.sqr(x, z);
  }

  /** z = −x (carried). */
  static void neg(int[] x, int[] z) {
    X25519Field.negate(x, z);
    X25519Field.carry(z);
  }

  /** Returns the canonical 32-byte little-endian encoding. */
  static byte[] encode(int[] x) {
    int[] t = x.clone();
    X25519Field.normalize(t);
    byte[] out = new byte[32];
    X25519Field.encode(t, out, 0);
    return out;
  }

  /** Decodes 32 bytes, ignoring the top bit (as RFC 9496 MAP inputs require). */
  static int[] decodeMasked(byte[] b, int off) {
    int[] z = create();
    X25519Field.decode(b, off, z);
    return z;
  }

  /** 1 if x is negative (its canonical encoding is odd), else 0: the low bit of limb 0 once reduced. */
  static int isNegative(int[] x) {
    int[] t = x.clone();
    X25519Field.normalize(t);
    return t[0] & 1;
  }

  /** All-ones mask if x ≡ 0, else 0. */
  static int isZeroMask(int[] x) {
    int[] t = x.clone();
    X25519Field.normalize(t);
    return X25519Field.isZero(t);
  }

  /** All-ones mask if x ≡ y, else 0 (constant time). */
  static int equalMask(int[] x, int[] y) {
    int[] d = create();
    sub(x, y, d);
    return isZeroMask(d);
  }

  /** z = CT_ABS(x). */
  static void abs(int[] x, int[] z) {
    int[] t = x.clone();
    X25519Field.normalize(t);
    int negative = isNegative(t);
    X25519Field.cnegate(negative, t);
    X25519Field.carry(t);
    System.arraycopy(t, 0, z, 0, 10);
  }

  /** z = mask ? x : z, with mask 0 or all ones. */
  static void cmov(int mask, int[] x, int[] z) {
    X25519Field.cmov(mask, x, 0, z, 0);
  }

  /** z = x^((p − 5)/8) = x^(2^252 − 3). */
  static void pow22523(int[] x, int[] z) {
    int[] t0 = create();
    int[] t1 = create();
    int[] t2 = create();
    sqr(x, t0);               // 2
    X25519Field.sqr(t0, 2, t1); // 8
    mul(x, t1, t2);           // 9
    mul(t0, t2, t1);          // 11
    sqr(t1, t0);              // 22
    mul(t2, t0, t1);          // 31 = 2^5 − 1
    X25519Field.sqr(t1, 5, t0);
    mul(t0, t1, t2);          // 2^10 − 1
    X25519Field.sqr(t2, 10, t0);
    mul(t0, t2, t1);          // 2^20 − 1
    X25519Field.sqr(t1, 20, t0);
    int[] t3 = create();
    mul(t0, t1, t3);          // 2^40 − 1
    X25519Field.sqr(t3, 10, t0);
    mul(t0, t2, t1);          // 2^50 − 1
    X25519Field.sqr(t1, 50, t0);
    mul(t0, t1, t2);          // 2^100 − 1
    X25519Field.sqr(t2, 100, t0);
    mul(t0, t2, t3);          // 2^200 − 1
    X25519Field.sqr(t3, 50, t0);
    mul(t0, t1, t2);          // 2^250 − 1
    X25519Field.sqr(t2, 2, t0); // 2^252 − 4
    mul(t0, x, z);            // 2^252 − 3
  }

  /**
   * RFC 9496 SQRT_RATIO_M1(u, v): writes the non-negative r with r² = u/v, or r² = SQRT_M1·u/v
   * when u/v is not square, into {@code r}; returns all ones if u/v was square (or u = 0).
   */
  static int sqrtRatioM1(int[] u, int[] v, int[] r) {
    int[] v3 = create();
    int[] v7 = create();
    int[] t = create();
    int[] t2 = create();
    sqr(v, t);
    mul(t, v, v3);            // v^3
    sqr(v3, t);
    mul(t, v, v7);            // v^7
    mul(u, v7, t);            // u·v^7
    pow22523(t, t2);          // (u·v^7)^((p−5)/8)
    mul(u, v3, t);            // u·v^3
    int[] rr = create();
    mul(t, t2, rr);           // r = u·v^3·(u·v^7)^((p−5)/8)
    int[] check = create();
    sqr(rr, t);
    mul(v, t, check);         // v·r²
    int[] negU = create();
    neg(u, negU);
    int[] negUi = create();
    mul(negU, SQRT_M1, negUi);
    int correct = equalMask(check, u);
    int flipped = equalMask(check, negU);
    int flippedI = equalMask(check, negUi);
    int[] rPrime = create();
    mul(SQRT_M1, rr, rPrime);
    cmov(flipped | flippedI, rPrime, rr);
    abs(rr, r);
    return correct | flipped;
  }
}
