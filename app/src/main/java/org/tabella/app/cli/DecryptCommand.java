package org.tabella.app.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.tabella.app.BoardroomElection;
import org.tabella.app.board.BoardClient;
import org.tabella.crypto.threshold.InsufficientSharesException;
import org.tabella.crypto.threshold.KeyShare;
import org.tabella.crypto.threshold.SealedKeyShare;
import org.tabella.network.node.NodeOptions;
import org.tabella.network.node.PartyNode;
import org.tabella.network.roster.Identity;
import org.tabella.network.roster.Roster;
import org.tabella.network.roster.RosterTool;
import org.tabella.voting.Ballot;
import org.tabella.voting.board.BulletinBoard;
import org.tabella.voting.board.Submission;
import org.tabella.voting.record.ElectionRecord;
import org.tabella.voting.record.InvalidRecordException;
import org.tabella.voting.record.RecordIo;
import org.tabella.voting.record.RecordVerifier;
import org.tabella.voting.record.VerificationReport;
import org.tabella.voting.tally.DecryptedEntry;
import org.tabella.voting.tally.EntryOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tabella decrypt}: this trustee's part of the decryption ceremony after voting closed. It
 * fetches every ballot from the board and checks them itself (each proof, and that they chain to
 * the head the board closed on), opens its sealed share, decrypts the tally with the trustees
 * online over the roster network, verifies the whole record, posts it to the board, and prints
 * the result.
 */
@Command(name = "decrypt", mixinStandardHelpOptions = true,
    description = "Decrypt a closed election's tally with the other trustees online; post the record to the board.")
final class DecryptCommand implements Callable<Integer> {
  @Option(names = "--roster", required = true, description = "the roster of the key ceremony")
  Path roster;
  @Option(names = "--id", required = true, description = "this trustee's id")
  int id;
  @Option(names = "--key", description = "this party's private key (default: party-<id>.key.pem next to the roster)")
  Path key;
  @Option(names = "--share", required = true, description = "this trustee's sealed share (from 'tabella ceremony')")
  Path share;
  @Option(names = "--board", required = true, description = "the board's URL")
  URI board;
  @Option(names = "--pin", required = true, description = "the board certificate's SHA-256 fingerprint")
  String pin;
  @Option(names = "--wait", defaultValue = "120", description = "seconds to wait for the other trustees (default ${DEFAULT-VALUE})")
  int waitSeconds;
  @Option(names = "--round-timeout", defaultValue = "30", description = "seconds per decryption round (default ${DEFAULT-VALUE})")
  int roundSeconds;

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(roster) || !Files.exists(share)) {
      throw UserError.input((Files.exists(roster) ? share : roster) + " not found");
    }
    Roster r = Roster.load(roster);
    if (!r.parties().containsKey(id)) {
      throw UserError.usage("--id " + id + " is not in the roster");
    }
    Identity identity = Identity.load(r, id, key != null ? key : RosterTool.keyFile(roster.toAbsolutePath().getParent(), id));
    BoardClient client;
    try {
      client = new BoardClient(board, pin);
    } catch (IllegalArgumentException e) {
      throw UserError.usage("--pin: " + e.getMessage());
    }
    RecordIo.Definition d;
    BoardClient.BoardBallots fetched;
    try {
      d = client.election();
      client.tally(); // 409 (an IOException here) while voting is open
      fetched = client.allBallots();
    } catch (InvalidRecordException e) {
      throw UserError.input("the board serves an invalid election: " + e.getMessage());
    } catch (java.io.IOException e) {
      throw UserError.network("cannot read the closed board at " + board + ": " + e.getMessage());
    }
    KeyShare mine;
    char[] passphrase = Passphrase.forOpening();
    try {
      mine = SealedKeyShare.unseal(Files.readAllBytes(share), d.key().key(), passphrase);
    } catch (SealedKeyShare.UnsealException | org.tabella.crypto.encoding.MalformedEncodingException e) {
      throw UserError.input(share + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw UserError.input(share + " does not belong to this election: " + e.getMessage());
    } finally {
      Arrays.fill(passphrase, ' ');
    }
    if (mine.index() != id) {
      throw UserError.usage(share + " is trustee " + mine.index() + "'s share, not " + id + "'s");
    }
    // Check every ballot ourselves: a local board verifies each and recomputes the chain head.
    Path work = Files.createTempDirectory("tabella-decrypt");
    List<Ballot> ballots;
    byte[] head;
    try (BulletinBoard local = BulletinBoard.open(work.resolve("board.log"), d.election(), d.key().key().publicKey())) {
      java.util.List<Ballot> decoded = new java.util.ArrayList<>();
      for (byte[] b : fetched.ballots()) {
        decoded.add(org.tabella.voting.BallotCodec.decode(d.election().group(), b));
      }
      List<Submission> results = local.submitAll(decoded);
      for (int i = 0; i < results.size(); i++) {
        if (results.get(i) instanceof Submission.Rejected rej) {
          throw UserError.input("the board holds an invalid ballot at position " + i + ": " + rej.reason());
        }
      }
      ballots = local.ballots();
      head = local.head();
    }
    if (!HexFormat.of().formatHex(head).equals(fetched.head())) {
      throw UserError.input("the board's ballots do not chain to the head it reports");
    }
    System.out.printf("trustee %d: %d ballots checked; head %s%n", id, ballots.size(), fetched.head());
    NodeOptions options = NodeOptions.defaults().withConnectTimeout(Duration.ofSeconds(waitSeconds))
        .withRoundTimeout(Duration.ofSeconds(roundSeconds));
    List<DecryptedEntry> entries;
    try (PartyNode node = PartyNode.start(r, identity, options)) {
      System.out.printf("trustee %d: connected to %s%n", id, node.connectedPeers());
      entries = BoardroomElection.decryptTally(node, d.election(), d.key().key(), mine, ballots);
    } catch (InsufficientSharesException e) {
      throw UserError.network("decryption failed: " + e.getMessage());
    }
    var k = d.key();
    ElectionRecord record = new ElectionRecord(d.election(), k.key(), k.qualified(), java.util.Optional.of(k.ceremony()),
        fetched.ballots(), head, entries);
    VerificationReport report = RecordVerifier.verify(record);
    if (!report.valid()) {
      throw UserError.verification("the decrypted record does not verify: " + report.findings().get(0));
    }
    try {
      client.postDecryption(RecordIo.tallyText(record));
      System.out.printf("trustee %d: record published on the board%n", id);
    } catch (BoardClient.RefusedException e) {
      if (e.status() != 409) {
        throw UserError.network("the board refused the record (HTTP " + e.status() + "): " + e.getMessage());
      }
      System.out.printf("trustee %d: the board already publishes a record (%s)%n", id, e.getMessage());
    }
    for (DecryptedEntry e : entries) {
      String value = e.outcome() instanceof EntryOutcome.Count c ? Long.toString(c.value())
          : ((EntryOutcome.Unanimity) e.outcome()).unanimous() ? "unanimous" : "not unanimous";
      System.out.printf("result: %s option %d: %s%n", e.contestId(), e.option() + 1, value);
    }
    return 0;
  }
}
