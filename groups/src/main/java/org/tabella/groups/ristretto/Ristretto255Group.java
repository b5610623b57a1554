package org.tabella.groups.ristretto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.tabella.groups.Element;
import org.tabella.groups.FixedBaseTable;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.Scalar;
import org.tabella.groups.internal.AbstractGroup;
import org.tabella.groups.internal.Bytes;

/**
 * ristretto255 (RFC 9496): a prime-order group of order
 * l = 2^252 + 27742317777372353535851937790883648493 built on edwards25519, with 32-byte canonical
 * encodings, validated decoding, {@code from_uniform_bytes}, and hash_to_ristretto255 per RFC 9380
 * ({@code expand_message_xmd} with SHA-512, 64 bytes, then {@code from_uniform_bytes}). Field
 * arithmetic is our own 51-bit-limb {@code Fe} (cross-checked against Bouncy Castle's
 * {@code X25519Field}); all scalar multiplications on secrets are constant-time.
 */
public final class Ristretto255Group extends AbstractGroup {
  /** The group order l. */
  public static final BigInteger ORDER = BigInteger.ONE.shiftLeft(252)
      .add(new BigInteger("27742317777372353535851937790883648493"));

  private static final Ristretto255Group INSTANCE = new Ristretto255Group();

  private final RistrettoElement generator;
  private final RistrettoElement identity;

  private Ristretto255Group() {
    super("ristretto255", ORDER, "SHA-512");
    this.identity = new RistrettoElement(this, EdwardsPoint.identity());
    this.generator = new RistrettoElement(this, basePoint());
  }

  /** Returns the group. */
  public static Ristretto255Group instance() {
    return INSTANCE;
  }

  private static EdwardsPoint basePoint() {
    BigInteger y = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(Fe.P)).mod(Fe.P);
    BigInteger x = new BigInteger(
        "15112221349535400772501151409588531511454012693041857206046113283949847762202");
    long[] fx = Fe.fromBig(x);
    long[] fy = Fe.fromBig(y);
    long[] ft = Fe.create();
    Fe.mul(fx, fy, ft);
    return new EdwardsPoint(fx, fy, Fe.fromInt(1), ft);
  }

  @Override
  public Element generator() {
    return generator;
  }

  @Override
  public Element identity() {
    return identity;
  }

  @Override
  public int elementLength() {
    return 32;
  }

  @Override
  public byte[] description() {
    return Bytes.lengthPrefixed(
        ("tabella-group-v1:" + name()).getBytes(StandardCharsets.UTF_8),
        "RFC 9496".getBytes(StandardCharsets.UTF_8),
        Bytes.unsigned(order()),
        generator.encode());
  }

  @Override
  public Element decode(byte[] bytes) throws InvalidEncodingException {
    Objects.requireNonNull(bytes, "bytes");
    return new RistrettoElement(this, RistrettoCodec.decode(bytes), bytes);
  }

  @Override
  public Element hashToElement(byte[] message, byte[] dst) {
    return fromUniformBytes(expander().expand(message, dst, 64));
  }

  /**
   * RFC 9496 §4.3.4 element derivation from 64 uniformly random bytes.
   *
   * @throws IllegalArgumentException unless exactly 64 bytes are given
   */
  public Element fromUniformBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return new RistrettoElement(this, RistrettoCodec.fromUniformBytes(bytes));
  }

  @Override
  public List<Element> squareAndEncode(List<Element> xs) {
    EdwardsPoint[] points = new EdwardsPoint[xs.size()];
    for (int i = 0; i < points.length; i++) {
      points[i] = cast(xs.get(i)).point();
    }
    byte[][] encodings = RistrettoCodec.doubleAndEncode(points);
    List<Element> out = new java.util.ArrayList<>(points.length);
    EdwardsPoint.Scratch s = new EdwardsPoint.Scratch();
    for (int i = 0; i < points.length; i++) {
      EdwardsPoint doubled = points[i].copy();
      doubled.dbl(true, s);
      out.add(encodings[i] == null ? new RistrettoElement(this, doubled)
          : new RistrettoElement(this, doubled, encodings[i]));
    }
    return out;
  }

  @Override
  public Element multiExp(List<Element> bases, List<Scalar> exponents) {
    checkMultiExpArguments(bases, exponents);
    if (bases.isEmpty()) {
      return identity;
    }
    return new RistrettoElement(this, RistrettoMultiExp.compute(bases, exponents));
  }

  @Override
  public Element select(int mask, Element ifSet, Element ifClear) {
    org.tabella.groups.internal.Bytes.checkMask(mask);
    EdwardsPoint r = cast(ifClear).point().copy();
    r.cmov(mask, cast(ifSet).point());
    return new RistrettoElement(this, r);
  }

  @Override
  public FixedBaseTable fixedBase(Element base) {
    return new RistrettoFixedBase(this, cast(base));
  }

  RistrettoElement cast(Element e) {
    return (RistrettoElement) requireMember(e);
  }
}
