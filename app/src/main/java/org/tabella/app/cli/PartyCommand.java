package org.tabella.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.tabella.network.node.NodeOptions;
import org.tabella.network.node.PartyNode;
import org.tabella.network.roster.Identity;
import org.tabella.network.roster.Roster;
import org.tabella.network.roster.RosterTool;
import org.tabella.voting.Ballot;
import org.tabella.voting.Ballots;
import org.tabella.app.BoardroomElection;
import org.tabella.groups.Groups;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.TallyMode;
import org.tabella.voting.record.RecordIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tabella party}: one party of an election, in its own process (one per machine). */
@Command(name = "party", mixinStandardHelpOptions = true,
    description = "Run one party: key ceremony, vote, tally, threshold decryption.")
final class PartyCommand implements Callable<Integer> {
  @Option(names = "--roster", required = true, description = "the roster file")
  Path roster;
  @Option(names = "--id", required = true, description = "this party's id")
  int id;
  @Option(names = "--key", description = "this party's key file (default: party-<id>.key.pem next to the roster)")
  Path key;
  @Option(names = "--vote", description = "0 or 1 (default: no vote)")
  Integer vote;
  @Option(names = "--unanimous", description = "reveal only whether every vote was yes")
  boolean unanimous;
  @Option(names = "--record", description = "write this party's view of the election record here")
  Path record;
  @Option(names = "--board", description = "this party's board file (default: board-<id>.log next to the roster)")
  Path board;
  @Option(names = "--resume", description = "reuse an existing board file (only a board of this very election and key opens)")
  boolean resume;
  @Option(names = "--wait", defaultValue = "120", description = "seconds to wait for peers (default ${DEFAULT-VALUE})")
  int waitSeconds;
  @Option(names = "--round-timeout", defaultValue = "30", description = "seconds per round (default ${DEFAULT-VALUE})")
  int roundSeconds;
  @Option(names = "--delta", defaultValue = "1000", description = "the round bound Δ in milliseconds: the longest a"
      + " message between two online parties takes, clock offsets included; an agreed round lasts (3 + 2t)·Δ"
      + " (default ${DEFAULT-VALUE})")
  int deltaMillis;

  @Override
  public Integer call() throws Exception {
    if (deltaMillis < 1 || deltaMillis > 600_000) {
      throw UserError.usage("--delta is 1..600000 milliseconds, not " + deltaMillis);
    }
    if (vote != null && vote != 0 && vote != 1) {
      throw UserError.usage("--vote is 0 or 1, not " + vote);
    }
    if (!Files.exists(roster)) {
      throw UserError.input("roster not found: " + roster);
    }
    Roster r = Roster.load(roster);
    if (!r.parties().containsKey(id)) {
      throw UserError.usage("--id " + id + " is not in the roster (its parties are 1.." + r.size() + ")");
    }
    Path dir = roster.toAbsolutePath().getParent();
    Path boardFile = board != null ? board : dir.resolve("board-" + id + ".log");
    if (Files.exists(boardFile) && !resume) {
      throw UserError.usage(boardFile + " is left from an earlier run; remove it, or pass --resume to reopen the same"
          + " election's board");
    }
    Identity identity = Identity.load(r, id, key != null ? key : RosterTool.keyFile(dir, id));
    NodeOptions options = NodeOptions.defaults().withConnectTimeout(Duration.ofSeconds(waitSeconds))
        .withRoundTimeout(Duration.ofSeconds(roundSeconds)).withDelta(Duration.ofMillis(deltaMillis));
    try (PartyNode node = PartyNode.start(r, identity, options)) {
      java.util.Set<Integer> missing = new java.util.TreeSet<>(node.peers());
      missing.removeAll(node.connectedPeers());
      System.out.printf("party %d: connected to %s%s%n", id, node.connectedPeers(),
          missing.isEmpty() ? "" : "; never connected: " + missing + " (absent unless they come up)");
      org.tabella.crypto.dkg.DkgResult key;
      try {
        key = node.runDkg();
      } catch (org.tabella.crypto.dkg.DkgFailedException e) {
        throw UserError.network("the key ceremony failed: " + e.getMessage()
            + (missing.isEmpty() ? "" : "; peers that never connected: " + missing));
      }
      ElectionParameters election = Elections.referendum(Elections.runId("party", key),
          Groups.named(r.group()), r.size(), r.quorum(), unanimous ? TallyMode.UNANIMOUS : TallyMode.COUNT, r.size());
      Ballot mine = vote == null ? null : Ballots.referendum(election, key.key().publicKey(), "party-" + id, vote == 1);
      List<Ballot> ballots = BoardroomElection.castAndCollect(node, election, mine);
      BoardroomElection.Outcome outcome;
      try {
        outcome = BoardroomElection.tallyAndDecrypt(node, election, key, ballots, boardFile);
      } catch (org.tabella.crypto.threshold.InsufficientSharesException e) {
        java.util.Set<Integer> gone = new java.util.TreeSet<>(node.peers());
        gone.removeAll(node.connectedPeers());
        throw UserError.network("decryption failed: " + e.getMessage() + "; parties not connected now: " + gone);
      }
      outcome.refused().forEach((ballot, reason) -> System.out.printf("party %d: ballot %s refused: %s%n", id, ballot,
          reason));
      if (record != null) {
        RecordIo.write(outcome.record(), record);
      }
      if (unanimous) {
        System.out.println(outcome.unanimous() ? "result: unanimous" : "result: not unanimous");
      } else {
        long yes = outcome.counts().get(0);
        System.out.printf("result: %d yes, %d no%n", yes, outcome.record().ballots().size() - yes);
      }
      return 0;
    }
  }
}
