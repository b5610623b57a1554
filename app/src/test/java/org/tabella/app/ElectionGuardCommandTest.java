package org.tabella.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tabella verify --electionguard DIR} on egk's sample record: the implemented steps pass,
 * the version string is named, and the output and exit code (1) say that this is not yet a
 * verification of the election; a changed guardian proof is reported with its place.
 */
@DisplayName("tabella verify --electionguard")
class ElectionGuardCommandTest {
  @TempDir
  Path dir;

  Path record() throws Exception {
    Path to = Files.createDirectories(dir.resolve("egk"));
    for (String f : new String[] {"constants.json", "election_config.json", "election_initialized.json", "manifest.json"}) {
      try (var in = getClass().getResourceAsStream("/org/tabella/vectors/electionguard/egk-allAvailableJson/" + f)) {
        Files.copy(in, to.resolve(f));
      }
    }
    return to;
  }

  @Test
  void stepsOneToThreeAndNeverAClaimOfMore() throws Exception {
    Path r = record();
    String out = CommandLineTest.run("verify", "--electionguard", r.toString());
    assertTrue(out.startsWith("1\n"), out);
    assertTrue(out.contains("version string \"v2.0.0\"") && out.contains("step  2  guardian coefficient proofs"), out);
    assertTrue(out.contains("this is NOT a verification of the election"), out);
    String init = Files.readString(r.resolve("election_initialized.json"));
    int at = init.indexOf("\"response\": \"") + "\"response\": \"".length();
    char c = init.charAt(at);
    Files.writeString(r.resolve("election_initialized.json"), init.substring(0, at) + (c == 'A' ? 'B' : 'A')
        + init.substring(at + 1));
    String bad = CommandLineTest.run("verify", "--electionguard", r.toString());
    assertTrue(bad.startsWith("1\n") && bad.contains("FAILED step 2 at guardian guardian1 coefficient 0"), bad);
  }
}
