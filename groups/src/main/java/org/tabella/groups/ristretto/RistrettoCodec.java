package org.tabella.groups.ristretto;

import org.tabella.groups.InvalidEncodingException;

/**
 * RFC 9496 §4.3: ristretto255 encoding, validated decoding, and the element derivation
 * {@code from_uniform_bytes} (Elligator 2 map applied to each half, then added).
 */
final class RistrettoCodec {
  private RistrettoCodec() {}

  /** RFC 9496 §4.3.2 ENCODE. */
  static byte[] encode(EdwardsPoint p) {
    long[] u1 = Fe.create();
    long[] u2 = Fe.create();
    long[] t = Fe.create();
    long[] t2 = Fe.create();
    Fe.add(p.z, p.y, t);
    Fe.sub(p.z, p.y, t2);
    Fe.mul(t, t2, u1);                       // u1 = (Z0 + Y0)(Z0 − Y0)
    Fe.mul(p.x, p.y, u2);                    // u2 = X0·Y0
    Fe.sqr(u2, t);
    Fe.mul(u1, t, t2);                       // u1·u2²
    long[] invsqrt = Fe.create();
    Fe.sqrtRatioM1(Fe.ONE, t2, invsqrt);
    long[] den1 = Fe.create();
    long[] den2 = Fe.create();
    Fe.mul(invsqrt, u1, den1);
    Fe.mul(invsqrt, u2, den2);
    long[] zInv = Fe.create();
    Fe.mul(den1, den2, t);
    Fe.mul(t, p.t, zInv);                    // z_inv = den1·den2·T0
    long[] ix0 = Fe.create();
    long[] iy0 = Fe.create();
    Fe.mul(p.x, Fe.SQRT_M1, ix0);
    Fe.mul(p.y, Fe.SQRT_M1, iy0);
    long[] enchanted = Fe.create();
    Fe.mul(den1, Fe.INVSQRT_A_MINUS_D, enchanted);
    Fe.mul(p.t, zInv, t);
    int rotate = -Fe.isNegative(t);          // mask
    long[] x = p.x.clone();
    long[] y = p.y.clone();
    Fe.cmov(rotate, iy0, x);
    Fe.cmov(rotate, ix0, y);
    long[] denInv = den2.clone();
    Fe.cmov(rotate, enchanted, denInv);
    Fe.mul(x, zInv, t);
    long[] negY = Fe.create();
    Fe.neg(y, negY);
    Fe.cmov(-Fe.isNegative(t), negY, y);
    Fe.sub(p.z, y, t);
    long[] s = Fe.create();
    Fe.mul(denInv, t, s);
    Fe.abs(s, s);
    return Fe.encode(s);
  }

