package org.tabella.app.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.tabella.app.board.BoardClient;
import org.tabella.voting.Contest;
import org.tabella.voting.record.InvalidRecordException;
import org.tabella.voting.record.RecordIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tabella vote}: fetches the election from a board, encrypts this voter's choices with their
 * proofs, submits the ballot (retrying safely), prints the tracking code and checks that the ballot
 * is on the board.
 */
@Command(name = "vote", mixinStandardHelpOptions = true,
    description = "Vote on a board: --choice CONTEST=OPTIONS per contest (a referendum: 1 yes, 0 no; a choice or"
        + " approval: the option numbers 1..M chosen, comma-separated, or nothing).")
final class VoteCommand implements Callable<Integer> {
  @Option(names = "--board", required = true, description = "the board's URL, e.g. https://host:8443/")
  URI board;
  @Option(names = "--pin", required = true, description = "the board certificate's SHA-256 fingerprint")
  String pin;
  @Option(names = "--choice", description = "CONTEST=OPTIONS (repeatable, one per contest)")
  List<String> choices = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    BoardClient client;
    try {
      client = new BoardClient(board, pin);
    } catch (IllegalArgumentException e) {
      throw UserError.usage("--pin: " + e.getMessage());
    }
    RecordIo.Definition d;
    try {
      d = client.election();
    } catch (InvalidRecordException e) {
      throw UserError.input("the board serves an invalid election: " + e.getMessage());
    } catch (java.io.IOException e) {
      throw UserError.network("cannot reach the board at " + board + ": " + e.getMessage());
    }
    Map<String, int[]> selections = new TreeMap<>();
    for (String c : choices) {
      int eq = c.indexOf('=');
      if (eq < 1) {
        throw UserError.usage("--choice is CONTEST=OPTIONS, not " + c);
      }
      String name = c.substring(0, eq);
      Contest contest = d.election().contests().stream().filter(x -> x.id().equals(name)).findFirst()
          .orElseThrow(() -> UserError.usage("the election has no contest " + name + " (its contests: "
              + d.election().contests().stream().map(Contest::id).toList() + ")"));
      if (selections.containsKey(name)) {
        throw UserError.usage("contest " + name + " chosen twice");
      }
      selections.put(name, selections(contest, c.substring(eq + 1)));
    }
    for (Contest contest : d.election().contests()) {
      if (!selections.containsKey(contest.id())) {
        throw UserError.usage("no --choice for contest " + contest.id());
      }
    }
    var ballot = BoardClient.encrypt(d, selections);
    BoardClient.Receipt r;
    try {
      r = client.submit(ballot, 8);
    } catch (BoardClient.RefusedException e) {
      throw UserError.input("the board refused the ballot (HTTP " + e.status() + "): " + e.getMessage());
    } catch (java.io.IOException e) {
      throw UserError.network("the board did not answer: " + e.getMessage() + " (voting again is safe: the same ballot"
          + " is never counted twice)");
    }
    System.out.printf("tracking code: %s%n", r.trackingCode());
    var found = client.lookup(r.trackingCode());
    if (found == null || !found.path("position").isIntegralNumber()) {
      throw UserError.network("the board acknowledged the ballot but does not list it");
    }
    System.out.printf("  on the board at position %d (ballot %s)%n", found.get("position").asLong(), r.ballotId());
    return 0;
  }

  private static int[] selections(Contest contest, String value) throws UserError {
    int[] sel = new int[contest.options()];
    if (contest.options() == 1 && contest.limit() == 1 && (value.equals("0") || value.equals("1"))) {
      sel[0] = Integer.parseInt(value);
      return sel;
    }
    if (value.isEmpty()) {
      return sel;
    }
    for (String part : value.split(",", -1)) {
      int k;
      try {
        k = Integer.parseInt(part.trim());
      } catch (NumberFormatException e) {
        throw UserError.usage("contest " + contest.id() + ": " + part + " is not an option number");
      }
      if (k < 1 || k > contest.options() || sel[k - 1] == 1) {
        throw UserError.usage("contest " + contest.id() + ": options are 1.." + contest.options() + ", each once");
      }
      sel[k - 1] = 1;
    }
    int n = 0;
    for (int s : sel) {
      n += s;
    }
    if (n > contest.limit()) {
      throw UserError.usage("contest " + contest.id() + " allows at most " + contest.limit() + " option(s)");
    }
    return sel;
  }
}
