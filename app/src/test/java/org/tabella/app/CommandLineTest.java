package org.tabella.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.app.cli.Tabella;
import org.tabella.voting.record.SchemaCheck;
import picocli.CommandLine;

@DisplayName("the tabella command")
@Timeout(300)
class CommandLineTest {
  @TempDir
  Path dir;

  /** Runs the command in this JVM; returns the exit code, a newline, then standard output and error. */
  static String run(String... args) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.out;
    PrintStream oldErr = System.err;
    PrintStream both = new PrintStream(buf, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
    try {
      int code = Tabella.commandLine(args).execute(args);
      return code + "\n" + buf.toString(StandardCharsets.UTF_8);
    } finally {
      System.setOut(old);
      System.setErr(oldErr);
    }
  }

  @Test
  @DisplayName("demo on decaf448: key ceremony, ballots, tally and a record that verifies and conforms to the schema")
  void demoOnDecaf448() throws Exception {
    String out = run("demo", "--group", "decaf448", "--parties", "3", "--quorum", "2", "--voters", "3", "--seed", "5",
        "--record", dir.resolve("decaf").toString());
    assertTrue(out.startsWith("0\n") && out.contains("decaf448") && out.contains("verified"), out);
    String verify = run("verify", dir.resolve("decaf").toString());
    assertTrue(verify.startsWith("0\n") && verify.contains("record valid"), verify);
    assertTrue(Files.readString(dir.resolve("decaf").resolve("election.json")).contains("decaf448"));
    SchemaCheck.assertConforms(dir.resolve("decaf"));
  }

