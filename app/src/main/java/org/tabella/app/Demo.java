package org.tabella.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.network.node.NodeOptions;
import org.tabella.network.node.PartyNode;
import org.tabella.network.roster.Identity;
import org.tabella.network.roster.Roster;
import org.tabella.network.roster.RosterTool;
import org.tabella.groups.Groups;
import org.tabella.voting.Ballot;
import org.tabella.voting.Ballots;
import org.tabella.voting.Contest;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.TallyMode;
import org.tabella.voting.record.RecordIo;
import org.tabella.voting.record.RecordVerifier;
import org.tabella.voting.record.VerificationReport;

/**
 * The ElGamal tally demo: n parties, each a node with its own loopback port and TLS identity, run
 * the key ceremony, each casts a 0/1 vote with its proof by broadcast, optional extra voters'
 * ballots go through the board, every party multiplies the ballots, the parties still present
 * threshold-decrypt, and the outcome is checked against the votes cast and the election record
 * verified. Exit code 0 only if all of that holds.
 */
public final class Demo {
  private Demo() {}

  /**
   * Demo settings.
   *
   * @param group group name
   * @param parties n
   * @param quorum k
   * @param voters extra voters' ballots through the board
   * @param absent parties that go offline before decryption
   * @param unanimous unanimous mode
   * @param dissent in unanimous mode, whether one party votes no
   * @param recordDir where to write the record (null: a temporary directory)
   * @param seed seed for the votes (null: random)
   */
  public record Options(String group, int parties, int quorum, int voters, int absent, boolean unanimous,
      boolean dissent, Path recordDir, Long seed) {}

