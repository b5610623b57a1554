package org.tabella.groups.decaf;

import org.tabella.groups.InvalidEncodingException;

/**
 * RFC 9496 §5.3: decaf448 encoding, validated decoding, and the element derivation
 * {@code from_uniform_bytes} (the Elligator-based MAP applied to each 56-byte half, then added).
 */
final class DecafCodec {
  static final int LENGTH = 56;

  private DecafCodec() {}

  /** RFC 9496 §5.3.2 ENCODE. */
  static byte[] encode(Ed448Point p) {
    int[] u1 = Fe448.create();
    int[] t = Fe448.create();
    int[] t2 = Fe448.create();
    Fe448.add(p.x, p.t, t);
    Fe448.sub(p.x, p.t, t2);
    Fe448.mul(t, t2, u1);                       // u1 = (x0 + t0)(x0 − t0)
    Fe448.sqr(p.x, t);
    Fe448.mul(t, Fe448.ONE_MINUS_D, t2);
    Fe448.mul(t2, u1, t);                       // u1·(1 − d)·x0²
    int[] invsqrt = Fe448.create();
    Fe448.sqrtRatioM1(Fe448.ONE, t, invsqrt);
    int[] ratio = Fe448.create();
    Fe448.mul(invsqrt, u1, t);
    Fe448.mul(t, Fe448.SQRT_MINUS_D, ratio);
    Fe448.abs(ratio, ratio);                    // ratio = CT_ABS(invsqrt·u1·√(−d))
    int[] u2 = Fe448.create();
    Fe448.mul(Fe448.INVSQRT_MINUS_D, ratio, t);
    Fe448.mul(t, p.z, t2);
    Fe448.sub(t2, p.t, u2);                     // u2 = INVSQRT_MINUS_D·ratio·z0 − t0
    int[] s = Fe448.create();
    Fe448.mul(Fe448.ONE_MINUS_D, invsqrt, t);
    Fe448.mul(t, p.x, t2);
    Fe448.mul(t2, u2, s);
    Fe448.abs(s, s);                            // s = CT_ABS((1 − d)·invsqrt·x0·u2)
    return Fe448.encode(s);
  }

  /** RFC 9496 §5.3.1 DECODE: rejects non-canonical, negative and invalid encodings. */
  static Ed448Point decode(byte[] bytes) throws InvalidEncodingException {
    if (bytes.length != LENGTH) {
      throw new InvalidEncodingException("decaf448 element must be 56 bytes, got " + bytes.length);
    }
    int[] s = Fe448.decode(bytes, 0);
    if (!java.util.Arrays.equals(Fe448.encode(s), bytes)) {
      throw new InvalidEncodingException("decaf448: non-canonical field element");
    }
    if (Fe448.isNegative(s) != 0) {
      throw new InvalidEncodingException("decaf448: negative field element");
    }
    int[] ss = Fe448.create();
    Fe448.sqr(s, ss);
    int[] u1 = Fe448.create();
    Fe448.add(Fe448.ONE, ss, u1);               // u1 = 1 + s²
    int[] u1sq = Fe448.create();
    Fe448.sqr(u1, u1sq);
    int[] t = Fe448.create();
    int[] t2 = Fe448.create();
    Fe448.mul(ss, Fe448.D, t);
    Fe448.add(t, t, t2);
    Fe448.add(t2, t2, t);                       // 4·d·s²
    int[] u2 = Fe448.create();
    Fe448.sub(u1sq, t, u2);                     // u2 = u1² − 4·d·s²
    Fe448.mul(u2, u1sq, t);
    int[] invsqrt = Fe448.create();
    int wasSquare = Fe448.sqrtRatioM1(Fe448.ONE, t, invsqrt);
    int[] u3 = Fe448.create();
    Fe448.add(s, s, t);
    Fe448.mul(t, invsqrt, t2);
    Fe448.mul(t2, u1, t);
    Fe448.mul(t, Fe448.SQRT_MINUS_D, u3);
    Fe448.abs(u3, u3);                          // u3 = CT_ABS(2·s·invsqrt·u1·√(−d))
    int[] x = Fe448.create();
    Fe448.mul(u3, invsqrt, t);
    Fe448.mul(t, u2, t2);
    Fe448.mul(t2, Fe448.INVSQRT_MINUS_D, x);    // x = u3·invsqrt·u2·INVSQRT_MINUS_D
    int[] y = Fe448.create();
    Fe448.sub(Fe448.ONE, ss, t);
    Fe448.mul(t, invsqrt, t2);
    Fe448.mul(t2, u1, y);                       // y = (1 − s²)·invsqrt·u1
    int[] xy = Fe448.create();
    Fe448.mul(x, y, xy);
    if (wasSquare == 0) {
      throw new InvalidEncodingException("decaf448: not the encoding of a group element");
    }
    return new Ed448Point(x, y, Fe448.fromInt(1), xy);
  }