  @Test
  @DisplayName("demo: ordinary, with voters and an absent party, and unanimous; then verify the record")
  void demo() throws Exception {
    String out = run("demo", "--parties", "4", "--quorum", "2", "--voters", "6", "--absent", "1", "--seed", "3",
        "--record", dir.resolve("rec").toString());
    assertTrue(out.startsWith("0\n"), out);
    assertTrue(out.matches("(?s).*result: \\d+ yes, \\d+ no.*"), out);
    assertTrue(out.contains("verified"), out);
    String verify = run("verify", dir.resolve("rec").toString());
    assertTrue(verify.startsWith("0\n") && verify.contains("record valid"), verify);
    assertTrue(verify.matches("(?s).*V3 +key ceremony +[1-9][0-9]* checks +ok.*"), verify);
    SchemaCheck.assertConforms(dir.resolve("rec"));
    String json = run("verify", "--json", dir.resolve("rec").toString());
    assertTrue(json.startsWith("0\n"), json);
    var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.substring(2));
    assertTrue(report.get("valid").asBoolean());
    assertEquals(12, report.get("steps").size());
    assertEquals(0, report.get("findings").size());
    // A changed proof of possession in the ceremony transcript is caught.
    Path keyJson = dir.resolve("rec").resolve("key.json");
    String key = Files.readString(keyJson);
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(key);
    var dealer = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("ceremony").get("dealers").get(0);
    dealer.put("z", tree.get("ceremony").get("dealers").get(1).get("z").asText());
    Files.writeString(keyJson, tree.toString());
    String badKey = run("verify", dir.resolve("rec").toString());
    assertTrue(badKey.startsWith("1\n") && badKey.contains("ceremony"), badKey);
    Files.writeString(keyJson, key);
    Files.writeString(dir.resolve("rec").resolve("ballots.json"),
        Files.readString(dir.resolve("rec").resolve("ballots.json")).replaceFirst("\"board_head\" : \"..", "\"board_head\" : \"ff"));
    String bad = run("verify", dir.resolve("rec").toString());
    assertTrue(bad.startsWith("1\n") && bad.contains("FAIL V7 board chain"), bad);
    String unreadable = run("verify", "--json", dir.resolve("no-such-record").toString());
    assertTrue(unreadable.startsWith("3\n") && unreadable.contains("\"valid\" : false"), unreadable);
    String badJson = run("verify", "--json", dir.resolve("rec").toString());
    var findings = new com.fasterxml.jackson.databind.ObjectMapper().readTree(badJson.substring(2)).get("findings");
    assertEquals(7, findings.get(0).get("step").asInt(), badJson);
    String u = run("demo", "--parties", "3", "--quorum", "2", "--unanimous", "--dissent");
    assertTrue(u.startsWith("0\n") && u.contains("result: not unanimous"), u);
  }

  @Test
  @DisplayName("vectors: every committed vector passes; a corrupted one fails")
  void vectors() throws Exception {
    Path root = Path.of("..", "test-vectors");
    String out = run("vectors", root.toString());
    assertTrue(out.startsWith("0\n"), out);
    assertTrue(out.trim().endsWith(" 0 failed"), out);
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, Files.readString(root.resolve("groups/ristretto255-rfc9496.json")).replace("e2f2ae0a", "e2f2ae0b"));
    String failed = run("vectors", bad.toString());
    assertTrue(failed.startsWith("1\n") && failed.trim().endsWith("1 failed"), failed);
    // ElectionGuard known answers: a changed count, and a changed ballot ciphertext, each fail
    Path eg = dir.resolve("eg.json");
    String decryption = Files.readString(root.resolve("electionguard/eg-threshold-decryption-egk.json"));
    Files.writeString(eg, decryption.replaceFirst("\"count\": (\\d+)", "\"count\": 4$1"));
    String egFailed = run("vectors", eg.toString());
    assertTrue(egFailed.startsWith("1\n") && egFailed.trim().endsWith("1 failed"), egFailed);
    String aggregation = Files.readString(root.resolve("electionguard/eg-aggregation-egk.json"));
    int at = aggregation.indexOf("\"pad\": \"") + 8;
    char c = aggregation.charAt(at + 3);
    Files.writeString(eg, aggregation.substring(0, at + 3) + (c == '1' ? '2' : '1') + aggregation.substring(at + 4));
    String aggFailed = run("vectors", eg.toString());
    assertTrue(aggFailed.startsWith("1\n") && aggFailed.trim().endsWith("1 failed"), aggFailed);
  }

  @Test
  @DisplayName("bench --json prints one JSON array")
  void bench() throws Exception {
    String out = run("bench", "--group", "ristretto255", "--json", "--millis", "20");
    String json = out.substring(out.indexOf('\n') + 1);
    var array = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    assertEquals(12, array.size());
    assertTrue(array.get(0).get("micros_per_op").asDouble() > 0);
  }

  @Test
  @DisplayName("bench --election times a whole election and verifies its record")
  void electionBench() {
    String out = run("bench", "--election", "40", "--json");
    assertTrue(out.startsWith("0\n") && out.contains("\"ballots\": 40"), out);
  }

  @Test
  @DisplayName("keygen on each party's machine, roster from certificates only, then three separate processes elect and agree")
  void parties() throws Exception {
    Path organiser = Files.createDirectories(dir.resolve("organiser"));
    for (int id = 1; id <= 3; id++) {
      Path machine = dir.resolve("machine-" + id);
      String out = run("keygen", "--id", Integer.toString(id), "--out", machine.toString());
      assertTrue(out.startsWith("0\n") && out.contains("fingerprint"), out);
      assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
          Files.getPosixFilePermissions(machine.resolve("party-" + id + ".key.pem"))));
      Files.copy(machine.resolve("party-" + id + ".cert.pem"), organiser.resolve("party-" + id + ".cert.pem"));
    }
    String again = run("keygen", "--id", "1", "--out", dir.resolve("machine-1").toString());
    assertTrue(!again.startsWith("0\n"), "an identity is never overwritten: " + again);
    String roster = run("roster", "--certs", organiser.toString(), "--quorum", "2", "--out", organiser.toString(),
        "--base-port", Integer.toString(20000 + (int) (ProcessHandle.current().pid() % 20000)));
    assertTrue(roster.startsWith("0\n"), roster);
    try (var files = Files.list(organiser)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".key.pem")), "the organiser holds no key");
    }
    for (int id = 1; id <= 3; id++) {
      Files.copy(organiser.resolve("roster.json"), dir.resolve("machine-" + id).resolve("roster.json"));
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> ps = new ArrayList<>();
    for (int id = 1; id <= 3; id++) {
      ps.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Tabella.class.getName(), "party",
          "--roster", dir.resolve("machine-" + id).resolve("roster.json").toString(), "--id", Integer.toString(id),
          "--vote", id == 2 ? "0" : "1",
          "--round-timeout", "10", "--delta", "150").redirectErrorStream(true).start());
    }
    for (Process p : ps) {
      assertTrue(p.waitFor(200, TimeUnit.SECONDS));
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), out);
      assertTrue(out.contains("result: 2 yes, 1 no"), out);
    }
    // A second run with the same roster would find the first run's board: refused, not reused.
    String rerun = run("party", "--roster", dir.resolve("machine-1").resolve("roster.json").toString(), "--id", "1",
        "--vote", "1");
    assertTrue(rerun.startsWith("2\n") && rerun.contains("earlier run"), rerun);
  }
}
