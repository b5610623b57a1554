package org.tabella.groups.ristretto;

import java.math.BigInteger;

/**
 * Arithmetic in GF(2^255 − 19) on five 51-bit limbs in {@code long[5]} (radix 2^51, as
 * curve25519-dalek's and ref10's 64-bit backends), plus the RFC 9496 helpers: constants,
 * {@code SQRT_RATIO_M1}, {@code IS_NEGATIVE}, {@code CT_ABS}. Products take two 64-bit multiplies
 * per limb pair ({@code x·y} and {@link Math#multiplyHigh}), split at bit 51 so that five of them
 * sum without overflow. Every operation is branch-free and index-free on the values: the same
 * instructions run whatever the limbs hold. Cross-checked against Bouncy Castle's
 * {@code X25519Field} and BigInteger by {@code FeTest}.
 *
 * <p>Limb bounds (why the lazy forms are safe): carried values and products have limbs below
 * 2^52; {@link #addLazy} of two such values stays below 2^53 and {@link #subLazy} (which adds 4p)
 * below 2^54; {@link #mul} and {@link #sqr} accept limbs below 2^54.
 */
final class Fe {
  static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

  private static final long M = (1L << 51) - 1;
  /** 4p in limbs: a bias that keeps x − y non-negative for any y with limbs below 2^53 − 76. */
  private static final long FOUR_P0 = 4 * ((1L << 51) - 19);
  private static final long FOUR_P = 4 * ((1L << 51) - 1);

  static final long[] ONE = fromInt(1);
  /** d = −121665/121666. */
  static final long[] D = fromBig(new BigInteger(
      "37095705934669439343138083508754565189542113879843219016388785533085940283555"));
  static final long[] D2 = fromBig(new BigInteger(
      "37095705934669439343138083508754565189542113879843219016388785533085940283555")
      .shiftLeft(1).mod(P));
  static final long[] SQRT_M1 = fromBig(new BigInteger(
      "19681161376707505956807079304988542015446066515923890162744021073123829784752"));
  static final long[] SQRT_AD_MINUS_ONE = fromBig(new BigInteger(
      "25063068953384623474111414158702152701244531502492656460079210482610430750235"));
  static final long[] INVSQRT_A_MINUS_D = fromBig(new BigInteger(
      "54469307008909316920995813868745141605393597292927456921205312896311721017578"));
  static final long[] ONE_MINUS_D_SQ = fromBig(new BigInteger(
      "1159843021668779879193775521855586647937357759715417654439879720876111806838"));
  static final long[] D_MINUS_ONE_SQ = fromBig(new BigInteger(
      "40440834346308536858101042469323190826248399146238708352240133220865137265952"));

  private Fe() {}

  static long[] create() {
    return new long[5];
  }

  static long[] fromInt(int v) {
    long[] z = create();
    z[0] = v;
    return z;
  }

  static long[] fromBig(BigInteger v) {
    BigInteger r = v.mod(P);
    long[] z = create();
    for (int i = 0; i < 5; i++) {
      z[i] = r.shiftRight(51 * i).longValue() & M;
    }
    return z;
  }

