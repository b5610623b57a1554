package org.tabella.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.groups.Groups;
import org.tabella.network.node.NodeOptions;
import org.tabella.network.node.OutgoingFilter;
import org.tabella.network.node.PartyNode;
import org.tabella.network.roster.Identity;
import org.tabella.network.roster.Roster;
import org.tabella.network.roster.RosterTool;
import org.tabella.voting.Ballot;
import org.tabella.voting.Ballots;
import org.tabella.voting.Contest;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.TallyMode;
import org.tabella.voting.record.RecordVerifier;

/**
 * Security review finding 3: one party leaving the dissenter's ballot out of its round-2 view made
 * every party print "unanimous". Ballots now travel in one agreed round (SPEC.md §3.3.2): here the
 * dissenter's ballot reaches party 1 only and party 3 relays nothing but its own ballot, yet every
 * honest board holds the dissenter's ballot and the result is "not unanimous". (A ballot that is
 * missing counts as dissent anyway, so a liar could at most turn the result into "not unanimous".)
 */
@DisplayName("unanimity cannot be forged by excluding the dissenter's ballot")
@Timeout(120)
class UnanimityExclusionTest {
  @TempDir
  Path dir;

  @Test
  void excludingTheDissenterGivesNotUnanimous() throws Exception {
    Roster roster = RosterTool.create(dir, 3, "ristretto255", "127.0.0.1", RosterTool.freeLoopbackPorts(5));
    ExecutorService pool = Executors.newFixedThreadPool(5);
    Map<Integer, PartyNode> nodes = new TreeMap<>();
    try {
      Map<Integer, Future<PartyNode>> starting = new TreeMap<>();
      for (int id = 1; id <= 5; id++) {
        NodeOptions options = NodeOptions.defaults().withRoundTimeout(Duration.ofSeconds(5))
            .withConnectTimeout(Duration.ofSeconds(20)).withDelta(Duration.ofMillis(50));
        // Party 3 relays no one's ballot but sends its own; party 5, the dissenter, sends its
        // ballot to party 1 only.
        OutgoingFilter faults = id == 3
            ? (inst, round, to, p) -> inst.startsWith("ballots/") && !contains(p, "party-3") ? null : p
            : id == 5 ? (inst, round, to, p) -> inst.startsWith("ballots/") && contains(p, "party-5") && to != 1 ? null : p
            : OutgoingFilter.NONE;
        Identity identity = Identity.load(roster, id, RosterTool.keyFile(dir, id));
        starting.put(id, pool.submit(() -> PartyNode.startWithFaults(roster, identity, options, faults)));
      }
      for (var e : starting.entrySet()) {
        nodes.put(e.getKey(), e.getValue().get(30, TimeUnit.SECONDS));
      }
      Map<Integer, Future<DkgResult>> dkg = new TreeMap<>();
      nodes.forEach((id, n) -> dkg.put(id, pool.submit(() -> n.runDkg())));
      Map<Integer, DkgResult> keys = new TreeMap<>();
      for (var e : dkg.entrySet()) {
        keys.put(e.getKey(), e.getValue().get(60, TimeUnit.SECONDS));
      }
      ElectionParameters election = ElectionParameters.builder("unanimity-attack", Groups.named("ristretto255"))
          .trustees(5).quorum(3).contest(Contest.referendum("question")).mode(TallyMode.UNANIMOUS).voters(5).build();
      Map<Integer, Future<BoardroomElection.Outcome>> outcomes = new TreeMap<>();
      for (var e : nodes.entrySet()) {
        int id = e.getKey();
        PartyNode n = e.getValue();
        Ballot mine = Ballots.referendum(election, keys.get(id).key().publicKey(), "party-" + id, id != 5);
        outcomes.put(id, pool.submit(() -> {
          List<Ballot> ballots = new java.util.ArrayList<>(BoardroomElection.castAndCollect(n, election, mine));
          // A voter's ballot with another ballot's proofs: each board refuses it, and says why.
          ballots.add(new Ballot("copied", mine.contests()));
          return BoardroomElection.tallyAndDecrypt(n, election, keys.get(id), ballots, dir.resolve("board-" + id + ".log"));
        }));
      }
      for (var e : outcomes.entrySet()) {
        if (e.getKey() == 3) {
          continue; // only the honest parties matter
        }
        BoardroomElection.Outcome o = e.getValue().get(90, TimeUnit.SECONDS);
        assertTrue(o.record().ballots().toList().stream().anyMatch(b -> contains(b, "party-5")),
            "party " + e.getKey() + " kept the dissenter's ballot");
        assertTrue(o.record().ballots().size() == 5, "every ballot is on party " + e.getKey() + "'s board");
        assertFalse(o.unanimous(), "party " + e.getKey() + " printed unanimous");
        assertTrue(o.refused().containsKey("copied"), "the refused ballot is reported: " + o.refused());
        assertTrue(RecordVerifier.verify(o.record()).valid());
      }
    } finally {
      nodes.values().forEach(PartyNode::close);
      pool.shutdownNow();
    }
  }

  static boolean contains(byte[] haystack, String needle) {
    return new String(haystack, java.nio.charset.StandardCharsets.ISO_8859_1).contains(needle);
  }
}
