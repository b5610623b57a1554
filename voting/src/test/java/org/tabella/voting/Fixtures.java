package org.tabella.voting;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tabella.crypto.dkg.ComplaintBroadcast;
import org.tabella.crypto.dkg.Confirmation;
import org.tabella.crypto.dkg.DealerBroadcast;
import org.tabella.crypto.dkg.DkgParameters;
import org.tabella.crypto.dkg.DkgParty;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.crypto.dkg.PrivateShare;
import org.tabella.crypto.dkg.RevealBroadcast;
import org.tabella.crypto.signatures.EcdsaP256;
import org.tabella.crypto.threshold.TrustedDealer;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.voting.record.CeremonyTranscript;
import org.tabella.voting.record.ElectionRecord;

/** Shared test setup: a trusted-dealer key and a few elections. */
public final class Fixtures {
  public static final Group G = Groups.named("ristretto255");
  public static final TrustedDealer.Dealt DEALT = TrustedDealer.deal(G, 5, 3);

  public static final ElectionParameters REFERENDUM = referendum("ref-1", TallyMode.COUNT);
  public static final ElectionParameters MIXED = ElectionParameters.builder("mixed-1", G).trustees(5).quorum(3)
      .contest(Contest.referendum("q1")).contest(Contest.choice("mayor", 3)).contest(Contest.approval("council", 4, 2))
      .build();

  private Fixtures() {}

  /** A one-question election with 5 trustees, quorum 3 (unanimous: 4 eligible voters). */
  public static ElectionParameters referendum(String id, TallyMode mode) {
    return ElectionParameters.builder(id, G).trustees(5).quorum(3).contest(Contest.referendum("question")).mode(mode)
        .voters(mode == TallyMode.UNANIMOUS ? 4 : 0).build();
  }

  public static Ballot yesNo(ElectionParameters e, String id, boolean yes) {
    return Ballots.referendum(e, DEALT.key().publicKey(), id, yes);
  }

  public static Ballot mixedBallot(String id, int yes, int mayor, int[] council) {
    int[] m = new int[3];
    if (mayor >= 0) {
      m[mayor] = 1;
    }
    return Ballots.encrypt(MIXED, DEALT.key().publicKey(), id, Map.of("q1", new int[] {yes}, "mayor", m, "council", council));
  }

  /** A finished mixed election with 4 ballots, as a record. */
  public static ElectionRecord mixedRecord(Path dir) throws Exception {
    try (LocalElection e = new LocalElection(MIXED, DEALT.key(), dir.resolve("board.log"))) {
      e.cast(mixedBallot("a", 1, 0, new int[] {1, 1, 0, 0}));
      e.cast(mixedBallot("b", 0, 2, new int[] {0, 1, 0, 0}));
      e.cast(mixedBallot("c", 1, 0, new int[] {0, 0, 0, 0}));
      e.cast(mixedBallot("d", 1, -1, new int[] {0, 1, 0, 1}));
      return e.tally(List.of(DEALT.shares().get(0), DEALT.shares().get(2), DEALT.shares().get(4)));
    }
  }

  /**
   * A 3-party, quorum-2 key from an in-memory key ceremony (DKG), and a finished referendum of
   * three ballots decrypted with it, whose record carries the ceremony transcript.
   */
  public static ElectionRecord ceremonyRecord(Path dir) throws Exception {
    Ceremony c = ceremony();
    Map<Integer, DkgResult> results = c.results();
    DkgResult one = results.get(1);
    ElectionParameters e = ElectionParameters.builder("ceremony-1", G).trustees(3).quorum(2)
        .contest(Contest.referendum("question")).build();
    try (LocalElection le = new LocalElection(e, one.key(), dir.resolve("ceremony-board.log"))) {
      for (int i = 0; i < 3; i++) {
        le.cast(Ballots.referendum(e, one.key().publicKey(), "c" + i, i != 1));
      }
      ElectionRecord r = le.tally(List.of(results.get(1).share(), results.get(3).share()));
      return new ElectionRecord(r.election(), r.key(), c.key().qualified(), Optional.of(c.key().ceremony()), r.ballots(),
          r.boardHead(), r.entries());
    }
  }

