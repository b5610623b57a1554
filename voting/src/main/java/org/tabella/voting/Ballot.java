package org.tabella.voting;

import java.util.List;
import java.util.Objects;

/**
 * An encrypted ballot: its id and one {@link ContestBallot} per contest, in the election's order.
 * Every proof in it is bound to the election and to this ballot id (SPEC.md §4.2), so it cannot be
 * copied into another ballot or election.
 *
 * @param ballotId unique per ballot (1..128 characters)
 * @param contests the contests, in the election's order
 */
public record Ballot(String ballotId, List<ContestBallot> contests) {
  /** Copies and checks. */
  public Ballot {
    Objects.requireNonNull(ballotId, "ballotId");
    if (ballotId.isEmpty() || ballotId.length() > 128) {
      throw new IllegalArgumentException("ballot id must be 1..128 characters");
    }
    contests = List.copyOf(contests);
  }
}
