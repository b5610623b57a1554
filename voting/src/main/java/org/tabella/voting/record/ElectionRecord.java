package org.tabella.voting.record;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tabella.crypto.threshold.ThresholdKey;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.tally.DecryptedEntry;

/**
 * Everything needed to check an election from the outside (SPEC.md §4.4): the parameters, the
 * threshold key (joint key, quorum, every trustee's verification key) with the qualified dealers
 * and the key ceremony's transcript (absent for a trusted-dealer key), every accepted ballot's
 * canonical bytes in board order with the board's hash-chain head, and every decrypted tally
 * entry with its shares and proofs. Written and read by {@link RecordIo}; checked by
 * {@link RecordVerifier}.
 *
 * @param election the parameters
 * @param key the threshold key
 * @param qualified the qualified dealers of the key ceremony (empty for a trusted dealer)
 * @param ceremony the key ceremony's public transcript, or empty for a key from a trusted dealer
 * @param ballots the accepted ballots' canonical bytes, in board order (in memory, or read chunk by
 *     chunk from a record directory)
 * @param boardHead the hash-chain head over the ballots
 * @param entries the decrypted tally entries
 */
public record ElectionRecord(ElectionParameters election, ThresholdKey key, List<Integer> qualified,
    Optional<CeremonyTranscript> ceremony, RecordBallots ballots, byte[] boardHead, List<DecryptedEntry> entries) {
  /** The record format version this library writes and reads. */
  public static final int VERSION = 3;

  /** Copies and checks presence. */
  public ElectionRecord {
    Objects.requireNonNull(election, "election");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(ceremony, "ceremony");
    qualified = List.copyOf(qualified);
    Objects.requireNonNull(ballots, "ballots");
    boardHead = boardHead.clone();
    entries = List.copyOf(entries);
  }

  /** A record whose ballots are in memory (copied). */
  public ElectionRecord(ElectionParameters election, ThresholdKey key, List<Integer> qualified,
      Optional<CeremonyTranscript> ceremony, List<byte[]> ballots, byte[] boardHead, List<DecryptedEntry> entries) {
    this(election, key, qualified, ceremony, RecordBallots.of(ballots), boardHead, entries);
  }

  @Override
  public byte[] boardHead() {
    return boardHead.clone();
  }
}