  /**
   * A 3-party, quorum-2 in-memory key ceremony: the public outcome as an election key file holds
   * it, and every trustee's result (with its share).
   *
   * @param key the public outcome
   * @param results each trustee's result
   */
  public record Ceremony(org.tabella.voting.record.ElectionKeyFile.ElectionKey key, Map<Integer, DkgResult> results) {}

  /** Runs {@link Ceremony}: three honest parties, every share valid, every party's signed confirmation. */
  public static Ceremony ceremony() throws Exception {
    DkgParameters params = new DkgParameters(G, 3, 2, "fixture-ceremony".getBytes(StandardCharsets.UTF_8));
    Map<Integer, DkgParty> parties = new TreeMap<>();
    Map<Integer, DkgParty.Dealing> dealings = new TreeMap<>();
    for (int i = 1; i <= 3; i++) {
      parties.put(i, new DkgParty(params, i));
      dealings.put(i, parties.get(i).deal());
    }
    List<ComplaintBroadcast> complaints = new ArrayList<>();
    for (int party = 1; party <= 3; party++) {
      int j = party;
      List<DealerBroadcast> bs = new ArrayList<>();
      List<PrivateShare> ps = new ArrayList<>();
      for (var d : dealings.entrySet()) {
        if (d.getKey() != j) {
          bs.add(d.getValue().broadcast());
          d.getValue().privateShares().stream().filter(x -> x.recipient() == j).forEach(ps::add);
        }
      }
      complaints.add(parties.get(j).receiveRound1(bs, ps));
    }
    List<RevealBroadcast> reveals = new ArrayList<>();
    for (DkgParty p : parties.values()) {
      reveals.add(p.receiveRound2(complaints));
    }
    Map<Integer, DkgResult> results = new TreeMap<>();
    for (var p : parties.entrySet()) {
      results.put(p.getKey(), p.getValue().receiveRound3(reveals));
    }
    DkgResult one = results.get(1);
    List<Confirmation> confirmations = new ArrayList<>();
    for (int party = 1; party <= 3; party++) {
      confirmations.add(confirm(party, results.get(party).confirmationDigest()));
    }
    var key = new org.tabella.voting.record.ElectionKeyFile.ElectionKey(G, 3, one.key(),
        new ArrayList<>(new TreeSet<>(one.qualified())), new CeremonyTranscript(one.sessionId(), one.transcript(), confirmations));
    return new Ceremony(key, results);
  }

  /** Party {@code party}'s confirmation of {@code digest}, signed with a fresh P-256 key. */
  public static Confirmation confirm(int party, byte[] digest) throws Exception {
    var kpg = java.security.KeyPairGenerator.getInstance("EC");
    kpg.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
    var kp = kpg.generateKeyPair();
    var w = ((java.security.interfaces.ECPublicKey) kp.getPublic()).getW();
    byte[] sig = EcdsaP256.sign(((java.security.interfaces.ECPrivateKey) kp.getPrivate()).getS(), digest);
    return new Confirmation(party, EcdsaP256.encodePublicKey(w.getAffineX(), w.getAffineY()), sig);
  }

  /** A finished unanimous election of 4 ballots (one of them no when {@code dissent}). */
  public static ElectionRecord unanimousRecord(Path dir, boolean dissent) throws Exception {
    ElectionParameters e = referendum("u-1", TallyMode.UNANIMOUS);
    try (LocalElection le = new LocalElection(e, DEALT.key(), dir.resolve("board.log"))) {
      for (int i = 0; i < 4; i++) {
        le.cast(yesNo(e, "v" + i, !(dissent && i == 2)));
      }
      return le.tally(List.of(DEALT.shares().get(1), DEALT.shares().get(3), DEALT.shares().get(4)));
    }
  }
}
