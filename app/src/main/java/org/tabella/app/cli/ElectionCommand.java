package org.tabella.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.tabella.crypto.threshold.SealedKeyShare;
import org.tabella.voting.Contest;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.TallyMode;
import org.tabella.voting.record.ElectionKeyFile;
import org.tabella.voting.record.InvalidRecordException;
import org.tabella.voting.record.RecordIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tabella election}: defines an election on a key from a ceremony — its id, contests and
 * mode — and writes its definition: the first two files of its record, {@code election.json} and
 * {@code key.json} (SPEC.md §4.7).
 */
@Command(name = "election", mixinStandardHelpOptions = true,
    description = "Define an election on a ceremony's key: write DIR/election.json and DIR/key.json, the first two"
        + " files of its record.")
final class ElectionCommand implements Callable<Integer> {
  @Option(names = "--id", required = true, description = "the election's id, e.g. city-2026")
  String id;
  @Option(names = "--key", required = true, description = "election-key.json from 'tabella ceremony'")
  Path key;
  @Option(names = "--referendum", description = "a yes/no contest (repeatable): NAME")
  List<String> referendums = new ArrayList<>();
  @Option(names = "--choice", description = "choose one of M options (repeatable): NAME:M")
  List<String> choices = new ArrayList<>();
  @Option(names = "--approval", description = "approve at most L of M options (repeatable): NAME:M:L")
  List<String> approvals = new ArrayList<>();
  @Option(names = "--unanimous", description = "reveal only whether every voter said yes (one referendum, --voters needed)")
  boolean unanimous;
  @Option(names = "--voters", defaultValue = "0", description = "the number of eligible voters (unanimous mode)")
  int voters;
  @Option(names = "--out", required = true, description = "directory for election.json and key.json")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(key)) {
      throw UserError.input("key file not found: " + key);
    }
    ElectionKeyFile.ElectionKey k;
    try {
      k = ElectionKeyFile.read(key);
    } catch (InvalidRecordException e) {
      throw UserError.input(key + ": " + e.getMessage());
    }
    List<Contest> contests = new ArrayList<>();
    try {
      for (String r : referendums) {
        contests.add(Contest.referendum(r));
      }
      for (String c : choices) {
        String[] p = parts(c, 2, "--choice NAME:M");
        contests.add(Contest.choice(p[0], number(p[1], "--choice " + c)));
      }
      for (String a : approvals) {
        String[] p = parts(a, 3, "--approval NAME:M:L");
        contests.add(Contest.approval(p[0], number(p[1], "--approval " + a), number(p[2], "--approval " + a)));
      }
    } catch (IllegalArgumentException e) {
      throw UserError.usage(e.getMessage());
    }
    if (contests.isEmpty()) {
      throw UserError.usage("no contest: give --referendum, --choice or --approval");
    }
    ElectionParameters election;
    try {
      election = ElectionParameters.builder(id, k.group()).trustees(k.trustees()).quorum(k.key().threshold())
          .contests(contests).mode(unanimous ? TallyMode.UNANIMOUS : TallyMode.COUNT).voters(voters).build();
    } catch (IllegalArgumentException e) {
      throw UserError.usage(e.getMessage());
    }
    try {
      RecordIo.writeDefinition(new RecordIo.Definition(election, k), out);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw UserError.usage(e.getFile() + " already exists; an election definition is never overwritten");
    }
    System.out.printf("election %s: %d contest(s), %s mode, key %s… (%d of %d trustees)%n", id, contests.size(),
        unanimous ? "unanimous" : "count", HexFormat.of().formatHex(SealedKeyShare.fingerprint(k.key())).substring(0, 16),
        k.key().threshold(), k.trustees());
    System.out.printf("  election hash %s%n", HexFormat.of().formatHex(election.hash()));
    System.out.printf("  wrote %s and %s%n", out.resolve("election.json"), out.resolve("key.json"));
    return 0;
  }

  private static String[] parts(String value, int n, String form) {
    String[] p = value.split(":", -1);
    if (p.length != n || p[0].isEmpty()) {
      throw new IllegalArgumentException("expected " + form + ", got " + value);
    }
    return p;
  }

  private static int number(String s, String where) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": " + s + " is not a number");
    }
  }
}
