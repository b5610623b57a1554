package org.tabella.groups.modp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import org.tabella.groups.Element;
import org.tabella.groups.FixedBaseTable;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.InvalidGroupParametersException;
import org.tabella.groups.Scalar;
import org.tabella.groups.internal.AbstractGroup;
import org.tabella.groups.internal.Bytes;

/**
 * A Schnorr group: the order-q subgroup of Z_p* for primes p, q with q | p − 1. Elements encode
 * as big-endian integers of the byte length of p; decoding checks 1 ≤ x < p and membership —
 * by the Jacobi symbol when p = 2q + 1, by x^q ≡ 1 (mod p) otherwise.
 *
 * <p>Hash-to-group, hash-to-scalar, secret exponentiation (exponent blinding) and fixed-base
 * tables are described in SPEC.md.
 */
public final class ModpGroup extends AbstractGroup {
  /** Smallest modulus accepted by {@link #create}. */
  public static final int MIN_P_BITS = 1024;
  /** Smallest order accepted by {@link #create}. */
  public static final int MIN_Q_BITS = 160;

  private static final String HASH = "SHA-256";
  private static final SecureRandom BLINDING = new SecureRandom();

  private final SchnorrParameters parameters;
  private final BigInteger p;
  private final BigInteger cofactor;
  private final boolean safePrime;
  private final int elementLength;
  private final BarrettReducer barrett;
  private final ModpElement generator;
  private final ModpElement identity;

  private ModpGroup(String name, SchnorrParameters parameters) {
    super(name, parameters.q(), HASH);
    this.parameters = parameters;
    this.p = parameters.p();
    this.cofactor = parameters.cofactor();
    this.safePrime = parameters.isSafePrime();
    this.elementLength = (p.bitLength() + 7) / 8;
    this.barrett = new BarrettReducer(p);
    this.generator = new ModpElement(this, parameters.g());
    this.identity = new ModpElement(this, BigInteger.ONE);
  }

  /**
   * Validates the parameters (see {@link SchnorrParameters#validate(int, int)}, with p of at
   * least {@value #MIN_P_BITS} and q of at least {@value #MIN_Q_BITS} bits) and returns the group.
   *
   * @throws InvalidGroupParametersException if any check fails
   */
  public static ModpGroup create(String name, SchnorrParameters parameters)
      throws InvalidGroupParametersException {
    Objects.requireNonNull(parameters, "parameters").validate(MIN_P_BITS, MIN_Q_BITS);
    return new ModpGroup(name, parameters);
  }

  /**
   * Validates the mathematics but not the sizes, for fast tests with toy groups. Never use the
   * result to protect anything.
   *
   * @throws InvalidGroupParametersException if p, q, g do not form a Schnorr group
   */
  public static ModpGroup createInsecureForTesting(String name, SchnorrParameters parameters)
      throws InvalidGroupParametersException {
    Objects.requireNonNull(parameters, "parameters").validate();
    return new ModpGroup(name, parameters);
  }

  /** Returns the defining parameters. */
  public SchnorrParameters parameters() {
    return parameters;
  }

  BigInteger p() {
    return p;
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
    return elementLength;
  }

  @Override
  public byte[] description() {
    return Bytes.lengthPrefixed(
        ("tabella-group-v1:" + name()).getBytes(StandardCharsets.UTF_8),
        Bytes.unsigned(p),
        Bytes.unsigned(order()),
        Bytes.unsigned(parameters.g()));
  }

  @Override
  public Element decode(byte[] bytes) throws InvalidEncodingException {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != elementLength) {
      throw new InvalidEncodingException(
          name() + " element must be " + elementLength + " bytes, got " + bytes.length);
    }
    BigInteger x = new BigInteger(1, bytes);
    if (x.signum() == 0 || x.compareTo(p) >= 0) {
      throw new InvalidEncodingException(name() + " element is not in [1, p)");
    }
    if (!isInSubgroup(x)) {
      throw new InvalidEncodingException(name() + " element is not in the order-q subgroup");
    }
    return new ModpElement(this, x);
  }

  private boolean isInSubgroup(BigInteger x) {
    if (safePrime) {
      return Jacobi.symbol(x, p) == 1;
    }
    return x.modPow(order(), p).equals(BigInteger.ONE);
  }

  /**
   * SPEC.md "Hash to a mod-p group": t = OS2IP(expand_message_xmd_SHA-256(msg, dst, L)) mod p
   * with L = ceil((bits(p) + 128) / 8), h = t^((p−1)/q); on the negligible event h = 1 the
   * message is extended by a counter byte and hashed again.
   */
  @Override
  public Element hashToElement(byte[] message, byte[] dst) {
    Objects.requireNonNull(message, "message");
    int length = (p.bitLength() + 128 + 7) / 8;
    byte[] input = message;
    for (int counter = 1; ; counter++) {
      BigInteger t = new BigInteger(1, expander().expand(input, dst, length)).mod(p);
      BigInteger h = t.modPow(cofactor, p);
      if (!h.equals(BigInteger.ONE) && h.signum() != 0) {
        return new ModpElement(this, h);
      }
      input = java.util.Arrays.copyOf(message, message.length + 1);
      input[message.length] = (byte) counter;
    }
  }

  /**
   * Below 32 terms, separate {@link BigInteger#modPow} calls (Montgomery multiplication with the
   * JVM's intrinsics) beat any combined method written with Java-level modular multiplication; above,
   * the bucket method wins.
   */
  @Override
  public Element multiExp(java.util.List<Element> bases, java.util.List<Scalar> exponents) {
    checkMultiExpArguments(bases, exponents);
    if (bases.size() >= 32) {
      return super.multiExp(bases, exponents);
    }
    BigInteger acc = BigInteger.ONE;
    for (int i = 0; i < bases.size(); i++) {
      BigInteger x = cast(bases.get(i)).value().modPow(exponents.get(i).toBigInteger(), p);
      acc = multiplyMod(acc, x);
    }
    return new ModpElement(this, acc);
  }

  @Override
  public Element select(int mask, Element ifSet, Element ifClear) {
    byte[] chosen = Bytes.select(mask, cast(ifSet).encode(), cast(ifClear).encode());
    return new ModpElement(this, new BigInteger(1, chosen));
  }

  @Override
  public FixedBaseTable fixedBase(Element base) {
    return new ModpFixedBase(this, cast(base), ModpFixedBase.DEFAULT_BUDGET_BYTES);
  }

  /**
   * Returns a fixed-base table of at most {@code budgetBytes} (the width adapts to the budget).
   */
  public FixedBaseTable fixedBase(Element base, long budgetBytes) {
    return new ModpFixedBase(this, cast(base), budgetBytes);
  }

  ModpElement cast(Element e) {
    return (ModpElement) requireMember(e);
  }

  BigInteger multiplyMod(BigInteger a, BigInteger b) {
    return barrett.multiply(a, b);
  }

  /**
   * x^e with the exponent blinded as e + k·q for a fresh random 64-bit k, so the square-and-multiply
   * pattern of {@link BigInteger#modPow} is decorrelated from e (SPEC.md, "Side channels").
   */
  BigInteger expSecret(BigInteger x, Scalar e) {
    BigInteger k = new BigInteger(64, BLINDING).setBit(63);
    return x.modPow(e.toBigInteger().add(k.multiply(order())), p);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModpGroup g && g.name().equals(name()) && g.parameters.equals(parameters);
  }

  @Override
  public int hashCode() {
    return parameters.hashCode();
  }
}
