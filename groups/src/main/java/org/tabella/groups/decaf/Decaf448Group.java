package org.tabella.groups.decaf;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.tabella.groups.Element;
import org.tabella.groups.FixedBaseTable;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.internal.AbstractGroup;
import org.tabella.groups.internal.Bytes;

/**
 * decaf448 (RFC 9496 §5): a prime-order group of order
 * ℓ = 2^446 − 13818066809895115352007386748515426880336692474882178609894547503885 built on
 * edwards448, with 56-byte canonical encodings, validated decoding, {@code from_uniform_bytes}, and
 * hash_to_decaf448 (RFC 9380 {@code expand_message_xof} with SHAKE256, 112 bytes, then
 * {@code from_uniform_bytes}). Field arithmetic is Bouncy Castle's {@code X448Field}; secret scalar
 * multiplications are constant-time.
 */
public final class Decaf448Group extends AbstractGroup {
  /** The group order ℓ. */
  public static final BigInteger ORDER = BigInteger.ONE.shiftLeft(446)
      .subtract(new BigInteger("13818066809895115352007386748515426880336692474882178609894547503885"));

  /** The RFC 9496 B.1 encoding of the generator. */
  private static final String GENERATOR = "66666666666666666666666666666666666666666666666666666666"
      + "33333333333333333333333333333333333333333333333333333333";

  private static final Decaf448Group INSTANCE = new Decaf448Group();

  private final DecafElement generator;
  private final DecafElement identity;

  private Decaf448Group() {
    super("decaf448", ORDER, "SHAKE256");
    this.identity = new DecafElement(this, Ed448Point.identity());
    try {
      byte[] g = org.bouncycastle.util.encoders.Hex.decode(GENERATOR);
      this.generator = new DecafElement(this, DecafCodec.decode(g), g);
    } catch (InvalidEncodingException e) {
      throw new IllegalStateException("the decaf448 generator does not decode", e);
    }
  }

  /** Returns the group. */
  public static Decaf448Group instance() {
    return INSTANCE;
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
    return DecafCodec.LENGTH;
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
    return new DecafElement(this, DecafCodec.decode(bytes), bytes);
  }

  @Override
  public Element hashToElement(byte[] message, byte[] dst) {
    return fromUniformBytes(expander().expand(message, dst, 2 * DecafCodec.LENGTH));
  }

  /**
   * RFC 9496 §5.3.4 element derivation from 112 uniformly random bytes.
   *
   * @throws IllegalArgumentException unless exactly 112 bytes are given
   */
  public Element fromUniformBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return new DecafElement(this, DecafCodec.fromUniformBytes(bytes));
  }

  /** Interleaved wNAF on mutable points below 64 terms; the generic bucket method above. */
  @Override
  public Element multiExp(java.util.List<Element> bases, java.util.List<org.tabella.groups.Scalar> exponents) {
    checkMultiExpArguments(bases, exponents);
    if (bases.isEmpty()) {
      return identity;
    }
    if (bases.size() >= 64) {
      return super.multiExp(bases, exponents);
    }
    return new DecafElement(this, DecafMultiExp.straus(bases, exponents));
  }

  @Override
  public Element select(int mask, Element ifSet, Element ifClear) {
    org.tabella.groups.internal.Bytes.checkMask(mask);
    Ed448Point r = cast(ifClear).point().copy();
    r.cmov(mask, cast(ifSet).point());
    return new DecafElement(this, r);
  }

  @Override
  public FixedBaseTable fixedBase(Element base) {
    return new DecafFixedBase(this, cast(base));
  }

  DecafElement cast(Element e) {
    return (DecafElement) requireMember(e);
  }
}
