package org.tabella.crypto.dkg;

import java.util.List;
import java.util.Set;
import org.tabella.crypto.threshold.KeyShare;
import org.tabella.crypto.threshold.ThresholdKey;

/**
 * What one party holds after a successful ceremony.
 *
 * @param key the joint public key, quorum and every party's verification key
 * @param share this party's secret key share
 * @param qualified the dealers whose polynomials make up the key
 * @param misbehaviour everything found wrong, per party
 * @param transcript the public round-1 broadcasts of the qualified dealers (commitments and proofs
 *     of possession), from which anyone can recompute the key and every verification key
 * @param sessionId the ceremony's session id (the proofs of possession are bound to it)
 * @param confirmations the parties' signed confirmations of this outcome (empty until a networked
 *     ceremony's confirmation round, SPEC.md §2.10 step 5, adds them)
 */
public record DkgResult(ThresholdKey key, KeyShare share, Set<Integer> qualified, List<Misbehaviour> misbehaviour,
    List<DealerBroadcast> transcript, byte[] sessionId, List<Confirmation> confirmations) {
  /** Copies the collections. */
  public DkgResult {
    qualified = Set.copyOf(qualified);
    misbehaviour = List.copyOf(misbehaviour);
    transcript = List.copyOf(transcript);
    sessionId = sessionId.clone();
    confirmations = List.copyOf(confirmations);
  }

  /** This result with the parties' confirmations. */
  public DkgResult withConfirmations(List<Confirmation> c) {
    return new DkgResult(key, share, qualified, misbehaviour, transcript, sessionId, c);
  }

  /** The confirmation digest of this outcome ({@link Confirmation#digest}). */
  public byte[] confirmationDigest() {
    return Confirmation.digest(sessionId, new java.util.TreeSet<>(qualified), key);
  }

  @Override
  public byte[] sessionId() {
    return sessionId.clone();
  }

  /**
   * Returns whether a published transcript proves {@code key}: every dealer's proof of possession
   * verifies under {@code params}, the joint key is the product of the constant-term commitments,
   * and every verification key is the product of the dealers' Feldman values.
   */
  public static boolean transcriptProves(DkgParameters params, List<DealerBroadcast> transcript, ThresholdKey key) {
    if (transcript.size() < params.threshold()) {
      return false;
    }
    org.tabella.groups.Group g = params.group();
    org.tabella.groups.Element joint = g.identity();
    java.util.List<org.tabella.crypto.sharing.FeldmanCommitment> dealers = new java.util.ArrayList<>();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (DealerBroadcast b : transcript) {
      if (b.dealer() < 1 || b.dealer() > params.parties() || !seen.add(b.dealer()) || b.commitments().size() != params.threshold()
          || !b.proofOfPossession().verify(b.commitments().get(0), DkgParty.popContext(params, b.dealer()))) {
        return false;
      }
      dealers.add(new org.tabella.crypto.sharing.FeldmanCommitment(b.commitments()));
      joint = joint.mul(b.commitments().get(0));
    }
    if (!joint.equals(key.publicKey().element()) || key.trustees() != params.parties()) {
      return false;
    }
    for (var e : key.verificationKeys().entrySet()) {
      org.tabella.groups.Element x = g.identity();
      for (var d : dealers) {
        x = x.mul(d.publicValueAt(e.getKey()));
      }
      if (!x.equals(e.getValue())) {
        return false;
      }
    }
    return true;
  }
}
