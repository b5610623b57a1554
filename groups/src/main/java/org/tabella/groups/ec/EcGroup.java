package org.tabella.groups.ec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.tabella.groups.Element;
import org.tabella.groups.FixedBaseTable;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.Scalar;
import org.tabella.groups.internal.AbstractGroup;
import org.tabella.groups.internal.Bytes;

/**
 * A prime-order short-Weierstrass curve on Bouncy Castle's custom curve arithmetic: P-256, P-384
 * or secp256k1. Elements encode as SEC1 compressed points ({@code 02/03 ‖ x}); the identity, which
 * SEC1 encodes as a lone {@code 00}, encodes as the same length of zero bytes so that every
 * encoding has one length. Hash-to-group is the RFC 9380 SSWU random-oracle suite of the curve.
 */
public final class EcGroup extends AbstractGroup {
  private final ECCurve curve;
  private final X9ECParameters x9;
  private final int fieldLength;
  private final EcElement generator;
  private final EcElement identity;
  private final SswuHashToCurve hashToCurve;
  private final String curveName;

  private EcGroup(String name, String curveName, String hash, int hashToFieldL,
      BigInteger sswuA, BigInteger sswuB, BigInteger sswuZ, boolean isogeny) {
    this(name, curveName, CustomNamedCurves.getByName(curveName), hash, hashToFieldL, sswuA, sswuB,
        sswuZ, isogeny);
  }

  private EcGroup(String name, String curveName, X9ECParameters x9, String hash, int hashToFieldL,
      BigInteger sswuA, BigInteger sswuB, BigInteger sswuZ, boolean isogeny) {
    super(name, x9.getN(), hash);
    if (!x9.getH().equals(BigInteger.ONE)) {
      throw new IllegalArgumentException("only prime-order curves (cofactor 1) are supported");
    }
    this.x9 = x9;
    this.curveName = curveName;
    this.curve = x9.getCurve();
    this.fieldLength = (curve.getFieldSize() + 7) / 8;
    this.generator = new EcElement(this, x9.getG().normalize());
    this.identity = new EcElement(this, curve.getInfinity());
    BigInteger p = curve.getField().getCharacteristic();
    this.hashToCurve = new SswuHashToCurve(curve,
        sswuA == null ? curve.getA().toBigInteger() : sswuA,
        sswuB == null ? curve.getB().toBigInteger() : sswuB,
        sswuZ, hashToFieldL, hash, isogeny ? IsogenyMap.secp256k1(p) : null);
  }

  /** NIST P-256 (secp256r1), hashing with P256_XMD:SHA-256_SSWU_RO_. */
  public static EcGroup p256() {
    return Holder.P256;
  }

  /** NIST P-384 (secp384r1), hashing with P384_XMD:SHA-384_SSWU_RO_. */
  public static EcGroup p384() {
    return Holder.P384;
  }

  /** secp256k1, hashing with secp256k1_XMD:SHA-256_SSWU_RO_. */
  public static EcGroup secp256k1() {
    return Holder.SECP256K1;
  }

  private static final class Holder {
    static final EcGroup P256 = new EcGroup("P-256", "secp256r1", "SHA-256", 48,
        null, null, BigInteger.valueOf(-10), false);
    static final EcGroup P384 = new EcGroup("P-384", "secp384r1", "SHA-384", 72,
        null, null, BigInteger.valueOf(-12), false);
    static final EcGroup SECP256K1 = new EcGroup("secp256k1", "secp256k1", "SHA-256", 48,
        new BigInteger("3f8731abdd661adca08a5558f0f5d272e953d363cb6f0e5d405447c01a444533", 16),
        BigInteger.valueOf(1771), BigInteger.valueOf(-11), true);
  }

  @Override
  public Element generator() {
    return generator;
  }

  /** Squares (doublings) with one shared field inversion for their affine forms (Bouncy Castle's normalizeAll). */
  @Override
  public java.util.List<Element> squareAndEncode(java.util.List<Element> xs) {
    ECPoint[] points = new ECPoint[xs.size()];
    for (int i = 0; i < points.length; i++) {
      points[i] = cast(xs.get(i)).point().twice();
    }
    curve.normalizeAll(points);
    java.util.List<Element> out = new java.util.ArrayList<>(points.length);
    for (ECPoint p : points) {
      EcElement e = new EcElement(this, p);
      e.encode();
      out.add(e);
    }
    return out;
  }

  @Override
  public Element identity() {
    return identity;
  }

  @Override
  public int elementLength() {
    return fieldLength + 1;
  }

