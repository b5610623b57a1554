package org.tabella.groups.modp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import org.tabella.groups.InvalidGroupParametersException;

/**
 * Generates Schnorr groups reproducibly from a seed, and re-checks generated groups: FIPS 186-4
 * Appendix A.1.1.2 (probable primes p, q from SHA-256) and A.2.3 (verifiable canonical
 * generator), with the candidate seeds derived from the caller's seed as SPEC.md describes.
 */
public final class SchnorrGroupGenerator {
  private static final int OUTLEN = 256;
  private static final byte[] GGEN = "ggen".getBytes(StandardCharsets.US_ASCII);

  private SchnorrGroupGenerator() {}

  /**
   * Generates a group with a p of {@code pBits} bits and a q of {@code qBits} bits, determined
   * entirely by {@code seed}.
   *
   * @param pBits bit length of p, at least {@code qBits + 64}
   * @param qBits bit length of q, 160..256
   * @param seed any bytes; the same seed always yields the same group
   * @param generatorIndex the A.2.3 index (0..255), to derive several generators for one p, q
   * @throws IllegalArgumentException for unsupported sizes
   */
  public static SchnorrGroupGeneration generate(int pBits, int qBits, byte[] seed, int generatorIndex) {
    checkSizes(pBits, qBits);
    Objects.requireNonNull(seed, "seed");
    if (generatorIndex < 0 || generatorIndex > 255) {
      throw new IllegalArgumentException("generator index must be 0..255");
    }
    for (int attempt = 0; ; attempt++) {
      byte[] domainSeed = candidateSeed(seed, attempt, qBits);
      BigInteger q = qFromSeed(domainSeed, qBits);
      if (!Primality.isProbablePrime(q)) {
        continue;
      }
      Candidate found = searchP(domainSeed, q, pBits);
      if (found != null) {
        BigInteger g = canonicalGenerator(found.p, q, domainSeed, generatorIndex);
        return new SchnorrGroupGeneration(
            new SchnorrParameters(found.p, q, g), domainSeed, found.counter, generatorIndex);
      }
    }
  }

  /**
   * Re-derives q, p and g from the record's seed, counter and index and validates the group.
   *
   * @throws InvalidGroupParametersException if anything differs or fails validation
   */
  public static void verify(SchnorrGroupGeneration generation) throws InvalidGroupParametersException {
    SchnorrParameters claimed = generation.parameters();
    int pBits = claimed.p().bitLength();
    int qBits = claimed.q().bitLength();
    try {
      checkSizes(pBits, qBits);
    } catch (IllegalArgumentException e) {
      throw new InvalidGroupParametersException(e.getMessage());
    }
    byte[] domainSeed = generation.domainParameterSeed();
    if (domainSeed.length * 8 < qBits) {
      throw new InvalidGroupParametersException("seed shorter than q");
    }
    BigInteger q = qFromSeed(domainSeed, qBits);
    if (!q.equals(claimed.q())) {
      throw new InvalidGroupParametersException("q does not follow from the seed");
    }
    int counter = generation.counter();
    if (counter < 0 || counter >= 4 * pBits) {
      throw new InvalidGroupParametersException("counter out of range");
    }
    int n = (pBits + OUTLEN - 1) / OUTLEN - 1;
    BigInteger p = pCandidate(domainSeed, q, pBits, n, 1 + (long) counter * (n + 1));
    if (p == null || !p.equals(claimed.p())) {
      throw new InvalidGroupParametersException("p does not follow from the seed and counter");
    }
    BigInteger g = canonicalGenerator(p, q, domainSeed, generation.generatorIndex());
    if (!g.equals(claimed.g())) {
      throw new InvalidGroupParametersException("g does not follow from the seed and index");
    }
    claimed.validate();
    // A.1.1.3: no smaller counter may already have produced a prime p.
    for (int c = 0; c < counter; c++) {
      BigInteger earlier = pCandidate(domainSeed, q, pBits, n, 1 + (long) c * (n + 1));
      if (earlier != null && Primality.isProbablePrime(earlier)) {
        throw new InvalidGroupParametersException("an earlier counter already gave a prime p");
      }
    }
  }

