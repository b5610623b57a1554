package org.tabella.groups;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An immutable integer modulo a group order {@code q}, with field arithmetic. Its canonical
 * encoding is big-endian, exactly {@code ceil(bitLength(q) / 8)} bytes; decoding rejects values
 * {@code ≥ q}.
 *
 * <p>Scalars that are secret for a long time (private keys, key shares, polynomial coefficients)
 * are held in a {@link SecretScalar}, which never prints its value. A plain {@code Scalar} prints
 * its value, so keep transient secrets (nonces) out of logs.
 */
public final class Scalar {
  private final BigInteger value;
  private final BigInteger order;

  private Scalar(BigInteger value, BigInteger order) {
    this.value = value;
    this.order = order;
  }

  /**
   * Returns the scalar {@code value} modulo {@code order}.
   *
   * @throws IllegalArgumentException if {@code value} is not in {@code [0, order)} or the order
   *     is below 2
   */
  public static Scalar of(BigInteger value, BigInteger order) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(order, "order");
    if (order.compareTo(BigInteger.TWO) < 0) {
      throw new IllegalArgumentException("order must be at least 2");
    }
    if (value.signum() < 0 || value.compareTo(order) >= 0) {
      throw new IllegalArgumentException("scalar out of range [0, q)");
    }
    return new Scalar(value, order);
  }

  /** Returns {@code value mod order} for any integer, negative ones included. */
  public static Scalar reduce(BigInteger value, BigInteger order) {
    Objects.requireNonNull(value, "value");
    return of(value.mod(order), order);
  }

  /**
   * Decodes a canonical scalar encoding (big-endian, exactly {@link #encodedLength(BigInteger)}
   * bytes, value below {@code order}).
   *
   * @throws InvalidEncodingException if the length is wrong or the value is {@code ≥ order}
   */
  public static Scalar decode(byte[] bytes, BigInteger order) throws InvalidEncodingException {
    Objects.requireNonNull(bytes, "bytes");
    int length = encodedLength(order);
    if (bytes.length != length) {
      throw new InvalidEncodingException(
          "scalar encoding must be " + length + " bytes, got " + bytes.length);
    }
    BigInteger v = new BigInteger(1, bytes);
    if (v.compareTo(order) >= 0) {
      throw new InvalidEncodingException("scalar is not below the group order");
    }
    return new Scalar(v, order);
  }

  /** Returns the byte length of the canonical encoding of scalars modulo {@code order}. */
  public static int encodedLength(BigInteger order) {
    return (order.bitLength() + 7) / 8;
  }

  /** Returns the value as a non-negative integer below {@link #order()}. */
  public BigInteger toBigInteger() {
    return value;
  }

  /** Returns the modulus {@code q}. */
  public BigInteger order() {
    return order;
  }

  /** Returns whether this scalar is zero. */
  public boolean isZero() {
    return value.signum() == 0;
  }

  /** Returns {@code this + other mod q}. */
  public Scalar add(Scalar other) {
    return new Scalar(reduceSum(value.add(check(other).value)), order);
  }

  /** Returns {@code this − other mod q}. */
  public Scalar subtract(Scalar other) {
    BigInteger d = value.subtract(check(other).value);
    return new Scalar(d.signum() < 0 ? d.add(order) : d, order);
  }

  /** Returns {@code this · other mod q}. */
  public Scalar multiply(Scalar other) {
    return new Scalar(value.multiply(check(other).value).mod(order), order);
  }

  /** Returns {@code −this mod q}. */
  public Scalar negate() {
    return value.signum() == 0 ? this : new Scalar(order.subtract(value), order);
  }

  /**
   * Returns {@code this⁻¹ mod q}.
   *
   * @throws ArithmeticException if this scalar is zero
   */
  public Scalar inverse() {
    if (isZero()) {
      throw new ArithmeticException("zero has no inverse");
    }
    return new Scalar(value.modInverse(order), order);
  }

  /**
   * Returns {@code ifSet} when {@code mask} is all ones and {@code ifClear} when it is zero, by a
   * branch-free byte-wise selection of the two encodings: for choosing between secret values by a
   * secret condition (a prover's real and simulated branches).
   *
   * @throws IllegalArgumentException for scalars of different orders or another mask
   */
  public static Scalar select(int mask, Scalar ifSet, Scalar ifClear) {
    ifSet.check(ifClear);
    byte[] chosen = org.tabella.groups.internal.Bytes.select(mask, ifSet.encode(), ifClear.encode());
    return new Scalar(new BigInteger(1, chosen), ifSet.order);
  }

  /** Returns the canonical big-endian encoding, {@link #encodedLength(BigInteger)} bytes. */
  public byte[] encode() {
    return org.tabella.groups.internal.Bytes.toFixedLength(value, encodedLength(order));
  }

  private BigInteger reduceSum(BigInteger s) {
    return s.compareTo(order) >= 0 ? s.subtract(order) : s;
  }

  private Scalar check(Scalar other) {
    if (!order.equals(other.order)) {
      throw new IllegalArgumentException("scalars of different group orders");
    }
    return other;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scalar s && s.order.equals(order) && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode() * 31 + order.hashCode();
  }

  @Override
  public String toString() {
    return "Scalar(0x" + value.toString(16) + ")";
  }
}
