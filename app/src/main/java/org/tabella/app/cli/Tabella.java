package org.tabella.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.tabella.app.Demo;
import org.tabella.voting.record.RecordIo;
import org.tabella.voting.record.RecordVerifier;
import org.tabella.voting.record.ElectionRecord;
import org.tabella.voting.record.InvalidRecordException;

/** The {@code tabella} command line. */
@Command(name = "tabella", mixinStandardHelpOptions = true, version = "tabella 0.1.0",
    description = "Threshold ElGamal elections: demo, parties on several machines, verification.",
    subcommands = {Tabella.DemoCommand.class, KeygenCommand.class, RosterCommand.class, PartyCommand.class, Tabella.VerifyCommand.class,
        VectorsCommand.class, BenchCommand.class})
public final class Tabella implements Runnable {
  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /** Entry point. */
  public static void main(String[] args) {
    System.setProperty("java.util.logging.config.file", "");
    java.util.logging.LogManager.getLogManager().reset();
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
    int code = new CommandLine(new Tabella()).execute(args);
    System.exit(code);
  }

  /** {@code tabella demo}. */
  @Command(name = "demo", mixinStandardHelpOptions = true,
      description = "Run a threshold ElGamal election between parties on loopback TLS and verify it.")
  static final class DemoCommand implements Callable<Integer> {
    @Option(names = "--group", defaultValue = "ristretto255", description = "group (default ${DEFAULT-VALUE})")
    String group;
    @Option(names = "--parties", defaultValue = "5", description = "parties (default ${DEFAULT-VALUE})")
    int parties;
    @Option(names = "--quorum", defaultValue = "3", description = "quorum (default ${DEFAULT-VALUE})")
    int quorum;
    @Option(names = "--voters", defaultValue = "0", description = "additional voters' ballots through the board")
    int voters;
    @Option(names = "--absent", defaultValue = "0", description = "parties that go offline before decryption")
    int absent;
    @Option(names = "--unanimous", description = "reveal only whether every vote was yes")
    boolean unanimous;
    @Option(names = "--dissent", description = "with --unanimous: one party votes no")
    boolean dissent;
    @Option(names = "--record", description = "write the election record (JSON files) into this directory")
    Path record;
    @Option(names = "--seed", description = "seed for the votes (the cryptography always uses SecureRandom)")
    Long seed;

    @Override
    public Integer call() throws Exception {
      return Demo.run(new Demo.Options(group, parties, quorum, voters, absent, unanimous, dissent, record, seed),
          System.out);
    }
  }

  /** {@code tabella verify DIR [--json]}. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Verify an election record: the twelve steps of SPEC.md §4.5. Exit 0 if valid, 1 if not.")
  static final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "the record directory")
    Path dir;
    @Option(names = "--json", description = "print one JSON object: valid, per-step checks, findings, results")
    boolean json;

    @Override
    public Integer call() throws Exception {
      ElectionRecord record;
      try {
        record = RecordIo.read(dir);
      } catch (InvalidRecordException e) {
        return VerifyOutput.unreadable(e, json);
      } catch (java.io.IOException e) {
        return VerifyOutput.unreadable(e, json);
      }
      return VerifyOutput.print(record, RecordVerifier.verify(record), json);
    }
  }
}
