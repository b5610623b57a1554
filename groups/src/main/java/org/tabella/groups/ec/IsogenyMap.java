package org.tabella.groups.ec;

import java.math.BigInteger;

/**
 * A rational isogeny map (x, y) ↦ (x_num/x_den, y·y_num/y_den) with coefficient lists in
 * ascending degree and monic denominators, as in RFC 9380 §6.6.3 / Appendix E.
 */
final class IsogenyMap {
  private final BigInteger p;
  private final BigInteger[] xNum;
  private final BigInteger[] xDen;
  private final BigInteger[] yNum;
  private final BigInteger[] yDen;

  IsogenyMap(BigInteger p, String[] xNum, String[] xDen, String[] yNum, String[] yDen) {
    this.p = p;
    this.xNum = parse(xNum);
    this.xDen = parse(xDen);
    this.yNum = parse(yNum);
    this.yDen = parse(yDen);
  }

  /** RFC 9380 Appendix E.1: the 3-isogeny from E' to secp256k1. */
  static IsogenyMap secp256k1(BigInteger p) {
    return new IsogenyMap(p,
        new String[] {
          "8e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38daaaaa8c7",
          "07d3d4c80bc321d5b9f315cea7fd44c5d595d2fc0bf63b92dfff1044f17c6581",
          "534c328d23f234e6e2a413deca25caece4506144037c40314ecbd0b53d9dd262",
          "8e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38daaaaa88c"},
        new String[] {
          "d35771193d94918a9ca34ccbb7b640dd86cd409542f8487d9fe6b745781eb49b",
          "edadc6f64383dc1df7c4b2d51b54225406d36b641f5e41bbc52a56612a8c6d14",
          "1"},
        new String[] {
          "4bda12f684bda12f684bda12f684bda12f684bda12f684bda12f684b8e38e23c",
          "c75e0c32d5cb7c0fa9d0a54b12a0a6d5647ab046d686da6fdffc90fc201d71a3",
          "29a6194691f91a73715209ef6512e576722830a201be2018a765e85a9ecee931",
          "2f684bda12f684bda12f684bda12f684bda12f684bda12f684bda12f38e38d84"},
        new String[] {
          "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffff93b",
          "7a06534bb8bdb49fd5e9e6632722c2989467c1bfc8e8d978dfb425d2685c2573",
          "6484aa716545ca2cf3a70c3fa8fe337e0a3d21162f0d6299a7bf8192bfd2a76f",
          "1"});
  }

  /** Returns the image of (x, y), or null for the exceptional points (zero denominators). */
  BigInteger[] apply(BigInteger x, BigInteger y) {
    BigInteger xd = eval(xDen, x);
    BigInteger yd = eval(yDen, x);
    if (xd.signum() == 0 || yd.signum() == 0) {
      return null;
    }
    BigInteger xOut = eval(xNum, x).multiply(xd.modInverse(p)).mod(p);
    BigInteger yOut = y.multiply(eval(yNum, x)).multiply(yd.modInverse(p)).mod(p);
    return new BigInteger[] {xOut, yOut};
  }

  private BigInteger eval(BigInteger[] coefficients, BigInteger x) {
    BigInteger acc = BigInteger.ZERO;
    for (int i = coefficients.length - 1; i >= 0; i--) {
      acc = acc.multiply(x).add(coefficients[i]).mod(p);
    }
    return acc;
  }

  private static BigInteger[] parse(String[] hex) {
    BigInteger[] out = new BigInteger[hex.length];
    for (int i = 0; i < hex.length; i++) {
      out[i] = new BigInteger(hex[i], 16);
    }
    return out;
  }
}