  /**
   * ENCODE(2·P) for every P, with one field inversion for the whole batch instead of an inverse
   * square root each: doubling makes the square root rational (curve25519-dalek's
   * double-and-compress, from the Ristretto paper's §4). Per point e = 2XY, f = Z² + dT²,
   * g = Y² + X², h = Z² − dT²; with 1/(fh) and 1/(eg) from the batch inverse of efgh, a rotation
   * when eg/fh is negative and a sign fix give s = (h − g)·c·g/(eg), c = 1/√(a − d) or √−1. Branch-free
   * per point; a P whose efgh is 0 (the identity's class) makes its entry null, which callers encode
   * directly — an identity is public once encoded.
   */
  static byte[][] doubleAndEncode(EdwardsPoint[] points) {
    int n = points.length;
    long[][] e = new long[n][];
    long[][] f = new long[n][];
    long[][] g = new long[n][];
    long[][] h = new long[n][];
    long[][] eg = new long[n][];
    long[][] fh = new long[n][];
    long[][] efgh = new long[n][];
    int[] zero = new int[n];
    long[] t = Fe.create();
    long[] u = Fe.create();
    for (int i = 0; i < n; i++) {
      EdwardsPoint p = points[i];
      long[] xx = Fe.create();
      long[] yy = Fe.create();
      long[] zz = Fe.create();
      long[] dtt = Fe.create();
      Fe.sqr(p.x, xx);
      Fe.sqr(p.y, yy);
      Fe.sqr(p.z, zz);
      Fe.sqr(p.t, t);
      Fe.mul(t, Fe.D, dtt);
      e[i] = Fe.create();
      Fe.addLazy(p.y, p.y, t);
      Fe.mul(p.x, t, e[i]);                  // 2XY
      f[i] = Fe.create();
      Fe.add(zz, dtt, f[i]);
      g[i] = Fe.create();
      Fe.add(yy, xx, g[i]);
      h[i] = Fe.create();
      Fe.sub(zz, dtt, h[i]);
      eg[i] = Fe.create();
      Fe.mul(e[i], g[i], eg[i]);
      fh[i] = Fe.create();
      Fe.mul(f[i], h[i], fh[i]);
      efgh[i] = Fe.create();
      Fe.mul(eg[i], fh[i], efgh[i]);
      zero[i] = Fe.isZeroMask(efgh[i]);
      Fe.cmov(zero[i], Fe.ONE, efgh[i]);     // keep the batch invertible
    }
    long[][] inv = Fe.invertAll(efgh);
    byte[][] out = new byte[n][];
    for (int i = 0; i < n; i++) {
      long[] zInv = Fe.create();
      long[] tInv = Fe.create();
      Fe.mul(eg[i], inv[i], zInv);           // 1/(fh)
      Fe.mul(fh[i], inv[i], tInv);           // 1/(eg)
      long[] magic = Fe.INVSQRT_A_MINUS_D.clone();
      Fe.mul(eg[i], zInv, t);
      int rotate = -Fe.isNegative(t);
      long[] ee = e[i].clone();
      long[] gg = g[i].clone();
      long[] hh = h[i].clone();
      long[] minusE = Fe.create();
      Fe.neg(e[i], minusE);
      long[] fSqrtA = Fe.create();
      Fe.mul(f[i], Fe.SQRT_M1, fSqrtA);
      Fe.cmov(rotate, g[i], ee);
      Fe.cmov(rotate, minusE, gg);
      Fe.cmov(rotate, fSqrtA, hh);
      Fe.cmov(rotate, Fe.SQRT_M1, magic);
      Fe.mul(hh, ee, t);
      Fe.mul(t, zInv, u);
      Fe.cnegate(Fe.isNegative(u), gg);
      long[] s = Fe.create();
      Fe.mul(gg, tInv, t);
      Fe.mul(magic, t, u);
      Fe.sub(hh, gg, t);
      Fe.mul(t, u, s);
      Fe.abs(s, s);
      out[i] = zero[i] != 0 ? null : Fe.encode(s);
    }
    return out;
  }

  /** RFC 9496 §4.3.1 DECODE: rejects non-canonical, negative and invalid encodings. */
  static EdwardsPoint decode(byte[] bytes) throws InvalidEncodingException {
    if (bytes.length != 32) {
      throw new InvalidEncodingException("ristretto255 element must be 32 bytes, got " + bytes.length);
    }
    long[] s = Fe.decodeMasked(bytes, 0);
    if (!java.util.Arrays.equals(Fe.encode(s), bytes)) {
      throw new InvalidEncodingException("ristretto255: non-canonical field element");
    }
    if (Fe.isNegative(s) != 0) {
      throw new InvalidEncodingException("ristretto255: negative field element");
    }
    long[] ss = Fe.create();
    Fe.sqr(s, ss);
    long[] u1 = Fe.create();
    long[] u2 = Fe.create();
    Fe.sub(Fe.ONE, ss, u1);                  // u1 = 1 − s²
    Fe.add(Fe.ONE, ss, u2);                  // u2 = 1 + s²
    long[] u2Sqr = Fe.create();
    Fe.sqr(u2, u2Sqr);
    long[] t = Fe.create();
    long[] t2 = Fe.create();
    Fe.sqr(u1, t);
    Fe.mul(Fe.D, t, t2);
    Fe.neg(t2, t2);
    long[] v = Fe.create();
    Fe.sub(t2, u2Sqr, v);                    // v = −(D·u1²) − u2²
    Fe.mul(v, u2Sqr, t);
    long[] invsqrt = Fe.create();
    int wasSquare = Fe.sqrtRatioM1(Fe.ONE, t, invsqrt);
    long[] denX = Fe.create();
    long[] denY = Fe.create();
    Fe.mul(invsqrt, u2, denX);
    Fe.mul(invsqrt, denX, t);
    Fe.mul(t, v, denY);
    long[] x = Fe.create();
    Fe.add(s, s, t);
    Fe.mul(t, denX, t2);
    Fe.abs(t2, x);                           // x = |2s·den_x|
    long[] y = Fe.create();
    Fe.mul(u1, denY, y);
    long[] tt = Fe.create();
    Fe.mul(x, y, tt);
    if (wasSquare == 0 || Fe.isNegative(tt) != 0 || Fe.isZeroMask(y) != 0) {
      throw new InvalidEncodingException("ristretto255: not the encoding of a group element");
    }
    return new EdwardsPoint(x, y, Fe.fromInt(1), tt);
  }

