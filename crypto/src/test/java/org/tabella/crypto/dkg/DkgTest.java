package org.tabella.crypto.dkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.DiscreteLog;
import org.tabella.crypto.elgamal.ElGamal;
import org.tabella.crypto.sharing.Shamir;
import org.tabella.crypto.sharing.Share;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.crypto.threshold.KeyShare;
import org.tabella.crypto.threshold.ThresholdDecryption;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.groups.SecretScalar;

@DisplayName("the distributed key generation")
class DkgTest {
  static final Group G = Groups.named("ristretto255");
  static final byte[] SESSION = "ceremony-1".getBytes(StandardCharsets.UTF_8);

  static DkgHarness harness() {
    return new DkgHarness(new DkgParameters(G, 5, 3, SESSION));
  }

  static void assertAgreement(Map<Integer, Object> results, Set<Integer> expectedQualified) throws Exception {
    DkgResult first = null;
    List<Share> shares = new ArrayList<>();
    for (Object o : results.values()) {
      DkgResult r = assertInstanceOf(DkgResult.class, o);
      if (first == null) {
        first = r;
      }
      assertEquals(first.key(), r.key(), "all parties derive the same public side");
      assertEquals(expectedQualified, r.qualified());
      shares.add(new Share(r.share().index(), r.share().value()));
      assertEquals(G.generator().exp(r.share().value().reveal()), r.key().verificationKeys().get(r.share().index()));
    }
    // Any 3 shares interpolate the joint secret; fewer do not.
    SecretScalar secret = Shamir.reconstruct(G, shares.subList(0, 3));
    assertEquals(first.key().publicKey().element(), G.generator().exp(secret.reveal()));
    assertFalse(first.key().publicKey().element().equals(
        G.generator().exp(Shamir.reconstruct(G, shares.subList(0, 2)).reveal())));
    // And a quorum decrypts.
    Ciphertext c = ElGamal.encrypt(first.key().publicKey(), 42);
    List<DecryptionShare> ds = new ArrayList<>();
    for (Object o : results.values()) {
      KeyShare ks = ((DkgResult) o).share();
      ds.add(ThresholdDecryption.share(ks, c, SESSION));
    }
    var result = ThresholdDecryption.combine(first.key(), c, ds, SESSION);
    assertEquals(42, DiscreteLog.forBound(G, 100).solve(result.plaintextElement()));
  }

  @Test
  @DisplayName("five honest parties agree on a key any three can use")
  void honest() throws Exception {
    Map<Integer, Object> results = harness().run();
    assertEquals(5, results.size());
    assertAgreement(results, Set.of(1, 2, 3, 4, 5));
    assertTrue(((DkgResult) results.get(1)).misbehaviour().isEmpty());
  }

  @Test
  @DisplayName("a silent party is absent; two silent parties still leave a quorum")
  void silentParties() throws Exception {
    DkgHarness h = harness();
    h.silentFrom.put(4, 1);
    h.silentFrom.put(5, 1);
    Map<Integer, Object> results = h.run();
    assertEquals(Set.of(1, 2, 3), results.keySet());
    assertAgreement(results, Set.of(1, 2, 3));
  }

  @Test
  @DisplayName("a bad share is complained about and resolved by a public reveal")
  void badShareRevealedCorrectly() throws Exception {
    DkgHarness h = harness();
    h.tamperShares = shares -> {
      List<PrivateShare> out = new ArrayList<>();
      for (PrivateShare s : shares) {
        out.add(s.dealer() == 2 && s.recipient() == 4
            ? new PrivateShare(2, 4, SecretScalar.of(s.share().reveal().add(G.scalar(1)))) : s);
      }
      return out;
    };
    Map<Integer, Object> results = h.run();
    assertAgreement(results, Set.of(1, 2, 3, 4, 5));
  }

  @Test
  @DisplayName("a dealer that withholds its reveal is disqualified by everyone")
  void withheldReveal() throws Exception {
    DkgHarness h = harness();
    h.tamperShares = shares -> shares.stream().filter(s -> !(s.dealer() == 3 && s.recipient() == 1)).toList();
    h.tamperReveal = r -> r.dealer() == 3 ? new RevealBroadcast(3, Map.of()) : r;
    Map<Integer, Object> results = h.run();
    assertAgreement(results, Set.of(1, 2, 4, 5));
    assertTrue(((DkgResult) results.get(1)).misbehaviour().stream().anyMatch(m -> m.party() == 3));
  }

  @Test
  @DisplayName("a dealer that reveals a wrong share is disqualified")
  void wrongReveal() throws Exception {
    DkgHarness h = harness();
    h.tamperShares = shares -> shares.stream().filter(s -> !(s.dealer() == 3 && s.recipient() == 1)).toList();
    h.tamperReveal = r -> r.dealer() == 3 ? new RevealBroadcast(3, Map.of(1, G.scalar(5))) : r;
    assertAgreement(h.run(), Set.of(1, 2, 4, 5));
  }

