package org.tabella.voting.tally;

import java.util.List;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.threshold.BlindingStep;
import org.tabella.crypto.threshold.DecryptionShare;

/**
 * The trustees as the tally sees them: whoever holds the key shares — in this process
 * ({@link LocalTrustees}) or across the network — answers with blinding steps and decryption
 * shares. Answers are untrusted: {@link TallyDecryption} checks every one.
 */
public interface Trustees {
  /**
   * The joint-blinding chain of {@code start} for one tally entry (unanimous mode), each step by a
   * different trustee, in order.
   *
   * @param entry a name for the entry, unique in the election ("contest/option")
   * @param context the entry's context ({@link TallyContexts#decryption})
   */
  List<BlindingStep> blind(String entry, Ciphertext start, byte[] context) throws InterruptedException;

  /**
   * Decryption shares of {@code target} from the trustees present, each with its proof.
   *
   * @param entry a name for the entry, unique in the election ("contest/option")
   * @param context the entry's context ({@link TallyContexts#decryption})
   */
  List<DecryptionShare> decryptionShares(String entry, Ciphertext target, byte[] context) throws InterruptedException;
}