  private static void checkSizes(int pBits, int qBits) {
    if (qBits < 160 || qBits > OUTLEN) {
      throw new IllegalArgumentException("q must have 160..256 bits");
    }
    if (pBits < qBits + 64 || pBits > 8192) {
      throw new IllegalArgumentException("p must have q_bits + 64 .. 8192 bits");
    }
  }

  /** SPEC: candidate seed k = SHA-256(seed ‖ I2OSP(k, 4)), then as many more blocks as q needs. */
  static byte[] candidateSeed(byte[] seed, int attempt, int qBits) {
    MessageDigest sha = sha256();
    sha.update(seed);
    sha.update(new byte[] {(byte) (attempt >>> 24), (byte) (attempt >>> 16), (byte) (attempt >>> 8), (byte) attempt});
    byte[] s = sha.digest();
    return Arrays.copyOf(s, Math.max(32, (qBits + 7) / 8));
  }

  /** A.1.1.2 steps 6–7: U = Hash(seed) mod 2^(N−1); q = 2^(N−1) + U + 1 − (U mod 2). */
  static BigInteger qFromSeed(byte[] domainSeed, int qBits) {
    BigInteger u = new BigInteger(1, sha256().digest(domainSeed))
        .mod(BigInteger.ONE.shiftLeft(qBits - 1));
    return BigInteger.ONE.shiftLeft(qBits - 1).add(u).add(BigInteger.ONE)
        .subtract(u.testBit(0) ? BigInteger.ONE : BigInteger.ZERO);
  }

  private record Candidate(BigInteger p, int counter) {}

  /** A.1.1.2 steps 10–11. */
  private static Candidate searchP(byte[] domainSeed, BigInteger q, int pBits) {
    int n = (pBits + OUTLEN - 1) / OUTLEN - 1;
    long offset = 1;
    for (int counter = 0; counter < 4 * pBits; counter++) {
      BigInteger p = pCandidate(domainSeed, q, pBits, n, offset);
      if (p != null && !Primality.hasSmallFactor(p) && Primality.isProbablePrime(p)) {
        return new Candidate(p, counter);
      }
      offset += n + 1;
    }
    return null;
  }

  /** Steps 11.1–11.6 for one offset; null when the candidate is below 2^(L−1). */
  private static BigInteger pCandidate(byte[] domainSeed, BigInteger q, int pBits, int n, long offset) {
    int b = pBits - 1 - n * OUTLEN;
    BigInteger seedValue = new BigInteger(1, domainSeed);
    BigInteger modulus = BigInteger.ONE.shiftLeft(domainSeed.length * 8);
    BigInteger w = BigInteger.ZERO;
    for (int j = 0; j <= n; j++) {
      byte[] input = toLength(seedValue.add(BigInteger.valueOf(offset + j)).mod(modulus), domainSeed.length);
      BigInteger v = new BigInteger(1, sha256().digest(input));
      if (j == n) {
        v = v.mod(BigInteger.ONE.shiftLeft(b));
      }
      w = w.add(v.shiftLeft(j * OUTLEN));
    }
    BigInteger x = w.add(BigInteger.ONE.shiftLeft(pBits - 1));
    BigInteger c = x.mod(q.shiftLeft(1));
    BigInteger p = x.subtract(c.subtract(BigInteger.ONE));
    return p.bitLength() < pBits ? null : p;
  }

  /** A.2.3: g = SHA-256(seed ‖ "ggen" ‖ index ‖ count)^((p−1)/q) mod p, first g ≥ 2. */
  static BigInteger canonicalGenerator(BigInteger p, BigInteger q, byte[] domainSeed, int index) {
    BigInteger e = p.subtract(BigInteger.ONE).divide(q);
    for (int count = 1; count <= 255; count++) {
      MessageDigest sha = sha256();
      sha.update(domainSeed);
      sha.update(GGEN);
      sha.update((byte) index);
      sha.update((byte) count);
      BigInteger g = new BigInteger(1, sha.digest()).modPow(e, p);
      if (g.compareTo(BigInteger.TWO) >= 0) {
        return g;
      }
    }
    throw new IllegalStateException("no generator found in 255 tries");
  }

  private static byte[] toLength(BigInteger v, int length) {
    return org.tabella.groups.internal.Bytes.toFixedLength(v, length);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
