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
    int[] u1 = Fe.create();
    int[] u2 = Fe.create();
    int[] t = Fe.create();
    int[] t2 = Fe.create();
    Fe.add(p.z, p.y, t);
    Fe.sub(p.z, p.y, t2);
    Fe.mul(t, t2, u1);                       // u1 = (Z0 + Y0)(Z0 − Y0)
    Fe.mul(p.x, p.y, u2);                    // u2 = X0·Y0
    Fe.sqr(u2, t);
    Fe.mul(u1, t, t2);                       // u1·u2²
    int[] invsqrt = Fe.create();
    Fe.sqrtRatioM1(Fe.ONE, t2, invsqrt);
    int[] den1 = Fe.create();
    int[] den2 = Fe.create();
    Fe.mul(invsqrt, u1, den1);
    Fe.mul(invsqrt, u2, den2);
    int[] zInv = Fe.create();
    Fe.mul(den1, den2, t);
    Fe.mul(t, p.t, zInv);                    // z_inv = den1·den2·T0
    int[] ix0 = Fe.create();
    int[] iy0 = Fe.create();
    Fe.mul(p.x, Fe.SQRT_M1, ix0);
    Fe.mul(p.y, Fe.SQRT_M1, iy0);
    int[] enchanted = Fe.create();
    Fe.mul(den1, Fe.INVSQRT_A_MINUS_D, enchanted);
    Fe.mul(p.t, zInv, t);
    int rotate = -Fe.isNegative(t);          // mask
    int[] x = p.x.clone();
    int[] y = p.y.clone();
    Fe.cmov(rotate, iy0, x);
    Fe.cmov(rotate, ix0, y);
    int[] denInv = den2.clone();
    Fe.cmov(rotate, enchanted, denInv);
    Fe.mul(x, zInv, t);
    int[] negY = Fe.create();
    Fe.neg(y, negY);
    Fe.cmov(-Fe.isNegative(t), negY, y);
    Fe.sub(p.z, y, t);
    int[] s = Fe.create();
    Fe.mul(denInv, t, s);
    Fe.abs(s, s);
    return Fe.encode(s);
  }

  /** RFC 9496 §4.3.1 DECODE: rejects non-canonical, negative and invalid encodings. */
  static EdwardsPoint decode(byte[] bytes) throws InvalidEncodingException {
    if (bytes.length != 32) {
      throw new InvalidEncodingException("ristretto255 element must be 32 bytes, got " + bytes.length);
    }
    int[] s = Fe.decodeMasked(bytes, 0);
    if (!java.util.Arrays.equals(Fe.encode(s), bytes)) {
      throw new InvalidEncodingException("ristretto255: non-canonical field element");
    }
    if (Fe.isNegative(s) != 0) {
      throw new InvalidEncodingException("ristretto255: negative field element");
    }
    int[] ss = Fe.create();
    Fe.sqr(s, ss);
    int[] u1 = Fe.create();
    int[] u2 = Fe.create();
    Fe.sub(Fe.ONE, ss, u1);                  // u1 = 1 − s²
    Fe.add(Fe.ONE, ss, u2);                  // u2 = 1 + s²
    int[] u2Sqr = Fe.create();
    Fe.sqr(u2, u2Sqr);
    int[] t = Fe.create();
    int[] t2 = Fe.create();
    Fe.sqr(u1, t);
    Fe.mul(Fe.D, t, t2);
    Fe.neg(t2, t2);
    int[] v = Fe.create();
    Fe.sub(t2, u2Sqr, v);                    // v = −(D·u1²) − u2²
    Fe.mul(v, u2Sqr, t);
    int[] invsqrt = Fe.create();
    int wasSquare = Fe.sqrtRatioM1(Fe.ONE, t, invsqrt);
    int[] denX = Fe.create();
    int[] denY = Fe.create();
    Fe.mul(invsqrt, u2, denX);
    Fe.mul(invsqrt, denX, t);
    Fe.mul(t, v, denY);
    int[] x = Fe.create();
    Fe.add(s, s, t);
    Fe.mul(t, denX, t2);
    Fe.abs(t2, x);                           // x = |2s·den_x|
    int[] y = Fe.create();
    Fe.mul(u1, denY, y);
    int[] tt = Fe.create();
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
  static EdwardsPoint map(int[] t) {
    int[] r = Fe.create();
    int[] tmp = Fe.create();
    Fe.sqr(t, tmp);
    Fe.mul(Fe.SQRT_M1, tmp, r);              // r = SQRT_M1·t²
    int[] u = Fe.create();
    Fe.add(r, Fe.ONE, tmp);
    Fe.mul(tmp, Fe.ONE_MINUS_D_SQ, u);       // u = (r + 1)·ONE_MINUS_D_SQ
    int[] rd = Fe.create();
    Fe.mul(r, Fe.D, rd);
    int[] a = Fe.create();
    Fe.neg(Fe.ONE, a);
    Fe.sub(a, rd, a);                        // −1 − r·D
    int[] b = Fe.create();
    Fe.add(r, Fe.D, b);                      // r + D
    int[] v = Fe.create();
    Fe.mul(a, b, v);
    int[] s = Fe.create();
    int wasSquare = Fe.sqrtRatioM1(u, v, s);
    int[] sPrime = Fe.create();
    Fe.mul(s, t, tmp);
    Fe.abs(tmp, sPrime);
    Fe.neg(sPrime, sPrime);                  // s' = −|s·t|
    int notSquare = ~wasSquare;
    Fe.cmov(notSquare, sPrime, s);
    int[] c = Fe.create();
    Fe.neg(Fe.ONE, c);
    Fe.cmov(notSquare, r, c);                // c = was_square ? −1 : r
    int[] n = Fe.create();
    Fe.sub(r, Fe.ONE, tmp);
    Fe.mul(c, tmp, a);
    Fe.mul(a, Fe.D_MINUS_ONE_SQ, b);
    Fe.sub(b, v, n);                         // N = c·(r − 1)·D_MINUS_ONE_SQ − v
    int[] w0 = Fe.create();
    Fe.add(s, s, tmp);
    Fe.mul(tmp, v, w0);                      // w0 = 2s·v
    int[] w1 = Fe.create();
    Fe.mul(n, Fe.SQRT_AD_MINUS_ONE, w1);     // w1 = N·SQRT_AD_MINUS_ONE
    int[] s2 = Fe.create();
    Fe.sqr(s, s2);
    int[] w2 = Fe.create();
    int[] w3 = Fe.create();
    Fe.sub(Fe.ONE, s2, w2);                  // w2 = 1 − s²
    Fe.add(Fe.ONE, s2, w3);                  // w3 = 1 + s²
    int[] x = Fe.create();
    int[] y = Fe.create();
    int[] z = Fe.create();
    int[] tt = Fe.create();
    Fe.mul(w0, w3, x);
    Fe.mul(w2, w1, y);
    Fe.mul(w1, w3, z);
    Fe.mul(w0, w2, tt);
    return new EdwardsPoint(x, y, z, tt);
  }
}
