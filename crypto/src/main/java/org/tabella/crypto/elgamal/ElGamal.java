package org.tabella.crypto.elgamal;

import java.util.Objects;
import org.tabella.crypto.internal.Randomness;
import org.tabella.crypto.proofs.RangeProof;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;
import org.tabella.groups.SecretScalar;

/**
 * Exponential ("additively homomorphic") ElGamal over any {@link Group}:
 * Enc(m) = (g^r, h^r·g^m) with a fresh non-zero r drawn inside; decryption yields g^m, and
 * {@link DiscreteLog} recovers a bounded m. See SPEC.md §2.5.
 */
public final class ElGamal {
  private ElGamal() {}

  /**
   * Encrypts {@code m} (any integer, taken mod q) under {@code publicKey}; g^m is a constant-time
   * fixed-base exponentiation, so the time does not depend on m.
   */
  public static Ciphertext encrypt(ElGamalPublicKey publicKey, long m) {
    Group g = publicKey.group();
    Scalar r = g.randomNonZeroScalar(Randomness.current());
    Element a = g.generatorTable().exp(r);
    Element b = g.generatorTable().timesPower(publicKey.table().exp(r), g.scalar(m));
    return new Ciphertext(a, b);
  }

  /**
   * Encrypts {@code m ∈ 0..maximum} and proves the range, binding the proof to {@code context}
   * (the election and ballot id, so it cannot be copied into another ballot).
   *
   * @throws IllegalArgumentException if m is not in 0..maximum
   */
  public static ProvenCiphertext encryptWithProof(ElGamalPublicKey publicKey, int m, int maximum,
      byte[] context) {
    Objects.requireNonNull(context, "context");
    if (maximum < 1 || m < 0 || m > maximum) {
      throw new IllegalArgumentException("plaintext must be in 0..maximum with maximum ≥ 1");
    }
    Encryption e = encryptWithNonce(publicKey, m, maximum);
    RangeProof proof = RangeProof.prove(publicKey.table(), e.ciphertext().a(), e.ciphertext().b(),
        e.nonce(), m, maximum, context);
    return new ProvenCiphertext(e.ciphertext(), proof);
  }

  /**
   * An encryption together with its nonce, for callers that prove statements about sums of
   * encryptions (a contest's selections). The nonce is as secret as the plaintext.
   *
   * @param ciphertext the encryption
   * @param nonce r
   */
  public record Encryption(Ciphertext ciphertext, SecretScalar nonce) {
    @Override
    public String toString() {
      return "Encryption(" + ciphertext + ", nonce ***)";
    }
  }

  /**
   * Encrypts a secret {@code m ∈ 0..maximum} (a vote) and returns the nonce too (see
   * {@link Encryption}). The operations depend on {@code maximum}, never on m: for maximum ≤ 8,
   * g^m is a constant-time select among precomputed powers (FixedBaseTable#timesSmallPower).
   *
   * @throws IllegalArgumentException if m is not in 0..maximum
   */
  public static Encryption encryptWithNonce(ElGamalPublicKey publicKey, int m, int maximum) {
    Group g = publicKey.group();
    Scalar r = g.randomNonZeroScalar(Randomness.current());
    Element a = g.generatorTable().exp(r);
    Element b = g.generatorTable().timesSmallPower(publicKey.table().exp(r), m, maximum);
    return new Encryption(new Ciphertext(a, b), SecretScalar.of(r));
  }

  /** Returns a fresh encryption of the same plaintext: c · Enc(0). */
  public static Ciphertext rerandomize(ElGamalPublicKey publicKey, Ciphertext c) {
    Group g = publicKey.group();
    Scalar r = g.randomNonZeroScalar(Randomness.current());
    return new Ciphertext(c.a().mul(g.generatorTable().exp(r)), c.b().mul(publicKey.table().exp(r)));
  }

  /** Returns g^m = b / a^x. */
  public static Element decryptToElement(SecretScalar secretKey, Ciphertext c) {
    return c.b().div(c.a().exp(secretKey.reveal()));
  }

  /**
   * Decrypts and solves the discrete logarithm within {@code 0..bound}.
   *
   * @throws DiscreteLogException if the plaintext is outside 0..bound
   */
  public static long decrypt(SecretScalar secretKey, Ciphertext c, long bound) throws DiscreteLogException {
    return DiscreteLog.forBound(c.group(), bound).solve(decryptToElement(secretKey, c));
  }
}
