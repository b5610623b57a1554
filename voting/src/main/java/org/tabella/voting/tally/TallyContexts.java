package org.tabella.voting.tally;

import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.encoding.ByteWriter;
import org.tabella.groups.Group;
import org.tabella.voting.ElectionParameters;

/**
 * The spec-level constants of the tally (SPEC.md §4.4), shared by everyone who produces a tally
 * and by the verifier: the context each decryption share and blinding step binds, and the
 * unanimity shift.
 */
public final class TallyContexts {
  private TallyContexts() {}

  /**
   * The context of every decryption share and blinding step of entry (contest, option):
   * {@code LP("tabella-tally-v2") ‖ LP(election hash) ‖ LP(contest id) ‖ I2OSP(option, 4) ‖ mode},
   * with mode one byte (0 count, 1 unanimous). A share therefore proves the decryption of one
   * entry of one election and can never be moved to another entry.
   */
  public static byte[] decryption(ElectionParameters e, String contestId, int option) {
    return new ByteWriter().writeString("tabella-tally-v2").writeBytes(e.hash()).writeString(contestId)
        .writeInt(option).writeFlag(e.unanimous()).toByteArray();
  }

  /**
   * Enc(yes − V) for V eligible voters: the product times (1, g^{−V}), a deterministic shift anyone
   * recomputes. It decrypts to the identity only if V yes votes are in the product.
   */
  public static Ciphertext unanimity(Group g, Ciphertext product, long voters) {
    return new Ciphertext(product.a(), product.b().mul(g.generator().expPublic(g.scalar(-voters))));
  }
}
