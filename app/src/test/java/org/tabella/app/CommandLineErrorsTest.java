package org.tabella.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabella.app.cli.Tabella;

/**
 * Every common mistake, run as a real {@code tabella} process: the documented exit code, one line
 * {@code tabella <command>: <what is wrong>} on standard error, and no stack trace unless
 * {@code --verbose}.
 */
@DisplayName("the command line speaks to people")
class CommandLineErrorsTest {
  @TempDir
  static Path dir;

  record Result(int code, String out, String err) {}

  static Result tabella(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        Tabella.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().remove("TABELLA_DEBUG");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void files() throws Exception {
    Files.writeString(dir.resolve("bad.json"), "{\"version\": 1, \"session\": \"00\", \"group\": \"ristretto255\","
        + " \"quorum\": 1, \"parties\": []}");
    Files.writeString(dir.resolve("garbage.json"), "{ this is not json");
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of(3, "party: roster not found: missing.json", new String[] {"party", "--roster", "missing.json", "--id", "1"}),
        Arguments.of(3, "party: ", new String[] {"party", "--roster", "bad.json", "--id", "1"}),
        Arguments.of(3, "party: ", new String[] {"party", "--roster", "garbage.json", "--id", "1"}),
        Arguments.of(2, "party: --vote is 0 or 1", new String[] {"party", "--roster", "bad.json", "--id", "1", "--vote", "2"}),
        Arguments.of(2, "demo: unknown group 'nosuch' — run 'tabella groups' for the list", new String[] {"demo", "--group", "nosuch"}),
        Arguments.of(2, "bench: unknown group 'nosuch'", new String[] {"bench", "--group", "nosuch"}),
        Arguments.of(3, "vectors: no such file or directory: missing-dir", new String[] {"vectors", "missing-dir"}),
        Arguments.of(2, "demo: --quorum 3 must be between 1 and --parties 1", new String[] {"demo", "--parties", "1"}),
        Arguments.of(2, "demo: --absent 3 leaves 2 parties, fewer than --quorum 3", new String[] {"demo", "--absent", "3"}),
        Arguments.of(2, "demo: --dissent goes with --unanimous", new String[] {"demo", "--dissent"}),
        Arguments.of(2, "demo: Unknown option", new String[] {"demo", "--partys", "3"}),
        Arguments.of(2, "party: Missing required option", new String[] {"party", "--id", "1"}),
        Arguments.of(2, "demo: Invalid value for option '--parties'", new String[] {"demo", "--parties", "five"}),
        Arguments.of(3, "verify: file not found:", new String[] {"verify", "no-such-record"}),
        Arguments.of(3, "verify: malformed input: election.json", new String[] {"verify", "."}),
        Arguments.of(2, "roster: --quorum 4 is more than --parties 3", new String[] {"roster", "--parties", "3", "--quorum", "4", "--out", "r"}),
        Arguments.of(2, "roster: unknown group 'x'", new String[] {"roster", "--parties", "3", "--quorum", "2", "--out", "r", "--group", "x"}),
        Arguments.of(3, "roster: no such directory: nocerts", new String[] {"roster", "--certs", "nocerts", "--quorum", "2", "--out", "r"}),
        Arguments.of(2, "keygen: --id must be at least 1", new String[] {"keygen", "--id", "0", "--out", "k"}));
  }

  @ParameterizedTest(name = "tabella {2} → exit {0}")
  @MethodSource("mistakes")
  void mistake(int code, String message, String[] args) throws Exception {
    if (args[0].equals("verify") && args[1].equals(".")) {
      Files.writeString(dir.resolve("election.json"), "{}");
    }
    Result r = tabella(args);
    assertEquals(code, r.code(), r.err() + r.out());
    List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), "one line on stderr: " + r.err());
    assertTrue(lines.get(0).startsWith("tabella " + message), lines.get(0));
    assertFalse(r.err().contains("at org.") || r.err().contains("Exception") || r.out().contains("at org."),
        "no stack trace: " + r.err() + r.out());
  }

  @Test
  @DisplayName("--verbose (and TABELLA_DEBUG=1) add the trace")
  void verbose() throws Exception {
    Result r = tabella("party", "--roster", "bad.json", "--id", "1", "--verbose");
    assertEquals(3, r.code());
    assertTrue(r.err().contains("at org.tabella"), r.err());
  }

  @Test
  @DisplayName("tabella groups, --version with the commit, the exit codes in --help, and a completion script")
  void information() throws Exception {
    Result groups = tabella("groups");
    assertEquals(0, groups.code());
    assertTrue(groups.out().contains("ristretto255") && groups.out().contains("(default)") && groups.out().contains("eg-4096"),
        groups.out());
    Result version = tabella("--version");
    assertEquals(0, version.code());
    assertTrue(version.out().matches("(?s)tabella .*\\(commit .*\\).*"), version.out());
    Result help = tabella("--help");
    assertTrue(help.out().contains("Exit codes:") && help.out().contains("4   network or peer failure"), help.out());
    Result completion = tabella("generate-completion");
    assertEquals(0, completion.code());
    assertTrue(completion.out().contains("complete -F") && completion.out().contains("verify"), completion.out());
  }
}
