package org.tabella.crypto.elgamal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tabella.crypto.proofs.SchnorrProof;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.MessageEmbedding;

/**
 * ElGamal on embedded messages (SPEC.md §2.12): decryption returns the message; the proof of
 * knowledge verifies for its ciphertext, key and context only; a transformed ciphertext, another
 * key or context, or a wrong key is caught.
 */
@DisplayName("ElGamal encryption of messages")
class MessageElGamalTest {
  @ParameterizedTest
  @ValueSource(strings = {"ristretto255", "decaf448", "P-256", "secp256k1", "modp-2048"})
  void encryptDecryptAndProve(String name) throws Exception {
    Group g = Groups.named(name);
    ElGamalKeyPair keys = ElGamalKeyPair.generate(g, "test".getBytes(StandardCharsets.UTF_8));
    byte[] message = "ballot box 7: sealed".getBytes(StandardCharsets.UTF_8);
    Ciphertext c = MessageElGamal.encrypt(keys.publicKey(), message);
    assertArrayEquals(message, MessageElGamal.decrypt(keys.secretKey(), c));
    // randomised: the same message twice gives different ciphertexts
    assertFalse(c.equals(MessageElGamal.encrypt(keys.publicKey(), message)));

    byte[] context = "election city-2026".getBytes(StandardCharsets.UTF_8);
    MessageElGamal.ProvenMessage p = MessageElGamal.encryptWithProof(keys.publicKey(), message, context);
    assertTrue(MessageElGamal.verify(keys.publicKey(), p, context));
    assertArrayEquals(message, MessageElGamal.decrypt(keys.secretKey(), p.ciphertext()));
    assertFalse(MessageElGamal.verify(keys.publicKey(), p, "another".getBytes(StandardCharsets.UTF_8)));
    ElGamalKeyPair other = ElGamalKeyPair.generate(g, "other".getBytes(StandardCharsets.UTF_8));
    assertFalse(MessageElGamal.verify(other.publicKey(), p, context));
    // b multiplied by anything (a "transformed" ciphertext) keeps a but breaks the proof
    Ciphertext moved = new Ciphertext(p.ciphertext().a(), p.ciphertext().b().mul(g.generator()));
    assertFalse(MessageElGamal.verify(keys.publicKey(), new MessageElGamal.ProvenMessage(moved, p.proof()), context));
    // a proof for another ciphertext does not transfer
    MessageElGamal.ProvenMessage q = MessageElGamal.encryptWithProof(keys.publicKey(), message, context);
    assertFalse(MessageElGamal.verify(keys.publicKey(), new MessageElGamal.ProvenMessage(p.ciphertext(), q.proof()), context));
    // the wrong secret key gives no message (or, rarely, some other bytes — never this one)
    try {
      assertFalse(java.util.Arrays.equals(message, MessageElGamal.decrypt(other.secretKey(), c)));
    } catch (InvalidEncodingException expected) {
      // the usual outcome
    }
    // over the capacity: a clear error
    byte[] tooLong = new byte[MessageEmbedding.forGroup(g).capacity() + 1];
    assertThrows(IllegalArgumentException.class, () -> MessageElGamal.encrypt(keys.publicKey(), tooLong));
  }

  @ParameterizedTest
  @ValueSource(strings = {"modp-2048-256", "eg-4096"})
  void groupsWithoutAnEmbeddingAreRefused(String name) {
    Group g = Groups.named(name);
    ElGamalKeyPair keys = ElGamalKeyPair.generate(g, new byte[0]);
    assertThrows(UnsupportedOperationException.class, () -> MessageElGamal.encrypt(keys.publicKey(), new byte[] {1}));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ristretto255"})
  void aProofIsASchnorrProofOnA(String name) {
    Group g = Groups.named(name);
    ElGamalKeyPair keys = ElGamalKeyPair.generate(g, new byte[0]);
    MessageElGamal.ProvenMessage p = MessageElGamal.encryptWithProof(keys.publicKey(), new byte[] {9}, new byte[0]);
    SchnorrProof forged = new SchnorrProof(p.proof().commitment(), p.proof().response().add(g.scalar(1)));
    assertFalse(MessageElGamal.verify(keys.publicKey(), new MessageElGamal.ProvenMessage(p.ciphertext(), forged), new byte[0]));
  }
}
