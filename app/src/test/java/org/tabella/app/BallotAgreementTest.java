package org.tabella.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BallotAgreementTest {
  static final byte[] A = {1};
  static final byte[] B = {2};

  @Test
  @DisplayName("a ballot is kept only when every party's view holds exactly it")
  void agreement() {
    Map<Integer, byte[]> mine = Map.of(1, A, 2, A, 3, A);
    // Party 3's ballot reached only some parties; party 2's was seen differently by one view.
    List<Map<Integer, byte[]>> views = List.of(mine, Map.of(1, A, 2, A), Map.of(1, A, 2, B, 3, A));
    assertEquals(Set.of(1), BallotAgreement.agreedSenders(views));
    assertEquals(Set.of(1, 2, 3), BallotAgreement.agreedSenders(List.of(mine, mine, mine)));
  }

  @Test
  @DisplayName("boards order ballots by the UTF-8 bytes of their ids, as SPEC §4.6 says")
  void idOrder() {
    var pk = org.tabella.voting.Fixtures.DEALT.key().publicKey();
    var e = org.tabella.voting.Fixtures.REFERENDUM;
    List<org.tabella.voting.Ballot> ballots = new java.util.ArrayList<>();
    for (String id : List.of("é", "a", "B", "\ud83d\ude00", "\uffff")) {
      ballots.add(org.tabella.voting.Ballots.referendum(e, pk, id, true));
    }
    ballots.sort(BoardroomElection.BY_ID_BYTES);
    // UTF-16 order would put U+FFFF after the emoji; UTF-8 byte order puts it before.
    assertEquals(List.of("B", "a", "é", "\uffff", "\ud83d\ude00"), ballots.stream().map(org.tabella.voting.Ballot::ballotId).toList());
  }
}
