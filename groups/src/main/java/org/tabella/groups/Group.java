package org.tabella.groups;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;

/**
 * A cyclic group of prime order {@code q} in multiplicative notation: the one algebra every
 * Tabella protocol is written against. Implementations: Schnorr groups (order-q subgroups of
 * Z_p*), the NIST curves P-256 and P-384, secp256k1, and ristretto255. Obtain one by name with
 * {@link Groups#named(String)}.
 *
 * <p>Implementations are immutable and thread-safe. Everything that arrives from outside goes
 * through {@link #decode(byte[])} (or {@link #decodeNonIdentity(byte[])}, or
 * {@link #decodeScalar(byte[])}), which accept exactly the canonical encodings of group members
 * and throw {@link InvalidEncodingException} for anything else.
 */
public interface Group {

  /** Returns the registry name, e.g. {@code "ristretto255"} or {@code "modp-2048-256"}. */
  String name();

  /** Returns the prime order {@code q}. */
  BigInteger order();

  /** Returns the standard generator {@code g}. */
  Element generator();

  /** Returns the identity element. */
  Element identity();

  /** Returns the byte length of every canonical element encoding. */
  int elementLength();

  /** Returns the byte length of every canonical scalar encoding. */
  default int scalarLength() {
    return Scalar.encodedLength(order());
  }

  /**
   * Returns the name of the hash function of this group's hash-to-group and hash-to-scalar suites
   * (a JCA name such as {@code "SHA-256"}).
   */
  String hashAlgorithm();

  /**
   * Returns a canonical byte description of the group (name and defining parameters) for
   * Fiat–Shamir transcripts. See SPEC.md, "Group descriptions".
   */
  byte[] description();

  /**
   * Decodes and validates an element: exact length, canonical form, on the curve or in the
   * order-q subgroup. The identity is accepted (in its canonical encoding).
   *
   * @throws InvalidEncodingException for anything but a canonical encoding of a group element
   */
  Element decode(byte[] bytes) throws InvalidEncodingException;

  /**
   * Like {@link #decode(byte[])} but also rejects the identity, for values that must not be
   * degenerate (public keys, commitments, ciphertext nonces).
   *
   * @throws InvalidEncodingException for anything but a canonical non-identity element
   */
  default Element decodeNonIdentity(byte[] bytes) throws InvalidEncodingException {
    Element e = decode(bytes);
    if (e.isIdentity()) {
      throw new InvalidEncodingException("identity element where a non-identity one is required");
    }
    return e;
  }

  /**
   * Decodes a canonical scalar: big-endian, {@link #scalarLength()} bytes, below {@code q}.
   *
   * @throws InvalidEncodingException for a wrong length or a value {@code ≥ q}
   */
  default Scalar decodeScalar(byte[] bytes) throws InvalidEncodingException {
    return Scalar.decode(bytes, order());
  }

  /**
   * Returns the scalar {@code value}.
   *
   * @throws IllegalArgumentException if {@code value} is not in {@code [0, q)}
   */
  default Scalar scalar(BigInteger value) {
    return Scalar.of(value, order());
  }

  /** Returns {@code value mod q}; negative values allowed. */
  default Scalar scalar(long value) {
    return Scalar.reduce(BigInteger.valueOf(value), order());
  }

  /** Returns a uniformly random scalar in {@code [0, q)}, drawn from {@code rng}. */
  Scalar randomScalar(SecureRandom rng);

  /** Returns a uniformly random scalar in {@code [1, q)}, drawn from {@code rng}. */
  Scalar randomNonZeroScalar(SecureRandom rng);

  /**
   * Hashes to a scalar with bias below 2^-128: RFC 9380 {@code hash_to_field} over Z_q with
   * {@link #hashAlgorithm()}'s {@code expand_message_xmd}. See SPEC.md.
   *
   * @param message the input
   * @param dst the domain separation tag (1..255 bytes recommended; longer tags are hashed as RFC
   *     9380 §5.3.3 prescribes)
   */
  Scalar hashToScalar(byte[] message, byte[] dst);

  /**
   * Hashes to a group element whose discrete logarithm nobody knows: the RFC 9380 / RFC 9496
   * random-oracle suite for curves, the method of SPEC.md for mod-p groups.
   */
  Element hashToElement(byte[] message, byte[] dst);

  /**
   * Returns {@code ∏ bases[i]^exponents[i]} by simultaneous multi-exponentiation. Variable time:
   * for public exponents (verification).
   *
   * @throws IllegalArgumentException if the lists differ in length or mix groups
   */
  Element multiExp(List<Element> bases, List<Scalar> exponents);

  /**
   * Returns {@code x²} for every x, each with its encoding already computed (so {@code encode()}
   * costs nothing). On ristretto255 the encodings of a whole batch share one field inversion
   * instead of an inverse square root each (curve25519-dalek's double-and-compress), so a prover
   * that computes the halves of its elements (exponents times 2^-1 mod q) and squares them here
   * saves most of the encoding cost; elsewhere this is {@link Element#square()} and
   * {@link Element#encode()} one by one. Constant-time per element, like {@link Element#exp}.
   */
  default List<Element> squareAndEncode(List<Element> xs) {
    List<Element> out = new java.util.ArrayList<>(xs.size());
    for (Element x : xs) {
      Element y = x.square();
      y.encode();
      out.add(y);
    }
    return out;
  }

  /**
   * Returns {@code ifSet} when {@code mask} is all ones and {@code ifClear} when it is zero, in
   * time and memory accesses that do not depend on the mask: for choosing between secret values by
   * a secret condition (a prover's real and simulated branches). ristretto255 and decaf448 select
   * the coordinates by masks; the Bouncy Castle curves normalise both points (one inversion) and
   * read them through Bouncy Castle's cache-safe lookup; mod-p groups select the fixed-length
   * encodings byte by byte.
   *
   * @throws IllegalArgumentException for another mask or elements of another group
   */
  Element select(int mask, Element ifSet, Element ifClear);

  /** Builds a fixed-base table for {@code base}; keep it for as long as the base is used. */
  FixedBaseTable fixedBase(Element base);

  /** Returns the (lazily built, cached) fixed-base table of the generator. */
  FixedBaseTable generatorTable();
}