  @Override
  public byte[] description() {
    return Bytes.lengthPrefixed(
        ("tabella-group-v1:" + name()).getBytes(StandardCharsets.UTF_8),
        curveName.getBytes(StandardCharsets.UTF_8),
        Bytes.unsigned(curve.getField().getCharacteristic()),
        Bytes.unsigned(curve.getA().toBigInteger()),
        Bytes.unsigned(curve.getB().toBigInteger()),
        Bytes.unsigned(order()),
        generator.encode());
  }

  @Override
  public Element decode(byte[] bytes) throws InvalidEncodingException {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != elementLength()) {
      throw new InvalidEncodingException(
          name() + " element must be " + elementLength() + " bytes, got " + bytes.length);
    }
    if (isAllZero(bytes)) {
      return identity;
    }
    if (bytes[0] != 0x02 && bytes[0] != 0x03) {
      throw new InvalidEncodingException(name() + " element must be a compressed SEC1 point");
    }
    return decodeValidated(bytes);
  }

  /**
   * Decodes any SEC1 point encoding a peer may send: compressed ({@code 02/03}) or uncompressed
   * ({@code 04}), checked to be on the curve with canonical coordinates. Rejects the point at
   * infinity and hybrid ({@code 06/07}) encodings. For interoperability (keys from other
   * software); Tabella's own encodings go through {@link #decode(byte[])}.
   *
   * @throws InvalidEncodingException for anything else
   */
  public Element decodeSec1(byte[] bytes) throws InvalidEncodingException {
    Objects.requireNonNull(bytes, "bytes");
    boolean compressed = bytes.length == fieldLength + 1 && (bytes[0] == 0x02 || bytes[0] == 0x03);
    boolean uncompressed = bytes.length == 2 * fieldLength + 1 && bytes[0] == 0x04;
    if (!compressed && !uncompressed) {
      throw new InvalidEncodingException(name() + ": not a compressed or uncompressed SEC1 point");
    }
    return decodeValidated(bytes);
  }

  private Element decodeValidated(byte[] bytes) throws InvalidEncodingException {
    ECPoint point;
    try {
      point = curve.decodePoint(bytes);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new InvalidEncodingException(name() + ": not a point on the curve", e);
    }
    if (point.isInfinity() || !point.isValid()) {
      throw new InvalidEncodingException(name() + ": not a valid curve point");
    }
    // Canonical: coordinates below p (Bouncy Castle checks) and the same bytes on re-encoding.
    boolean compressed = bytes.length == fieldLength + 1;
    if (!java.util.Arrays.equals(point.getEncoded(compressed), bytes)) {
      throw new InvalidEncodingException(name() + ": non-canonical point encoding");
    }
    return new EcElement(this, point);
  }

  private static boolean isAllZero(byte[] bytes) {
    int acc = 0;
    for (byte b : bytes) {
      acc |= b;
    }
    return acc == 0;
  }

  @Override
  public Element hashToElement(byte[] message, byte[] dst) {
    Objects.requireNonNull(message, "message");
    return new EcElement(this, hashToCurve.hash(message, dst));
  }

  /** RFC 9380 hash_to_field for this curve's suite (exposed to tests through the package). */
  BigInteger[] hashToField(byte[] message, byte[] dst) {
    return hashToCurve.hashToField(message, dst, 2);
  }

  /** RFC 9380 map_to_curve for this curve's suite. */
  ECPoint mapToCurve(BigInteger u) {
    return hashToCurve.mapToCurve(u);
  }

  @Override
  public Element multiExp(List<Element> bases, List<Scalar> exponents) {
    checkMultiExpArguments(bases, exponents);
    int n = bases.size();
    if (n == 0 || n > 64) {
      return super.multiExp(bases, exponents);
    }
    ECPoint[] points = new ECPoint[n];
    BigInteger[] ks = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      points[i] = cast(bases.get(i)).point();
      ks[i] = exponents.get(i).toBigInteger();
    }
    return new EcElement(this, ECAlgorithms.sumOfMultiplies(points, ks));
  }

  @Override
  public Element select(int mask, Element ifSet, Element ifClear) {
    org.tabella.groups.internal.Bytes.checkMask(mask);
    org.bouncycastle.math.ec.ECPoint[] both = {cast(ifClear).point(), cast(ifSet).point()};
    if (both[0].isInfinity() || both[1].isInfinity()) {
      // The identity has no affine form for the lookup; it is never a prover's secret choice.
      return mask == 0 ? ifClear : ifSet;
    }
    curve.normalizeAll(both);
    return new EcElement(this, curve.createCacheSafeLookupTable(both, 0, 2).lookup(mask & 1));
  }

  @Override
  public FixedBaseTable fixedBase(Element base) {
    return new EcFixedBase(this, cast(base));
  }

  EcElement cast(Element e) {
    return (EcElement) requireMember(e);
  }
}