  /** Runs the demo; returns the exit code. */
  public static int run(Options o, PrintStream out) throws Exception {
    long t0 = System.nanoTime();
    if (o.quorum() < 1 || o.quorum() > o.parties() || o.parties() - o.absent() < o.quorum() || o.absent() < 0) {
      out.println("error: need 1 ≤ quorum ≤ parties − absent");
      return 2;
    }
    Path work = Files.createTempDirectory("tabella-demo");
    Path recordDir = o.recordDir() != null ? o.recordDir() : work.resolve("record");
    Random votesRng = o.seed() == null ? new SecureRandom() : new Random(o.seed());
    out.printf("tabella demo: %d parties, quorum %d, %s%s%n", o.parties(), o.quorum(), o.group(),
        o.unanimous() ? ", unanimous mode" : "");

    Roster roster = RosterTool.create(work, o.quorum(), o.group(), "127.0.0.1", RosterTool.freeLoopbackPorts(o.parties()));
    // Every party in this one process, over loopback, and nothing else running during the agreed
    // rounds (the voters' ballots are encrypted before): Δ = 50 ms is far above what a message
    // takes here, and keeps the agreed rounds short.
    NodeOptions nodeOptions = NodeOptions.defaults().withRoundTimeout(Duration.ofSeconds(10))
        .withConnectTimeout(Duration.ofSeconds(20)).withDelta(Duration.ofMillis(50));
    ExecutorService pool = Executors.newFixedThreadPool(o.parties());
    Map<Integer, PartyNode> nodes = new TreeMap<>();
    try {
      Map<Integer, Future<PartyNode>> starting = new TreeMap<>();
      for (int id = 1; id <= o.parties(); id++) {
        Identity identity = Identity.load(roster, id, RosterTool.keyFile(work, id));
        starting.put(id, pool.submit(() -> PartyNode.start(roster, identity, nodeOptions)));
      }
      for (var e : starting.entrySet()) {
        nodes.put(e.getKey(), e.getValue().get());
      }
      Map<Integer, DkgResult> keys = new TreeMap<>();
      Map<Integer, Future<DkgResult>> ceremonies = new TreeMap<>();
      for (PartyNode n : nodes.values()) {
        ceremonies.put(n.id(), pool.submit(() -> n.runDkg()));
      }
      for (var e : ceremonies.entrySet()) {
        keys.put(e.getKey(), e.getValue().get());
      }
      DkgResult key1 = keys.get(1);
      for (DkgResult k : keys.values()) {
        if (!k.key().equals(key1.key())) {
          out.println("error: the parties disagree on the joint key");
          return 1;
        }
      }
      out.printf("  key ceremony ....... %d of %d dealers qualified, joint key %s…%n", key1.qualified().size(),
          o.parties(), HexFormat.of().formatHex(key1.key().publicKey().element().encode()).substring(0, 16));

      ElectionParameters election = ElectionParameters.builder("demo-" + HexFormat.of().formatHex(roster.sessionId()),
              Groups.named(o.group())).trustees(o.parties()).quorum(o.quorum()).contest(Contest.referendum("question"))
          .mode(o.unanimous() ? TallyMode.UNANIMOUS : TallyMode.COUNT)
          .voters(o.unanimous() ? o.parties() + o.voters() : 0).build();
      int[] partyVotes = new int[o.parties() + 1];
      for (int id = 1; id <= o.parties(); id++) {
        partyVotes[id] = o.unanimous() ? 1 : votesRng.nextInt(2);
      }
      if (o.unanimous() && o.dissent()) {
        partyVotes[o.parties()] = 0;
      }
      int[] voterVotes = new int[o.voters()];
      for (int j = 0; j < o.voters(); j++) {
        voterVotes[j] = o.unanimous() ? 1 : votesRng.nextInt(2);
      }
      long voterStart = System.nanoTime();
      java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
      Progress progress = o.voters() >= 2000 ? Progress.start("encrypting voters' ballots", o.voters(), done) : null;
      List<Ballot> voterBallots;
      try {
        voterBallots = IntStream.range(0, o.voters()).parallel()
            .mapToObj(j -> {
              Ballot b = Ballots.referendum(election, key1.key().publicKey(), String.format("voter-%07d", j), voterVotes[j] == 1);
              done.incrementAndGet();
              return b;
            })
            .toList();
      } finally {
        if (progress != null) {
          progress.close();
        }
      }
      if (o.voters() > 0) {
        out.printf("  voters ............. %d ballots encrypted with proofs in %.2f s%n", o.voters(),
            (System.nanoTime() - voterStart) / 1e9);
      }
      Map<Integer, Future<List<Ballot>>> casting = new TreeMap<>();
      for (PartyNode n : nodes.values()) {
        Ballot mine = Ballots.referendum(election, keys.get(n.id()).key().publicKey(), "party-" + n.id(),
            partyVotes[n.id()] == 1);
        casting.put(n.id(), pool.submit(() -> BoardroomElection.castAndCollect(n, election, mine)));
      }
      Map<Integer, List<Ballot>> received = new TreeMap<>();
      for (var e : casting.entrySet()) {
        List<Ballot> all = new ArrayList<>(e.getValue().get());
        all.addAll(voterBallots);
        received.put(e.getKey(), all);
      }
      for (int i = 0; i < o.absent(); i++) {
        int id = o.parties() - i;
        nodes.remove(id).close();
      }
      if (o.absent() > 0) {
        out.printf("  absent ............. %d part%s went offline before decryption%n", o.absent(), o.absent() == 1 ? "y" : "ies");
      }
      Map<Integer, Future<BoardroomElection.Outcome>> tallying = new TreeMap<>();
      for (PartyNode n : nodes.values()) {
        Path board = work.resolve("board-" + n.id() + ".log");
        tallying.put(n.id(), pool.submit(() -> BoardroomElection.tallyAndDecrypt(n, election, keys.get(n.id()),
            received.get(n.id()), board)));
      }
      Map<Integer, BoardroomElection.Outcome> outcomes = new TreeMap<>();
      for (var e : tallying.entrySet()) {
        outcomes.put(e.getKey(), e.getValue().get());
      }
      BoardroomElection.Outcome first = outcomes.values().iterator().next();
      int cast = o.parties() + o.voters();
      int yesCast = o.voters() == 0 ? 0 : IntStream.of(voterVotes).sum();
      for (int id = 1; id <= o.parties(); id++) {
        yesCast += partyVotes[id];
      }
      boolean agree = outcomes.values().stream().allMatch(x -> x.counts().equals(first.counts())
          && x.unanimous() == first.unanimous());
      int accepted = first.record().ballots().size();
      out.printf("  ballots ............ %d cast, %d accepted on every board, tally decrypted by %s%n", cast, accepted,
          outcomes.keySet());
      boolean correct;
      if (o.unanimous()) {
        out.println(first.unanimous() ? "result: unanimous" : "result: not unanimous");
        correct = first.unanimous() == (yesCast == cast);
      } else {
        long yes = first.counts().get(0);
        out.printf("result: %d yes, %d no%n", yes, accepted - yes);
        correct = yes == yesCast && accepted == cast;
      }
      RecordIo.write(first.record(), recordDir);
      VerificationReport report = RecordVerifier.verify(RecordIo.read(recordDir));
      out.printf("  check .............. %s; %s%n", correct ? "matches the votes cast" : "DOES NOT match the votes cast",
          agree ? "all parties agree" : "PARTIES DISAGREE");
      out.printf("  record ............. %s: %s%n", recordDir, report.valid() ? "verified" : "INVALID " + report.findings());
      out.printf("  time ............... %.2f s%n", (System.nanoTime() - t0) / 1e9);
      return correct && agree && report.valid() ? 0 : 1;
    } finally {
      for (PartyNode n : nodes.values()) {
        n.close();
      }
      pool.shutdownNow();
    }
  }
}
