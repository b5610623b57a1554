package org.tabella.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabella.voting.Fixtures.DEALT;
import static org.tabella.voting.Fixtures.MIXED;
import static org.tabella.voting.Fixtures.REFERENDUM;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.ProvenCiphertext;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.groups.Group;

@DisplayName("ballots")
class BallotsTest {
  static final Group G = DEALT.key().publicKey().group();

  @Test
  @DisplayName("every contest type encrypts, verifies and survives its encoding")
  void valid() throws Exception {
    Ballot b = Fixtures.mixedBallot("v1", 1, 2, new int[] {1, 0, 0, 1});
    assertTrue(Ballots.verify(MIXED, DEALT.key().publicKey(), b).isEmpty());
    Ballot back = BallotCodec.decode(G, BallotCodec.encode(b));
    assertTrue(Ballots.verify(MIXED, DEALT.key().publicKey(), back).isEmpty());
    assertEquals(Ballots.trackingCode(MIXED, b), Ballots.trackingCode(MIXED, back));
    Ballot blank = Fixtures.mixedBallot("v2", 0, -1, new int[] {0, 0, 0, 0});
    assertTrue(Ballots.verify(MIXED, DEALT.key().publicKey(), blank).isEmpty());
  }

  @Test
  @DisplayName("votes other than 0/1 and overvotes cannot be made")
  void cannotMakeInvalid() {
    var pk = DEALT.key().publicKey();
    assertThrows(IllegalArgumentException.class, () -> Ballots.encrypt(REFERENDUM, pk, "x", Map.of("question", new int[] {2})));
    assertThrows(IllegalArgumentException.class, () -> Ballots.encrypt(REFERENDUM, pk, "x", Map.of("question", new int[] {-1})));
    assertThrows(IllegalArgumentException.class, () -> Fixtures.mixedBallot("x", 1, 0, new int[] {1, 1, 1, 0}));
  }

  @Test
  @DisplayName("a vote of 2 or −1 wearing a 0/1 proof is rejected")
  void forgedVote() {
    var pk = DEALT.key().publicKey();
    Ballot yes = Ballots.referendum(REFERENDUM, pk, "f", true);
    ProvenCiphertext sel = yes.contests().get(0).selections().get(0);
    for (int shift : new int[] {1, -2}) {
      Ciphertext moved = new Ciphertext(sel.ciphertext().a(),
          sel.ciphertext().b().mul(G.generator().exp(G.scalar(shift))));
      Ballot forged = new Ballot("f", List.of(new ContestBallot("question", List.of(new ProvenCiphertext(moved, sel.proof())), null)));
      assertFalse(Ballots.verify(REFERENDUM, pk, forged).isEmpty());
    }
  }

  @Test
  @DisplayName("a proof copied into another ballot id or election, and an overvote with a forged sum, are rejected")
  void copiedAndOvervote() {
    var pk = DEALT.key().publicKey();
    Ballot b = Ballots.referendum(REFERENDUM, pk, "orig", true);
    Ballot copy = new Ballot("copy", b.contests());
    assertFalse(Ballots.verify(REFERENDUM, pk, copy).isEmpty());
    var other = Fixtures.referendum("ref-2", TallyMode.COUNT);
    assertFalse(Ballots.verify(other, pk, b).isEmpty());
    // Overvote: three approvals (each a valid 0/1) with the sum proof of a two-approval ballot.
    Ballot two = Fixtures.mixedBallot("o", 1, 0, new int[] {1, 1, 0, 0});
    Ballot three = Fixtures.mixedBallot("o", 1, 0, new int[] {0, 0, 1, 0});
    List<ProvenCiphertext> sel = new ArrayList<>(two.contests().get(2).selections());
    sel.set(2, three.contests().get(2).selections().get(2));
    ContestBallot over = new ContestBallot("council", sel, two.contests().get(2).sumProof());
    Ballot overvote = new Ballot("o", List.of(two.contests().get(0), two.contests().get(1), over));
    assertFalse(Ballots.verify(MIXED, pk, overvote).isEmpty());
  }

  @Test
  @DisplayName("a sum-proof flag other than 0/1 and invalid UTF-8 in an id are refused (canonical bytes only)")
  void canonical() {
    var pk = DEALT.key().publicKey();
    byte[] enc = BallotCodec.encode(Ballots.referendum(REFERENDUM, pk, "x", true));
    assertEquals(0, enc[enc.length - 1]);
    enc[enc.length - 1] = 7;
    assertThrows(MalformedEncodingException.class, () -> BallotCodec.decode(G, enc));
    byte[] bad = BallotCodec.encode(Ballots.referendum(REFERENDUM, pk, "x", true));
    int at = 4 + "tabella-ballot-v1".length() + 4; // the first byte of the ballot id
    bad[at] = (byte) 0xff;
    var e = assertThrows(MalformedEncodingException.class, () -> BallotCodec.decode(G, bad));
    assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
  }

  @Test
  @DisplayName("ids are limited in UTF-8 bytes, not characters: 100 × 'é' (200 bytes) is refused")
  void idLimitInBytes() {
    var pk = DEALT.key().publicKey();
    assertThrows(IllegalArgumentException.class, () -> Ballots.referendum(REFERENDUM, pk, "é".repeat(100), true));
    assertEquals(128, Ballots.referendum(REFERENDUM, pk, "é".repeat(64), true).ballotId().getBytes(
        java.nio.charset.StandardCharsets.UTF_8).length);
    assertThrows(IllegalArgumentException.class, () -> Ballots.referendum(REFERENDUM, pk, "\ud800", true),
        "an unpaired surrogate has no UTF-8 form");
  }

  @Test
  @DisplayName("a ballot with a wrong shape names what is wrong")
  void shape() {
    var pk = DEALT.key().publicKey();
    Ballot b = Ballots.referendum(REFERENDUM, pk, "s", true);
    assertFalse(Ballots.verify(MIXED, pk, b).isEmpty());
    assertTrue(Ballots.verify(MIXED, pk, b).get(0).contains("contests"));
  }
}
