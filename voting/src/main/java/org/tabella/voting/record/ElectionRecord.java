package org.tabella.voting.record;

import java.util.List;
import java.util.Objects;
import org.tabella.crypto.threshold.ThresholdKey;
import org.tabella.voting.ElectionParameters;

/**
 * Everything needed to check an election from the outside (SPEC.md §4.4): the parameters, the
 * threshold key (joint key, quorum, every trustee's verification key, the qualified dealers), every
 * accepted ballot's canonical bytes in board order with the board's hash-chain head, and every
 * decrypted tally entry with its shares and proofs. Written as a directory of versioned JSON files
 * by {@link RecordIo}; checked by {@link RecordVerifier}.
 *
 * @param election the parameters
 * @param key the threshold key
 * @param qualified the dealers of the key ceremony
 * @param ballots the accepted ballots' canonical bytes, in board order
 * @param boardHead the hash-chain head over the ballots
 * @param entries the decrypted tally entries
 * @param ceremony the key ceremony's public transcript, or null for a key from a trusted dealer
 */
public record ElectionRecord(ElectionParameters election, ThresholdKey key, List<Integer> qualified,
    List<byte[]> ballots, byte[] boardHead, List<DecryptedEntry> entries, Ceremony ceremony) {

  /**
   * The public part of a key ceremony: its session id and the qualified dealers' round-1
   * broadcasts (commitments and proofs of possession).
   *
   * @param sessionId the ceremony's session id
   * @param dealers the qualified dealers' broadcasts
   */
  public record Ceremony(byte[] sessionId, List<org.tabella.crypto.dkg.DealerBroadcast> dealers) {
    /** Copies. */
    public Ceremony {
      sessionId = sessionId.clone();
      dealers = List.copyOf(dealers);
    }

    @Override
    public byte[] sessionId() {
      return sessionId.clone();
    }
  }
  /** Version written in every file. */
  public static final int VERSION = 1;

  /** Copies and checks presence. */
  public ElectionRecord {
    Objects.requireNonNull(election, "election");
    Objects.requireNonNull(key, "key");
    qualified = List.copyOf(qualified);
    ballots = List.copyOf(ballots);
    boardHead = boardHead.clone();
    entries = List.copyOf(entries);
  }

  @Override
  public byte[] boardHead() {
    return boardHead.clone();
  }
}
