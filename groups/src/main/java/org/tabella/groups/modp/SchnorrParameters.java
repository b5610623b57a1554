package org.tabella.groups.modp;

import java.math.BigInteger;
import java.util.Objects;
import org.tabella.groups.InvalidGroupParametersException;

/**
 * The defining numbers of a Schnorr group: a prime modulus {@code p}, a prime {@code q} dividing
 * {@code p − 1}, and a generator {@code g} of the order-q subgroup of Z_p*. A value of this type
 * is only a carrier; {@link #validate()} checks it.
 *
 * @param p the prime modulus
 * @param q the prime group order
 * @param g the generator
 */
public record SchnorrParameters(BigInteger p, BigInteger q, BigInteger g) {

  /** Creates the carrier; nothing is checked until {@link #validate()}. */
  public SchnorrParameters {
    Objects.requireNonNull(p, "p");
    Objects.requireNonNull(q, "q");
    Objects.requireNonNull(g, "g");
  }

  /** Returns the cofactor {@code r = (p − 1) / q}. */
  public BigInteger cofactor() {
    return p.subtract(BigInteger.ONE).divide(q);
  }

  /** Returns whether {@code p = 2q + 1} (a safe prime: membership is a Jacobi symbol). */
  public boolean isSafePrime() {
    return p.subtract(BigInteger.ONE).equals(q.shiftLeft(1));
  }

  /**
   * Checks the mathematics: p and q prime (trial division, Miller–Rabin with random bases and a
   * strong Lucas test), q | p − 1, q < p, 1 < g < p − 1, and g^q ≡ 1 (mod p).
   *
   * @throws InvalidGroupParametersException naming the first check that failed
   */
  public void validate() throws InvalidGroupParametersException {
    if (p.compareTo(BigInteger.valueOf(5)) < 0 || q.compareTo(BigInteger.TWO) < 0) {
      throw new InvalidGroupParametersException("p and q are too small to form a group");
    }
    if (q.compareTo(p) >= 0) {
      throw new InvalidGroupParametersException("q must be smaller than p");
    }
    if (p.subtract(BigInteger.ONE).mod(q).signum() != 0) {
      throw new InvalidGroupParametersException("q does not divide p - 1");
    }
    if (g.compareTo(BigInteger.ONE) <= 0 || g.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
      throw new InvalidGroupParametersException("g must satisfy 1 < g < p - 1");
    }
    if (!Primality.isProbablePrime(q)) {
      throw new InvalidGroupParametersException("q is not prime");
    }
    if (!isPrimeGivenPrimeQ()) {
      throw new InvalidGroupParametersException("p is not prime");
    }
    boolean orderQ = isSafePrime()
        ? Jacobi.symbol(g, p) == 1
        : g.modPow(q, p).equals(BigInteger.ONE);
    if (!orderQ) {
      throw new InvalidGroupParametersException("g does not have order q (g^q != 1 mod p)");
    }
  }

  /**
   * {@link #validate()} plus a security floor: p of at least {@code minPBits} bits and q of at
   * least {@code minQBits} bits.
   *
   * @throws InvalidGroupParametersException naming the first check that failed
   */
  public void validate(int minPBits, int minQBits) throws InvalidGroupParametersException {
    if (p.bitLength() < minPBits) {
      throw new InvalidGroupParametersException(
          "p has " + p.bitLength() + " bits; at least " + minPBits + " are required");
    }
    if (q.bitLength() < minQBits) {
      throw new InvalidGroupParametersException(
          "q has " + q.bitLength() + " bits; at least " + minQBits + " are required");
    }
    validate();
  }

  /**
   * With q prime and q > √p (safe primes), Pocklington's criterion proves p prime with one
   * exponentiation: some a has a^(p−1) ≡ 1 and gcd(a^((p−1)/q) − 1, p) = 1. Otherwise a
   * probabilistic test.
   */
  private boolean isPrimeGivenPrimeQ() {
    if (2 * q.bitLength() <= p.bitLength() + 1 || Primality.hasSmallFactor(p)) {
      return Primality.isProbablePrime(p);
    }
    BigInteger pMinusOne = p.subtract(BigInteger.ONE);
    BigInteger cofactor = pMinusOne.divide(q);
    for (int a = 2; a < 50; a++) {
      BigInteger base = BigInteger.valueOf(a);
      if (!base.modPow(pMinusOne, p).equals(BigInteger.ONE)) {
        return false;
      }
      BigInteger t = base.modPow(cofactor, p).subtract(BigInteger.ONE);
      if (t.gcd(p).equals(BigInteger.ONE)) {
        return true;
      }
    }
    return Primality.isProbablePrime(p);
  }

  @Override
  public String toString() {
    return "SchnorrParameters(p: " + p.bitLength() + " bits, q: " + q.bitLength() + " bits)";
  }
}