  /** RFC 9496 §4.3.4 from_uniform_bytes: MAP(b[0..32]) + MAP(b[32..64]). */
  static EdwardsPoint fromUniformBytes(byte[] bytes) {
    if (bytes.length != 64) {
      throw new IllegalArgumentException("from_uniform_bytes needs 64 bytes");
    }
    EdwardsPoint p1 = map(Fe.decodeMasked(bytes, 0));
    EdwardsPoint p2 = map(Fe.decodeMasked(bytes, 32));
    p1.add(p2, new EdwardsPoint.Scratch());
    return p1;
  }

  /** RFC 9496 §4.3.4 MAP (Elligator 2 for ristretto255). */
  static EdwardsPoint map(long[] t) {
    long[] r = Fe.create();
    long[] tmp = Fe.create();
    Fe.sqr(t, tmp);
    Fe.mul(Fe.SQRT_M1, tmp, r);              // r = SQRT_M1·t²
    long[] u = Fe.create();
    Fe.add(r, Fe.ONE, tmp);
    Fe.mul(tmp, Fe.ONE_MINUS_D_SQ, u);       // u = (r + 1)·ONE_MINUS_D_SQ
    long[] rd = Fe.create();
    Fe.mul(r, Fe.D, rd);
    long[] a = Fe.create();
    Fe.neg(Fe.ONE, a);
    Fe.sub(a, rd, a);                        // −1 − r·D
    long[] b = Fe.create();
    Fe.add(r, Fe.D, b);                      // r + D
    long[] v = Fe.create();
    Fe.mul(a, b, v);
    long[] s = Fe.create();
    int wasSquare = Fe.sqrtRatioM1(u, v, s);
    long[] sPrime = Fe.create();
    Fe.mul(s, t, tmp);
    Fe.abs(tmp, sPrime);
    Fe.neg(sPrime, sPrime);                  // s' = −|s·t|
    int notSquare = ~wasSquare;
    Fe.cmov(notSquare, sPrime, s);
    long[] c = Fe.create();
    Fe.neg(Fe.ONE, c);
    Fe.cmov(notSquare, r, c);                // c = was_square ? −1 : r
    long[] n = Fe.create();
    Fe.sub(r, Fe.ONE, tmp);
    Fe.mul(c, tmp, a);
    Fe.mul(a, Fe.D_MINUS_ONE_SQ, b);
    Fe.sub(b, v, n);                         // N = c·(r − 1)·D_MINUS_ONE_SQ − v
    long[] w0 = Fe.create();
    Fe.add(s, s, tmp);
    Fe.mul(tmp, v, w0);                      // w0 = 2s·v
    long[] w1 = Fe.create();
    Fe.mul(n, Fe.SQRT_AD_MINUS_ONE, w1);     // w1 = N·SQRT_AD_MINUS_ONE
    long[] s2 = Fe.create();
    Fe.sqr(s, s2);
    long[] w2 = Fe.create();
    long[] w3 = Fe.create();
    Fe.sub(Fe.ONE, s2, w2);                  // w2 = 1 − s²
    Fe.add(Fe.ONE, s2, w3);                  // w3 = 1 + s²
    long[] x = Fe.create();
    long[] y = Fe.create();
    long[] z = Fe.create();
    long[] tt = Fe.create();
    Fe.mul(w0, w3, x);
    Fe.mul(w2, w1, y);
    Fe.mul(w1, w3, z);
    Fe.mul(w0, w2, tt);
    return new EdwardsPoint(x, y, z, tt);
  }
}