  static BigInteger toBig(long[] x) {
    byte[] le = encode(x);
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[i] = le[31 - i];
    }
    return new BigInteger(1, be);
  }

  /** z = x + y (carried). */
  static void add(long[] x, long[] y, long[] z) {
    addLazy(x, y, z);
    carry(z);
  }

  /** z = x − y (carried). */
  static void sub(long[] x, long[] y, long[] z) {
    subLazy(x, y, z);
    carry(z);
  }

  /** z = x + y without carrying (limbs below 2^53 for inputs below 2^52): only to feed a product or a carried operation. */
  static void addLazy(long[] x, long[] y, long[] z) {
    z[0] = x[0] + y[0];
    z[1] = x[1] + y[1];
    z[2] = x[2] + y[2];
    z[3] = x[3] + y[3];
    z[4] = x[4] + y[4];
  }

  /** z = x + 4p − y without carrying (limbs below 2^54 for y below 2^53 − 76); the same rule as {@link #addLazy}. */
  static void subLazy(long[] x, long[] y, long[] z) {
    z[0] = x[0] + FOUR_P0 - y[0];
    z[1] = x[1] + FOUR_P - y[1];
    z[2] = x[2] + FOUR_P - y[2];
    z[3] = x[3] + FOUR_P - y[3];
    z[4] = x[4] + FOUR_P - y[4];
  }

  /** Carries x in place: limbs below 2^51, except limb 1 below 2^51 + 2^13 (inputs below 2^63). */
  static void carry(long[] x) {
    long c;
    c = x[0] >>> 51;
    x[0] &= M;
    x[1] += c;
    c = x[1] >>> 51;
    x[1] &= M;
    x[2] += c;
    c = x[2] >>> 51;
    x[2] &= M;
    x[3] += c;
    c = x[3] >>> 51;
    x[3] &= M;
    x[4] += c;
    c = x[4] >>> 51;
    x[4] &= M;
    x[0] += 19 * c;
    c = x[0] >>> 51;
    x[0] &= M;
    x[1] += c;
  }

  /** z = x · y; z may alias an input. */
  static void mul(long[] x, long[] y, long[] z) {
    long x0 = x[0];
    long x1 = x[1];
    long x2 = x[2];
    long x3 = x[3];
    long x4 = x[4];
    long y0 = y[0];
    long y1 = y[1];
    long y2 = y[2];
    long y3 = y[3];
    long y4 = y[4];
    long y1n = 19 * y1;
    long y2n = 19 * y2;
    long y3n = 19 * y3;
    long y4n = 19 * y4;
    // each product a·b (< 2^113) is split as s (its low 51 bits) + t·2^51; five of each sum below 2^64
    long lo;
    long s0;
    long t0;
    lo = x0 * y0;
    s0 = lo & M;
    t0 = Math.multiplyHigh(x0, y0) << 13 | lo >>> 51;
    lo = x1 * y4n;
    s0 += lo & M;
    t0 += Math.multiplyHigh(x1, y4n) << 13 | lo >>> 51;
    lo = x2 * y3n;
    s0 += lo & M;
    t0 += Math.multiplyHigh(x2, y3n) << 13 | lo >>> 51;
    lo = x3 * y2n;
    s0 += lo & M;
    t0 += Math.multiplyHigh(x3, y2n) << 13 | lo >>> 51;
    lo = x4 * y1n;
    s0 += lo & M;
    t0 += Math.multiplyHigh(x4, y1n) << 13 | lo >>> 51;

    long s1;
    long t1;
    lo = x0 * y1;
    s1 = lo & M;
    t1 = Math.multiplyHigh(x0, y1) << 13 | lo >>> 51;
    lo = x1 * y0;
    s1 += lo & M;
    t1 += Math.multiplyHigh(x1, y0) << 13 | lo >>> 51;
    lo = x2 * y4n;
    s1 += lo & M;
    t1 += Math.multiplyHigh(x2, y4n) << 13 | lo >>> 51;
    lo = x3 * y3n;
    s1 += lo & M;
    t1 += Math.multiplyHigh(x3, y3n) << 13 | lo >>> 51;
    lo = x4 * y2n;
    s1 += lo & M;
    t1 += Math.multiplyHigh(x4, y2n) << 13 | lo >>> 51;

    long s2;
    long t2;
    lo = x0 * y2;
    s2 = lo & M;
    t2 = Math.multiplyHigh(x0, y2) << 13 | lo >>> 51;
    lo = x1 * y1;
    s2 += lo & M;
    t2 += Math.multiplyHigh(x1, y1) << 13 | lo >>> 51;
    lo = x2 * y0;
    s2 += lo & M;
    t2 += Math.multiplyHigh(x2, y0) << 13 | lo >>> 51;
    lo = x3 * y4n;
    s2 += lo & M;
    t2 += Math.multiplyHigh(x3, y4n) << 13 | lo >>> 51;
    lo = x4 * y3n;
    s2 += lo & M;
    t2 += Math.multiplyHigh(x4, y3n) << 13 | lo >>> 51;

    long s3;
    long t3;
    lo = x0 * y3;
    s3 = lo & M;
    t3 = Math.multiplyHigh(x0, y3) << 13 | lo >>> 51;
    lo = x1 * y2;
    s3 += lo & M;
    t3 += Math.multiplyHigh(x1, y2) << 13 | lo >>> 51;
    lo = x2 * y1;
    s3 += lo & M;
    t3 += Math.multiplyHigh(x2, y1) << 13 | lo >>> 51;
    lo = x3 * y0;
    s3 += lo & M;
    t3 += Math.multiplyHigh(x3, y0) << 13 | lo >>> 51;
    lo = x4 * y4n;
    s3 += lo & M;
    t3 += Math.multiplyHigh(x4, y4n) << 13 | lo >>> 51;

    long s4;
    long t4;
    lo = x0 * y4;
    s4 = lo & M;
    t4 = Math.multiplyHigh(x0, y4) << 13 | lo >>> 51;
    lo = x1 * y3;
    s4 += lo & M;
    t4 += Math.multiplyHigh(x1, y3) << 13 | lo >>> 51;
    lo = x2 * y2;
    s4 += lo & M;
    t4 += Math.multiplyHigh(x2, y2) << 13 | lo >>> 51;
    lo = x3 * y1;
    s4 += lo & M;
    t4 += Math.multiplyHigh(x3, y1) << 13 | lo >>> 51;
    lo = x4 * y0;
    s4 += lo & M;
    t4 += Math.multiplyHigh(x4, y0) << 13 | lo >>> 51;
    reduce(s0, s1, s2, s3, s4, t0, t1, t2, t3, t4, z);
  }

  /** z = x². */
  static void sqr(long[] x, long[] z) {
    long x0 = x[0];
    long x1 = x[1];
    long x2 = x[2];
    long x3 = x[3];
    long x4 = x[4];
    long x0d = 2 * x0;
    long x1d = 2 * x1;
    long x3n = 19 * x3;
    long x4n = 19 * x4;
    long x3nd = 38 * x3;
    long x4nd = 38 * x4;
    long lo;
    long s0;
    long t0;
    lo = x0 * x0;
    s0 = lo & M;
    t0 = Math.multiplyHigh(x0, x0) << 13 | lo >>> 51;
    lo = x1 * x4nd;
    s0 += lo & M;
    t0 += Math.multiplyHigh(x1, x4nd) << 13 | lo >>> 51;
    lo = x2 * x3nd;
    s0 += lo & M;
    t0 += Math.multiplyHigh(x2, x3nd) << 13 | lo >>> 51;

    long s1;
    long t1;
    lo = x0d * x1;
    s1 = lo & M;
    t1 = Math.multiplyHigh(x0d, x1) << 13 | lo >>> 51;
    lo = x2 * x4nd;
    s1 += lo & M;
    t1 += Math.multiplyHigh(x2, x4nd) << 13 | lo >>> 51;
    lo = x3 * x3n;
    s1 += lo & M;
    t1 += Math.multiplyHigh(x3, x3n) << 13 | lo >>> 51;

    long s2;
    long t2;
    lo = x0d * x2;
    s2 = lo & M;
    t2 = Math.multiplyHigh(x0d, x2) << 13 | lo >>> 51;
    lo = x1 * x1;
    s2 += lo & M;
    t2 += Math.multiplyHigh(x1, x1) << 13 | lo >>> 51;
    lo = x3 * x4nd;
    s2 += lo & M;
    t2 += Math.multiplyHigh(x3, x4nd) << 13 | lo >>> 51;

    long s3;
    long t3;
    lo = x0d * x3;
    s3 = lo & M;
    t3 = Math.multiplyHigh(x0d, x3) << 13 | lo >>> 51;
    lo = x1d * x2;
    s3 += lo & M;
    t3 += Math.multiplyHigh(x1d, x2) << 13 | lo >>> 51;
    lo = x4 * x4n;
    s3 += lo & M;
    t3 += Math.multiplyHigh(x4, x4n) << 13 | lo >>> 51;

    long s4;
    long t4;
    lo = x0d * x4;
    s4 = lo & M;
    t4 = Math.multiplyHigh(x0d, x4) << 13 | lo >>> 51;
    lo = x1d * x3;
    s4 += lo & M;
    t4 += Math.multiplyHigh(x1d, x3) << 13 | lo >>> 51;
    lo = x2 * x2;
    s4 += lo & M;
    t4 += Math.multiplyHigh(x2, x2) << 13 | lo >>> 51;
    reduce(s0, s1, s2, s3, s4, t0, t1, t2, t3, t4, z);
  }

  /** z = x^(2^n): n squarings. */
  static void sqr(long[] x, int n, long[] z) {
    sqr(x, z);
    for (int i = 1; i < n; i++) {
      sqr(z, z);
    }
  }

  /**
   * z = Σ s_k·2^(51k) + Σ t_k·2^(51(k+1)) mod p, for s_k below 2^55 and t_k below 2^64 (unsigned);
   * 2^255 ≡ 19 folds the top back into limbs 0 and 1. Limbs of z are below 2^51, limb 1 below 2^52.
   */
  private static void reduce(long s0, long s1, long s2, long s3, long s4, long t0, long t1, long t2, long t3, long t4,
      long[] z) {
    long r0 = s0 & M;
    long c = s0 >>> 51;
    long r1 = s1 + t0 + c;
    c = r1 >>> 51;
    r1 &= M;
    long r2 = s2 + t1 + c;
    c = r2 >>> 51;
    r2 &= M;
    long r3 = s3 + t2 + c;
    c = r3 >>> 51;
    r3 &= M;
    long r4 = s4 + t3 + c;
    c = r4 >>> 51;
    r4 &= M;
    long top = t4 + c;
    r0 += 19 * (top & M);
    r1 += 19 * (top >>> 51);
    c = r0 >>> 51;
    r0 &= M;
    r1 += c;
    z[0] = r0;
    z[1] = r1;
    z[2] = r2;
    z[3] = r3;
    z[4] = r4;
  }

  /** z = −x (carried). */
  static void neg(long[] x, long[] z) {
    subLazy(new long[5], x, z);
    carry(z);
  }

  /** x fully reduced into [0, p), in a copy. */
  private static long[] reduced(long[] x) {
    long[] t = x.clone();
    carry(t);
    carry(t); // limbs now below 2^51 (limb 1 at most 2^51 + 1 carried on)
    // q = 1 exactly when t ≥ p: add 19 and see whether bit 255 is reached
    long q = (t[0] + 19) >>> 51;
    q = (t[1] + q) >>> 51;
    q = (t[2] + q) >>> 51;
    q = (t[3] + q) >>> 51;
    q = (t[4] + q) >>> 51;
    t[0] += 19 * q;
    long c = t[0] >>> 51;
    t[0] &= M;
    t[1] += c;
    c = t[1] >>> 51;
    t[1] &= M;
    t[2] += c;
    c = t[2] >>> 51;
    t[2] &= M;
    t[3] += c;
    c = t[3] >>> 51;
    t[3] &= M;
    t[4] += c;
    t[4] &= M; // drops 2^255, i.e. subtracts p together with the 19 added
    return t;
  }

  /** Returns the canonical 32-byte little-endian encoding. */
  static byte[] encode(long[] x) {
    long[] t = reduced(x);
    byte[] out = new byte[32];
    long w0 = t[0] | t[1] << 51;
    long w1 = t[1] >>> 13 | t[2] << 38;
    long w2 = t[2] >>> 26 | t[3] << 25;
    long w3 = t[3] >>> 39 | t[4] << 12;
    long[] w = {w0, w1, w2, w3};
    for (int i = 0; i < 32; i++) {
      out[i] = (byte) (w[i >>> 3] >>> (8 * (i & 7)));
    }
    return out;
  }

  /** Decodes 32 bytes, ignoring the top bit (as RFC 9496 MAP inputs require). */
  static long[] decodeMasked(byte[] b, int off) {
    long[] w = new long[4];
    for (int i = 0; i < 32; i++) {
      w[i >>> 3] |= (b[off + i] & 0xFFL) << (8 * (i & 7));
    }
    long[] z = create();
    z[0] = w[0] & M;
    z[1] = (w[0] >>> 51 | w[1] << 13) & M;
    z[2] = (w[1] >>> 38 | w[2] << 26) & M;
    z[3] = (w[2] >>> 25 | w[3] << 39) & M;
    z[4] = (w[3] >>> 12) & M;
    return z;
  }

  /** 1 if x is negative (its canonical encoding is odd), else 0. */
  static int isNegative(long[] x) {
    return (int) (reduced(x)[0] & 1);
  }

  /** All-ones mask if x ≡ 0, else 0 (constant time). */
  static int isZeroMask(long[] x) {
    long[] t = reduced(x);
    long or = t[0] | t[1] | t[2] | t[3] | t[4];
    // or == 0 ⇔ (or − 1) has its sign bit set and or does not
    return (int) (((or - 1) & ~or) >> 63);
  }

  /** All-ones mask if x ≡ y, else 0 (constant time). */
  static int equalMask(long[] x, long[] y) {
    long[] d = create();
    sub(x, y, d);
    return isZeroMask(d);
  }

  /** z = CT_ABS(x). */
  static void abs(long[] x, long[] z) {
    long[] t = reduced(x);
    long[] n = create();
    neg(t, n);
    cmov(-isNegative(t), n, t);
    System.arraycopy(t, 0, z, 0, 5);
  }

  /** z = mask ? x : z, with mask 0 or all ones. */
  static void cmov(int mask, long[] x, long[] z) {
    long m = mask;
    z[0] ^= m & (x[0] ^ z[0]);
    z[1] ^= m & (x[1] ^ z[1]);
    z[2] ^= m & (x[2] ^ z[2]);
    z[3] ^= m & (x[3] ^ z[3]);
    z[4] ^= m & (x[4] ^ z[4]);
  }

  /** Swaps x and y when {@code swap} is 1 (constant time). */
  static void cswap(int swap, long[] x, long[] y) {
    long m = -(long) swap;
    for (int i = 0; i < 5; i++) {
      long d = m & (x[i] ^ y[i]);
      x[i] ^= d;
      y[i] ^= d;
    }
  }

  /** x = −x when {@code negate} is 1 (constant time; carried). */
  static void cnegate(int negate, long[] x) {
    long[] n = create();
    neg(x, n);
    cmov(-negate, n, x);
  }

  /** z = 1/x (0 for x = 0): x^(p − 2) = x^(2^255 − 21). */
  static void invert(long[] x, long[] z) {
    long[] t = create();
    pow22523(x, t);           // x^(2^252 − 3)
    sqr(t, 3, t);             // x^(2^255 − 24)
    long[] x3 = create();
    sqr(x, x3);
    mul(x3, x, x3);           // x^3
    mul(t, x3, z);            // x^(2^255 − 21)
  }

  /** Montgomery's trick: every 1/x with one field inversion (no x may be 0). */
  static long[][] invertAll(long[][] xs) {
    int n = xs.length;
    long[][] prefix = new long[n][];
    long[] acc = Fe.fromInt(1);
    for (int i = 0; i < n; i++) {
      prefix[i] = acc;
      long[] next = Fe.create();
      Fe.mul(acc, xs[i], next);
      acc = next;
    }
    long[] inv = Fe.create();
    Fe.invert(acc, inv);
    long[][] out = new long[n][];
    for (int i = n - 1; i >= 0; i--) {
      out[i] = Fe.create();
      Fe.mul(inv, prefix[i], out[i]);
      long[] next = Fe.create();
      Fe.mul(inv, xs[i], next);
      inv = next;
    }
    return out;
  }

  /** z = x^((p − 5)/8) = x^(2^252 − 3). */
  static void pow22523(long[] x, long[] z) {
    long[] t0 = create();
    long[] t1 = create();
    long[] t2 = create();
    sqr(x, t0);               // 2
    sqr(t0, 2, t1);           // 8
    mul(x, t1, t2);           // 9
    mul(t0, t2, t1);          // 11
    sqr(t1, t0);              // 22
    mul(t2, t0, t1);          // 31 = 2^5 − 1
    sqr(t1, 5, t0);
    mul(t0, t1, t2);          // 2^10 − 1
    sqr(t2, 10, t0);
    mul(t0, t2, t1);          // 2^20 − 1
    sqr(t1, 20, t0);
    long[] t3 = create();
    mul(t0, t1, t3);          // 2^40 − 1
    sqr(t3, 10, t0);
    mul(t0, t2, t1);          // 2^50 − 1
    sqr(t1, 50, t0);
    mul(t0, t1, t2);          // 2^100 − 1
    sqr(t2, 100, t0);
    mul(t0, t2, t3);          // 2^200 − 1
    sqr(t3, 50, t0);
    mul(t0, t1, t2);          // 2^250 − 1
    sqr(t2, 2, t0);           // 2^252 − 4
    mul(t0, x, z);            // 2^252 − 3
  }

  /**
   * RFC 9496 SQRT_RATIO_M1(u, v): writes the non-negative r with r² = u/v, or r² = SQRT_M1·u/v
   * when u/v is not square, into {@code r}; returns all ones if u/v was square (or u = 0).
   */
  static int sqrtRatioM1(long[] u, long[] v, long[] r) {
    long[] v3 = create();
    long[] v7 = create();
    long[] t = create();
    long[] t2 = create();
    sqr(v, t);
    mul(t, v, v3);            // v^3
    sqr(v3, t);
    mul(t, v, v7);            // v^7
    mul(u, v7, t);            // u·v^7
    pow22523(t, t2);          // (u·v^7)^((p−5)/8)
    mul(u, v3, t);            // u·v^3
    long[] rr = create();
    mul(t, t2, rr);           // r = u·v^3·(u·v^7)^((p−5)/8)
    long[] check = create();
    sqr(rr, t);
    mul(v, t, check);         // v·r²
    long[] negU = create();
    neg(u, negU);
    long[] negUi = create();
    mul(negU, SQRT_M1, negUi);
    int correct = equalMask(check, u);
    int flipped = equalMask(check, negU);
    int flippedI = equalMask(check, negUi);
    long[] rPrime = create();
    mul(SQRT_M1, rr, rPrime);
    cmov(flipped | flippedI, rPrime, rr);
    abs(rr, r);
    return correct | flipped;
  }
}
