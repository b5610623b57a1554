package org.tabella.voting.board;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.tabella.crypto.elgamal.ElGamalPublicKey;
import org.tabella.crypto.encoding.ByteWriter;
import org.tabella.voting.ElectionParameters;

/**
 * The board's hash chain (SPEC.md §4.3): it starts at {@code H_0 = SHA-256(LP("tabella-board-v2") ‖
 * LP(election hash) ‖ LP(public key))} and every accepted ballot extends it, {@code H_i =
 * SHA-256(H_{i−1} ‖ ballot bytes)}. The head fixes every ballot and its position; the board and the
 * verifier both compute it with this class.
 */
public final class BoardChain {
  private BoardChain() {}

  /** The chain's start for an election and its key. */
  public static byte[] genesis(ElectionParameters election, ElGamalPublicKey key) {
    return sha256(new ByteWriter().writeString("tabella-board-v2").writeBytes(election.hash())
        .writeBytes(key.element().encode()).toByteArray());
  }

  /** One step: SHA-256(previous ‖ ballot bytes). */
  public static byte[] next(byte[] previous, byte[] ballot) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(previous);
      sha.update(ballot);
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] sha256(byte[] b) {
    return next(new byte[0], b);
  }
}
