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
@Command(name = "tabella", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Threshold ElGamal elections: demo, parties on several machines, verification.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        "0:success (verify, vectors: valid)",
        "1:verification failed or the result is wrong",
        "2:usage error (a wrong or missing option)",
        "3:an input file is missing or malformed",
        "4:network or peer failure (quorum not reached, ceremony aborted, timeouts)",
        "5:internal error (run again with --verbose and report the trace)"},
    subcommands = {Tabella.DemoCommand.class, KeygenCommand.class, RosterCommand.class, CeremonyCommand.class,
        ElectionCommand.class, BoardCommand.class, VoteCommand.class, DecryptCommand.class, PartyCommand.class,
        Tabella.VerifyCommand.class, VectorsCommand.class, BenchCommand.class, GroupsCommand.class,
        picocli.AutoComplete.GenerateCompletion.class})
public final class Tabella implements Runnable {
  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
      description = "on an error, also print the stack trace (or set TABELLA_DEBUG=1)")
  boolean verbose;

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /** Entry point. */
  public static void main(String[] args) {
    System.setProperty("java.util.logging.config.file", "");
    java.util.logging.LogManager.getLogManager().reset();
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
    System.exit(commandLine(args).execute(args));
  }

  /** The command line with its error reporting (one line per error; traces with --verbose). */
  public static CommandLine commandLine(String[] args) {
    boolean verbose = "1".equals(System.getenv("TABELLA_DEBUG")) || java.util.Arrays.asList(args).contains("--verbose");
    ErrorReporter reporter = new ErrorReporter(verbose);
    CommandLine cmd = new CommandLine(new Tabella());
    cmd.setExecutionExceptionHandler(reporter).setParameterExceptionHandler(reporter);
    cmd.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    return cmd;
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
      GroupsCommand.named(group);
      if (parties < 1) {
        throw UserError.usage("--parties must be at least 1, not " + parties);
      }
      if (quorum < 1 || quorum > parties) {
        throw UserError.usage("--quorum " + quorum + " must be between 1 and --parties " + parties
            + " (the default quorum is 3; give a smaller one for fewer parties)");
      }
      if (absent < 0 || parties - absent < quorum) {
        throw UserError.usage("--absent " + absent + " leaves " + (parties - absent) + " parties, fewer than --quorum "
            + quorum);
      }
      if (voters < 0) {
        throw UserError.usage("--voters must not be negative");
      }
      if (dissent && !unanimous) {
        throw UserError.usage("--dissent goes with --unanimous");
      }
      return Demo.run(new Demo.Options(group, parties, quorum, voters, absent, unanimous, dissent, record, seed),
          System.out);
    }
  }

  /** {@code tabella verify DIR [--json]}. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Verify an election record: the twelve steps of SPEC.md §4.5. Exit 0 if valid, 1 if not, 3 if"
          + " the record cannot be read.")
  static final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR|URL", description = "the record directory, or a board's https URL (its published"
        + " record is fetched; --pin needed)")
    String where;
    @Option(names = "--json", description = "print one JSON object: valid, per-step checks, findings, results")
    boolean json;
    @Option(names = "--pin", description = "for a URL: the board certificate's SHA-256 fingerprint")
    String pin;
    @Option(names = "--electionguard", description = "DIR is an ElectionGuard 2.0 record (egk layout): run the"
        + " specification's verification steps implemented so far (1–3)")
    boolean electionGuard;

    @Override
    public Integer call() throws Exception {
      if (electionGuard) {
        return ElectionGuardOutput.verify(Path.of(where));
      }
      Path dir;
      if (where.startsWith("https://")) {
        if (pin == null) {
          throw UserError.usage("verifying a board's record needs --pin (its certificate fingerprint)");
        }
        try {
          dir = new org.tabella.app.board.BoardClient(java.net.URI.create(where), pin).fetchRecord();
        } catch (IllegalArgumentException e) {
          throw UserError.usage(e.getMessage());
        } catch (java.io.IOException e) {
          throw UserError.network("cannot fetch the record from " + where + ": " + e.getMessage());
        }
      } else {
        dir = Path.of(where);
      }
      ElectionRecord record;
      try {
        record = RecordIo.read(dir);
      } catch (InvalidRecordException | java.io.IOException e) {
        if (!json) {
          throw e; // one line on stderr, exit 3 (ErrorReporter)
        }
        return VerifyOutput.unreadableAsJson(e);
      }
      return VerifyOutput.print(record, RecordVerifier.verify(record), json);
    }
  }
}
