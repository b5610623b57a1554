package org.tabella.voting.record;

import java.util.List;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.threshold.BlindingStep;
import org.tabella.crypto.threshold.DecryptionShare;

/**
 * One decrypted tally entry: the entry's ciphertext (an option's product, or in unanimous mode
 * Enc(yes − voters)), the joint-blinding steps applied to it (unanimous mode), the trustees' shares
 * of the final ciphertext with proofs, and the outcome.
 *
 * @param contestId the contest
 * @param option the option index (0 for a referendum)
 * @param ciphertext the entry's ciphertext before any blinding
 * @param blinding the joint-blinding steps from the option's product (unanimous mode), else empty
 * @param shares the decryption shares with Chaum–Pedersen proofs
 * @param count the decrypted count (ordinary mode), or −1 in unanimous mode
 * @param unanimous in unanimous mode, whether the decryption was the identity
 */
public record DecryptedEntry(String contestId, int option, Ciphertext ciphertext, List<BlindingStep> blinding,
    List<DecryptionShare> shares, long count, boolean unanimous) {
  /** Copies the lists. */
  public DecryptedEntry {
    blinding = List.copyOf(blinding);
    shares = List.copyOf(shares);
  }

  /** The ciphertext the shares decrypt: the last blinding output, or the entry's ciphertext. */
  public Ciphertext decrypted() {
    return blinding.isEmpty() ? ciphertext : blinding.get(blinding.size() - 1).output();
  }
}
