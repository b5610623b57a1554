package org.tabella.voting;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tabella.crypto.threshold.TrustedDealer;
import org.tabella.voting.record.ElectionRecord;

/** Shared test setup: a trusted-dealer key and a few elections. */
final class Fixtures {
  static final TrustedDealer.Dealt DEALT = TrustedDealer.deal(org.tabella.groups.Groups.named("ristretto255"), 5, 3);

  static final ElectionParameters REFERENDUM = ElectionParameters.referendum("ref-1", "ristretto255", 5, 3, false);
  static final ElectionParameters MIXED = new ElectionParameters("mixed-1", "ristretto255", 5, 3,
      List.of(Contest.referendum("q1"), Contest.choice("mayor", 3), Contest.approval("council", 4, 2)), false);

  private Fixtures() {}

  static Ballot mixedBallot(String id, int yes, int mayor, int[] council) {
    int[] m = new int[3];
    if (mayor >= 0) {
      m[mayor] = 1;
    }
    return Ballots.encrypt(MIXED, DEALT.key().publicKey(), id, Map.of("q1", new int[] {yes}, "mayor", m, "council", council));
  }

  /** A finished mixed election with 4 ballots, as a record. */
  static ElectionRecord mixedRecord(Path dir) throws Exception {
    try (LocalElection e = new LocalElection(MIXED, DEALT.key(), dir.resolve("board.log"))) {
      e.cast(mixedBallot("a", 1, 0, new int[] {1, 1, 0, 0}));
      e.cast(mixedBallot("b", 0, 2, new int[] {0, 1, 0, 0}));
      e.cast(mixedBallot("c", 1, 0, new int[] {0, 0, 0, 0}));
      e.cast(mixedBallot("d", 1, -1, new int[] {0, 1, 0, 1}));
      return e.tally(List.of(DEALT.shares().get(0), DEALT.shares().get(2), DEALT.shares().get(4)));
    }
  }
}
