package org.tabella.voting;

import java.util.List;
import java.util.Objects;
import org.tabella.crypto.encoding.Utf8;

/**
 * An encrypted ballot: its id and one {@link ContestBallot} per contest, in the election's order.
 * Every proof in it is bound to the election and to this ballot id (SPEC.md §4.2), so it cannot be
 * copied into another ballot or election.
 *
 * @param ballotId unique per ballot: 1..128 bytes of UTF-8
 * @param contests the contests, in the election's order (at most {@link ElectionParameters#MAX_CONTESTS})
 */
public record Ballot(String ballotId, List<ContestBallot> contests) {
  /** Largest ballot id, in UTF-8 bytes. */
  public static final int MAX_ID_BYTES = 128;

  /** Copies and checks the limits the codec enforces, so that every ballot has an encoding. */
  public Ballot {
    Objects.requireNonNull(ballotId, "ballotId");
    Utf8.checkLength(ballotId, 1, MAX_ID_BYTES, "a ballot id");
    contests = List.copyOf(contests);
    if (contests.size() > ElectionParameters.MAX_CONTESTS) {
      throw new IllegalArgumentException("a ballot has at most " + ElectionParameters.MAX_CONTESTS + " contests");
    }
  }
}
