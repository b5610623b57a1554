package org.tabella.voting.tally;

import java.util.List;
import java.util.Objects;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.threshold.BlindingStep;
import org.tabella.crypto.threshold.DecryptionShare;

/**
 * One decrypted tally entry: the entry's ciphertext (an option's product, or in unanimous mode
 * Enc(yes − voters)), the joint-blinding steps applied to it (unanimous mode only), the trustees'
 * shares of the decrypted ciphertext with proofs, and the outcome.
 *
 * @param contestId the contest
 * @param option the option index (0 for a referendum)
 * @param ciphertext the entry's ciphertext before any blinding
 * @param blinding the joint-blinding steps (unanimous mode), else empty
 * @param shares the decryption shares with Chaum–Pedersen proofs
 * @param outcome the count, or whether the vote was unanimous
 */
public record DecryptedEntry(String contestId, int option, Ciphertext ciphertext, List<BlindingStep> blinding,
    List<DecryptionShare> shares, EntryOutcome outcome) {
  /** Copies the lists; checks presence. */
  public DecryptedEntry {
    Objects.requireNonNull(contestId, "contestId");
    Objects.requireNonNull(ciphertext, "ciphertext");
    Objects.requireNonNull(outcome, "outcome");
    blinding = List.copyOf(blinding);
    shares = List.copyOf(shares);
  }

  /** "contest/option": how findings and network instances name the entry. */
  public String name() {
    return contestId + "/" + option;
  }
}
