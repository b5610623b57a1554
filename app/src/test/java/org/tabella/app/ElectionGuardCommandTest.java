package org.tabella.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tabella verify --electionguard DIR} on egk's sample record: the whole record verifies
 * (steps 1–14, exit 0), and so does egk-ec's P-256 record with its challenged ballots; a record without its ballots and tally passes what it has but says what
 * was not checked and exits 1, so it is never taken for a verified election; a changed guardian
 * proof or published count is reported with its place.
 */
@DisplayName("tabella verify --electionguard")
class ElectionGuardCommandTest {
  @TempDir
  Path dir;

  Path record() throws Exception {
    return record(false);
  }

  Path record(boolean full) throws Exception {
    Path to = Files.createDirectories(dir.resolve("egk-" + full));
    java.util.List<String> files = new java.util.ArrayList<>(java.util.List.of("constants.json", "election_config.json",
        "election_initialized.json", "manifest.json"));
    if (full) {
      files.addAll(java.util.List.of("encrypted_tally.json", "tally.json"));
      for (int i = 1; i <= 11; i++) {
        files.add("encrypted_ballots/runWorkflowAllAvailableJson/eballot-id-" + i + ".json");
      }
    }
    for (String f : files) {
      Files.createDirectories(to.resolve(f).getParent());
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
    assertTrue(out.contains("partial: every check made passed, but the record was not verified end to end"), out);
    assertTrue(out.contains("not checked: the ballots") && out.contains("not checked: the published counts"), out);
    String init = Files.readString(r.resolve("election_initialized.json"));
    int at = init.indexOf("\"response\": \"") + "\"response\": \"".length();
    char c = init.charAt(at);
    Files.writeString(r.resolve("election_initialized.json"), init.substring(0, at) + (c == 'A' ? 'B' : 'A')
        + init.substring(at + 1));
    String bad = CommandLineTest.run("verify", "--electionguard", r.toString());
    assertTrue(bad.startsWith("1\n") && bad.contains("FAILED step 2 at guardian guardian1 coefficient 0"), bad);
  }

  @Test
  void theWholeRecordVerifiesAndAChangedCountFails() throws Exception {
    Path r = record(true);
    String out = CommandLineTest.run("verify", "--electionguard", r.toString());
    assertTrue(out.startsWith("0\n"), out);
    assertTrue(out.contains("step 10  published counts") && out.contains("verified: ElectionGuard 2.0 steps 1–14 passed"), out);
    // a changed count, in a copy without the ballots (steps 1–3, 9, 10 only: quick)
    Path counts = record(false);
    for (String f : new String[] {"encrypted_tally.json", "tally.json"}) {
      Files.copy(r.resolve(f), counts.resolve(f));
    }
    String tally = Files.readString(counts.resolve("tally.json"));
    Files.writeString(counts.resolve("tally.json"), tally.replaceFirst("\"tally\": (\\d+)", "\"tally\": 9$1"));
    String bad = CommandLineTest.run("verify", "--electionguard", counts.toString());
    assertTrue(bad.startsWith("1\n") && bad.contains("FAILED step 10 at tally.json contest contest1 selection selection1"), bad);
  }

  @Test
  void anEgkEcP256RecordWithChallengedBallotsVerifies() throws Exception {
    Path r = org.tabella.vectors.VectorFiles.copyTree("electionguard/egk-ec-someAvailableEc", dir.resolve("ec"));
    String out = CommandLineTest.run("verify", "--electionguard", r.toString());
    assertTrue(out.startsWith("0\n"), out);
    assertTrue(out.contains("group P-256, version string \"v2.1.0\", 5 guardians, quorum 3"), out);
    assertTrue(out.contains("step 12  challenged ballots' decryption proofs") && out.contains("10 challenged ballots"), out);
    Path challenged = r.resolve("challenged_ballots/dballot-id-10.json");
    Files.writeString(challenged, Files.readString(challenged).replaceFirst("\"tally\": 0", "\"tally\": 1"));
    String bad = CommandLineTest.run("verify", "--electionguard", r.toString());
    assertTrue(bad.startsWith("1\n") && bad.contains("FAILED step 13 at challenged_ballots/dballot-id-10.json contest"), bad);
  }
}