  @Test
  @DisplayName("a dealer that shows one party other commitments: that party aborts, every party that finishes agrees")
  void equivocation() throws Exception {
    DkgHarness h = harness();
    DealerBroadcast[] other = new DealerBroadcast[1];
    h.tamperBroadcast = (from, to, b) -> {
      if (from != 5 || to != 2) {
        return b;
      }
      // A second, internally valid dealing shown only to party 2.
      if (other[0] == null) {
        other[0] = new DkgParty(h.params, 5).deal().broadcast();
      }
      return other[0];
    };
    Map<Integer, Object> results = h.run();
    // Over the network, consistent broadcast catches the two signed versions and delivers dealer 5
    // to nobody (CeremonyOverTlsTest); here, with no network, the quorum's echoes decide and the
    // party that was shown the other version aborts instead of deriving another key.
    assertInstanceOf(DkgFailedException.class, results.remove(2));
    assertAgreement(results, Set.of(1, 2, 3, 4, 5));
  }

  @Test
  @DisplayName("a dealer whose broadcast reached only some parties (a crash mid-broadcast) is out for everyone")
  void partialBroadcast() throws Exception {
    DkgHarness h = harness();
    h.tamperBroadcast = (from, to, b) -> from == 4 && to != 1 ? null : b;
    Map<Integer, Object> results = h.run();
    for (Object o : results.values()) {
      assertFalse(((DkgResult) o).qualified().contains(4));
    }
    assertAgreement(results, Set.of(1, 2, 3, 5));
  }

  @Test
  @DisplayName("no veto (review finding 7): one party echoing only itself in round 2 disqualifies no honest dealer")
  void noVeto() throws Exception {
    DkgHarness h = harness();
    h.tamperComplaint = c -> c.from() == 5 ? new ComplaintBroadcast(5, List.of(), Map.of(5, c.echoes().get(5))) : c;
    assertAgreement(h.run(), Set.of(1, 2, 3, 4, 5));
    DkgHarness liar = harness();
    // A lying echo (a made-up digest) is no worse than a missing one.
    liar.tamperComplaint = c -> {
      if (c.from() != 5) {
        return c;
      }
      Map<Integer, byte[]> fake = new java.util.TreeMap<>();
      c.echoes().forEach((d, x) -> fake.put(d, d == 5 ? x : new byte[32]));
      return new ComplaintBroadcast(5, List.of(1, 2), fake);
    };
    assertAgreement(liar.run(), Set.of(1, 2, 3, 4, 5));
  }

  @Test
  @DisplayName("a copied proof of possession, a wrong commitment count and an identity commitment disqualify")
  void invalidBroadcasts() throws Exception {
    DkgHarness h = harness();
    DealerBroadcast[] dealer1 = new DealerBroadcast[1];
    h.tamperBroadcast = (from, to, b) -> {
      if (from == 1) {
        dealer1[0] = b;
      }
      if (from == 2 && dealer1[0] != null) {
        return new DealerBroadcast(2, dealer1[0].commitments(), dealer1[0].proofOfPossession());
      }
      if (from == 3) {
        return new DealerBroadcast(3, b.commitments().subList(0, 2), b.proofOfPossession());
      }
      if (from == 4) {
        List<org.tabella.groups.Element> cs = new ArrayList<>(b.commitments());
        cs.set(2, G.identity());
        return new DealerBroadcast(4, cs, b.proofOfPossession());
      }
      return b;
    };
    Map<Integer, Object> results = h.run();
    // Dealers 2, 3, 4 are out for parties 1 and 5; only 1 and 5 remain: fewer than k = 3. The
    // cheating dealers themselves hold another version of their own broadcast and abort too.
    for (var e : results.entrySet()) {
      DkgFailedException x = assertInstanceOf(DkgFailedException.class, e.getValue());
      if (e.getKey() == 1 || e.getKey() == 5) {
        assertTrue(x.getMessage().contains("2 dealers qualified"), x.getMessage());
      }
    }
  }

  @Test
  @DisplayName("a proof of possession from another session does not verify")
  void replayedAcrossSessions() {
    DkgParameters a = new DkgParameters(G, 3, 2, "session-a".getBytes(StandardCharsets.UTF_8));
    DkgParameters b = new DkgParameters(G, 3, 2, "session-b".getBytes(StandardCharsets.UTF_8));
    DealerBroadcast fromA = new DkgParty(a, 1).deal().broadcast();
    assertTrue(fromA.proofOfPossession().verify(fromA.commitments().get(0), DkgParty.popContext(a, 1)));
    assertFalse(fromA.proofOfPossession().verify(fromA.commitments().get(0), DkgParty.popContext(b, 1)));
    assertFalse(fromA.proofOfPossession().verify(fromA.commitments().get(0), DkgParty.popContext(a, 2)));
  }

  @Test
  @DisplayName("steps out of order, and bad parameters, are refused")
  void misuse() {
    DkgParty p = new DkgParty(new DkgParameters(G, 3, 2, SESSION), 1);
    assertThrows(IllegalStateException.class, () -> p.receiveRound1(List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> new DkgParty(new DkgParameters(G, 3, 2, SESSION), 0));
    assertThrows(IllegalArgumentException.class, () -> new DkgParameters(G, 3, 4, SESSION));
    assertThrows(IllegalArgumentException.class, () -> new DkgParameters(G, 3, 2, new byte[0]));
  }
}
