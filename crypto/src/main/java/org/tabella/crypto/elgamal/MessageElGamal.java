package org.tabella.crypto.elgamal;

import java.util.Objects;
import org.tabella.crypto.internal.Contexts;
import org.tabella.crypto.internal.Randomness;
import org.tabella.crypto.proofs.SchnorrProof;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.MessageEmbedding;
import org.tabella.groups.Scalar;
import org.tabella.groups.SecretScalar;

/**
 * ElGamal encryption of short byte strings (not homomorphic counts): a message m of at most
 * {@link MessageEmbedding#capacity()} bytes is embedded as an element M and encrypted as
 * (g^r, h^r·M) (SPEC.md §2.12). {@link #encryptWithProof} adds a Schnorr proof of knowledge of r
 * — and so of the plaintext — bound to the whole ciphertext, the key and a caller's context: a
 * receiver that checks it knows the sender made the ciphertext from a message it knew, not by
 * transforming someone else's.
 */
public final class MessageElGamal {
  private MessageElGamal() {}

  /** A message ciphertext with its proof of knowledge of the nonce. */
  public record ProvenMessage(Ciphertext ciphertext, SchnorrProof proof) {
    /** Checks both are present. */
    public ProvenMessage {
      Objects.requireNonNull(ciphertext, "ciphertext");
      Objects.requireNonNull(proof, "proof");
    }
  }

  /**
   * Encrypts {@code message} under {@code publicKey}.
   *
   * @throws IllegalArgumentException if it is over the group's capacity
   * @throws UnsupportedOperationException if the group has no message embedding
   */
  public static Ciphertext encrypt(ElGamalPublicKey publicKey, byte[] message) {
    return encrypt(publicKey, message, publicKey.group().randomNonZeroScalar(Randomness.current()));
  }

  private static Ciphertext encrypt(ElGamalPublicKey publicKey, byte[] message, Scalar r) {
    Group g = publicKey.group();
    Element m = MessageEmbedding.forGroup(g).embed(message);
    return new Ciphertext(g.generatorTable().exp(r), publicKey.table().exp(r).mul(m));
  }

  /** As {@link #encrypt}, with a proof of knowledge of the nonce bound to {@code context}. */
  public static ProvenMessage encryptWithProof(ElGamalPublicKey publicKey, byte[] message, byte[] context) {
    Objects.requireNonNull(context, "context");
    Group g = publicKey.group();
    Scalar r = g.randomNonZeroScalar(Randomness.current());
    Ciphertext c = encrypt(publicKey, message, r);
    SchnorrProof proof = SchnorrProof.prove(SecretScalar.of(r), c.a(), proofContext(publicKey, c, context));
    return new ProvenMessage(c, proof);
  }

  /** Whether the proof holds for this ciphertext, key and context (check it before decrypting or relaying). */
  public static boolean verify(ElGamalPublicKey publicKey, ProvenMessage m, byte[] context) {
    Objects.requireNonNull(context, "context");
    Ciphertext c = m.ciphertext();
    return c.group().equals(publicKey.group()) && !c.a().isIdentity()
        && m.proof().verify(c.a(), proofContext(publicKey, c, context));
  }

  private static byte[] proofContext(ElGamalPublicKey publicKey, Ciphertext c, byte[] context) {
    return Contexts.of("tabella-message-pok-v1", context, publicKey.element().encode(), c.b().encode());
  }

  /**
   * Decrypts with the secret key x: the message of b·a^-x.
   *
   * @throws InvalidEncodingException if the ciphertext does not decrypt to an embedded message
   */
  public static byte[] decrypt(SecretScalar secretKey, Ciphertext c) throws InvalidEncodingException {
    Element m = c.b().div(c.a().exp(secretKey.reveal()));
    return MessageEmbedding.forGroup(c.group()).extract(m);
  }

  /**
   * The message of a plaintext element, for threshold decryption, where the quorum recovers
   * b·a^-x without any one party knowing x.
   *
   * @throws InvalidEncodingException if it is not an embedded message
   */
  public static byte[] message(Element plaintext) throws InvalidEncodingException {
    return MessageEmbedding.forGroup(plaintext.group()).extract(plaintext);
  }
}
