package org.tabella.crypto.elgamal;

import java.util.Objects;
import org.tabella.crypto.internal.Contexts;
import org.tabella.crypto.internal.Randomness;
import org.tabella.crypto.proofs.SchnorrProof;
import org.tabella.groups.Group;
import org.tabella.groups.SecretScalar;

/**
 * A single-party ElGamal key pair with a proof of possession of the secret key (a Schnorr proof
 * bound to the caller's context), so nobody can register a key they cannot decrypt with.
 */
public final class ElGamalKeyPair {
  private final SecretScalar secretKey;
  private final ElGamalPublicKey publicKey;
  private final SchnorrProof proofOfPossession;
  private final byte[] context;

  private ElGamalKeyPair(SecretScalar secretKey, ElGamalPublicKey publicKey,
      SchnorrProof proofOfPossession, byte[] context) {
    this.secretKey = secretKey;
    this.publicKey = publicKey;
    this.proofOfPossession = proofOfPossession;
    this.context = context;
  }

  /** Generates a fresh key pair whose proof of possession is bound to {@code context}. */
  public static ElGamalKeyPair generate(Group group, byte[] context) {
    Objects.requireNonNull(context, "context");
    SecretScalar x = SecretScalar.of(group.randomNonZeroScalar(Randomness.current()));
    ElGamalPublicKey pk = ElGamalPublicKey.of(group.generatorTable().exp(x.reveal()));
    SchnorrProof pop = SchnorrProof.prove(x, pk.element(), popContext(context));
    return new ElGamalKeyPair(x, pk, pop, context.clone());
  }

  /** Returns whether {@code proof} proves possession of the key for {@code publicKey} under {@code context}. */
  public static boolean verifyPossession(ElGamalPublicKey publicKey, SchnorrProof proof, byte[] context) {
    return proof.verify(publicKey.element(), popContext(context));
  }

  private static byte[] popContext(byte[] context) {
    return Contexts.of("tabella-elgamal-key-v1", context);
  }

  /** Returns the secret key. */
  public SecretScalar secretKey() {
    return secretKey;
  }

  /** Returns the public key. */
  public ElGamalPublicKey publicKey() {
    return publicKey;
  }

  /** Returns the proof of possession. */
  public SchnorrProof proofOfPossession() {
    return proofOfPossession;
  }

  /** Returns the context the proof of possession is bound to. */
  public byte[] context() {
    return context.clone();
  }

  @Override
  public String toString() {
    return "ElGamalKeyPair(" + publicKey + ", secret ***)";
  }
}
