package org.tabella.voting.record;

import java.util.List;
import org.tabella.crypto.dkg.Confirmation;
import org.tabella.crypto.dkg.DealerBroadcast;

/**
 * The public part of a key ceremony: its session id and the qualified dealers' round-1
 * broadcasts (commitments and proofs of possession), in dealer order, from which anyone
 * recomputes the joint key and every verification key, and the parties' signed confirmations of
 * that outcome.
 *
 * @param sessionId the ceremony's session id (the proofs of possession bind it)
 * @param dealers the qualified dealers' broadcasts
 * @param confirmations the parties' signatures of the outcome (SPEC.md §2.10 step 5), by party
 */
public record CeremonyTranscript(byte[] sessionId, List<DealerBroadcast> dealers, List<Confirmation> confirmations) {
  /** Copies. */
  public CeremonyTranscript {
    sessionId = sessionId.clone();
    dealers = List.copyOf(dealers);
    confirmations = List.copyOf(confirmations);
  }

  @Override
  public byte[] sessionId() {
    return sessionId.clone();
  }

  /** The dealers' ids, in order. */
  public List<Integer> dealerIds() {
    return dealers.stream().map(DealerBroadcast::dealer).toList();
  }
}