  /** RFC 9496 §5.3.4: MAP(b[0..56]) + MAP(b[56..112]). */
  static Ed448Point fromUniformBytes(byte[] bytes) {
    if (bytes.length != 2 * LENGTH) {
      throw new IllegalArgumentException("decaf448 from_uniform_bytes needs 112 bytes, got " + bytes.length);
    }
    Ed448Point p = map(java.util.Arrays.copyOfRange(bytes, 0, LENGTH));
    p.add(map(java.util.Arrays.copyOfRange(bytes, LENGTH, 2 * LENGTH)), new Ed448Point.Scratch());
    return p;
  }

  /** The RFC 9496 §5.3.4 MAP of 56 bytes, read little-endian and reduced mod p. */
  private static Ed448Point map(byte[] b) {
    int[] t = Fe448.decode(b, 0);
    int[] r = Fe448.create();
    int[] x = Fe448.create();
    int[] y = Fe448.create();
    Fe448.sqr(t, x);
    Fe448.neg(x, r);                            // r = −t²
    int[] u0 = Fe448.create();
    Fe448.sub(r, Fe448.ONE, x);
    Fe448.mul(x, Fe448.D, u0);                  // u0 = d·(r − 1)
    int[] u1 = Fe448.create();
    Fe448.add(u0, Fe448.ONE, x);
    Fe448.sub(u0, r, y);
    Fe448.mul(x, y, u1);                        // u1 = (u0 + 1)(u0 − r)
    int[] rPlusOne = Fe448.create();
    Fe448.add(r, Fe448.ONE, rPlusOne);
    Fe448.mul(rPlusOne, u1, x);
    int[] v = Fe448.create();
    int wasSquare = Fe448.sqrtRatioM1(Fe448.ONE_MINUS_TWO_D, x, v);
    int[] vPrime = Fe448.create();
    Fe448.mul(t, v, vPrime);
    Fe448.cmov(wasSquare, v, vPrime);           // v' = was_square ? v : t·v
    int[] sgn = Fe448.create();
    Fe448.neg(Fe448.ONE, sgn);
    Fe448.cmov(wasSquare, Fe448.ONE, sgn);      // sgn = was_square ? 1 : −1
    int[] s = Fe448.create();
    Fe448.mul(vPrime, rPlusOne, s);             // s = v'·(r + 1)
    int[] sAbs = Fe448.create();
    Fe448.abs(s, sAbs);
    int[] s2 = Fe448.create();
    Fe448.sqr(s, s2);
    int[] w0 = Fe448.create();
    Fe448.add(sAbs, sAbs, w0);                  // w0 = 2·|s|
    int[] w1 = Fe448.create();
    Fe448.add(s2, Fe448.ONE, w1);               // w1 = s² + 1
    int[] w2 = Fe448.create();
    Fe448.sub(s2, Fe448.ONE, w2);               // w2 = s² − 1
    int[] w3 = Fe448.create();
    Fe448.sub(r, Fe448.ONE, x);
    Fe448.mul(vPrime, s, y);
    Fe448.mul(y, x, u0);
    Fe448.mul(u0, Fe448.ONE_MINUS_TWO_D, x);
    Fe448.add(x, sgn, w3);                      // w3 = v'·s·(r − 1)·(1 − 2d) + sgn
    int[] px = Fe448.create();
    int[] py = Fe448.create();
    int[] pz = Fe448.create();
    int[] pt = Fe448.create();
    Fe448.mul(w0, w3, px);
    Fe448.mul(w2, w1, py);
    Fe448.mul(w1, w3, pz);
    Fe448.mul(w0, w2, pt);
    return new Ed448Point(px, py, pz, pt);
  }
}
