package org.tabella.voting.tally;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.threshold.BlindingStep;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.crypto.threshold.JointBlinding;
import org.tabella.crypto.threshold.KeyShare;
import org.tabella.crypto.threshold.ThresholdDecryption;

/** Trustees whose key shares this process holds (tests, small deployments): each blinds and decrypts in index order. */
public final class LocalTrustees implements Trustees {
  private final List<KeyShare> shares;

  /** The trustees holding these shares (at least the quorum for the tally to succeed). */
  public LocalTrustees(List<KeyShare> shares) {
    this.shares = List.copyOf(Objects.requireNonNull(shares, "shares"));
  }

  @Override
  public List<BlindingStep> blind(String entry, Ciphertext start, byte[] context) {
    List<BlindingStep> steps = new ArrayList<>();
    Ciphertext current = start;
    for (KeyShare t : shares) {
      BlindingStep s = JointBlinding.blind(t.index(), current, context);
      steps.add(s);
      current = s.output();
    }
    return steps;
  }

  @Override
  public List<DecryptionShare> decryptionShares(String entry, Ciphertext target, byte[] context) {
    List<DecryptionShare> out = new ArrayList<>();
    for (KeyShare t : shares) {
      out.add(ThresholdDecryption.share(t, target, context));
    }
    return out;
  }
}
