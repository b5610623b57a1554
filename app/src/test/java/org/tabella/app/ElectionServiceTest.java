package org.tabella.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.app.board.BoardClient;
import org.tabella.app.board.PinnedHttps;
import org.tabella.app.cli.Tabella;
import org.tabella.network.roster.RosterTool;
import org.tabella.voting.record.ElectionRecord;
import org.tabella.voting.record.RecordIo;
import org.tabella.voting.record.RecordVerifier;
import org.tabella.voting.tally.EntryOutcome;

/**
 * The election across machines and days, every step its own process (issue 11): identities, the
 * roster from certificates, the key ceremony (three trustee processes, shares sealed), the
 * election definition, the board service, 200 ballots — three cast with {@code tabella vote}, the
 * rest by concurrent clients that keep retrying — while the board is killed with {@code kill -9}
 * and restarted, closing with the admin token, the decryption ceremony by trustees 1 and 3 with
 * trustee 2 absent, and {@code tabella verify URL} on the published record, whose counts equal the
 * votes cast.
 */
@DisplayName("an election across processes: ceremony, board service (killed and restarted), voters, decryption, verify URL")
@Timeout(600)
class ElectionServiceTest {
  static final String PASSPHRASE = "trustee passphrase, long enough";

  @TempDir
  Path dir;
  final List<Process> processes = new ArrayList<>();

  @AfterEach
  void tearDown() {
    processes.forEach(Process::destroyForcibly);
  }

  ProcessBuilder tabella(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Tabella.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("TABELLA_PASSPHRASE", PASSPHRASE);
    return pb;
  }

  static String output(Process p, int seconds) throws Exception {
    assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), "process did not finish");
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  /** Starts the board; returns its fingerprint once it prints it. */
  String startBoard(Path definition, Path data, int port) throws Exception {
    Process board = tabella("board", "serve", "--election", definition.toString(), "--data", data.toString(), "--port",
        Integer.toString(port), "--host", "127.0.0.1").start();
    processes.add(board);
    BufferedReader r = new BufferedReader(new InputStreamReader(board.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      if (line.contains("certificate fingerprint SHA-256 ")) {
        String fp = line.replaceAll(".*SHA-256 ([0-9a-f]{64}).*", "$1");
        Thread t = new Thread(() -> {
          try {
            r.transferTo(java.io.Writer.nullWriter());
          } catch (java.io.IOException e) {
            // the process ended
          }
        });
        t.setDaemon(true);
        t.start();
        return fp;
      }
    }
    throw new AssertionError("the board did not start");
  }

  @Test
  void anElectionAcrossProcesses() throws Exception {
    Path organiser = Files.createDirectories(dir.resolve("organiser"));
    for (int id = 1; id <= 3; id++) {
      Path machine = dir.resolve("trustee-" + id);
      assertTrue(CommandLineTest.run("keygen", "--id", Integer.toString(id), "--out", machine.toString()).startsWith("0\n"));
      Files.copy(machine.resolve("party-" + id + ".cert.pem"), organiser.resolve("party-" + id + ".cert.pem"));
    }
    assertTrue(CommandLineTest.run("roster", "--certs", organiser.toString(), "--quorum", "2", "--out", organiser.toString(),
        "--base-port", Integer.toString(24000 + (int) (ProcessHandle.current().pid() % 20000))).startsWith("0\n"));
    List<Process> ceremony = new ArrayList<>();
    for (int id = 1; id <= 3; id++) {
      Path machine = dir.resolve("trustee-" + id);
      Files.copy(organiser.resolve("roster.json"), machine.resolve("roster.json"));
      ceremony.add(tabella("ceremony", "--roster", machine.resolve("roster.json").toString(), "--id",
          Integer.toString(id), "--out", machine.toString(), "--delta", "150").start());
    }
    for (Process p : ceremony) {
      String out = output(p, 200);
      assertEquals(0, p.exitValue(), out);
    }
    Path definition = organiser.resolve("city-2026");
    String defined = CommandLineTest.run("election", "--id", "city-2026", "--key",
        dir.resolve("trustee-1/election-key.json").toString(), "--referendum", "budget", "--choice", "mayor:3",
        "--out", definition.toString());
    assertTrue(defined.startsWith("0\n"), defined);

    Path data = dir.resolve("board-data");
    int port = RosterTool.freeLoopbackPorts(1).get(0);
    String pin = startBoard(definition, data, port);
    URI url = URI.create("https://127.0.0.1:" + port + "/");

    // Three voters with the command line.
    int[] yes = {0};
    int[] mayor = new int[3];
    String[][] cli = {{"budget=1", "mayor=2"}, {"budget=0", "mayor=1"}, {"budget=1", "mayor="}};
    for (String[] c : cli) {
      Process v = tabella("vote", "--board", url.toString(), "--pin", pin, "--choice", c[0], "--choice", c[1]).start();
      String out = output(v, 60);
      assertEquals(0, v.exitValue(), out);
      assertTrue(out.contains("tracking code: ") && out.contains("on the board at position"), out);
    }
    yes[0] += 2;
    mayor[1]++;
    mayor[0]++;

    // 197 more from four voter-client processes ('tabella bench --board', which retries) and one more
    // 'tabella vote'; the board is killed with kill -9 in the middle and restarted.
    Process extra = tabella("vote", "--board", url.toString(), "--pin", pin, "--choice", "budget=1", "--choice", "mayor=3")
        .start();
    assertEquals(0, extra.waitFor(60, TimeUnit.SECONDS) ? extra.exitValue() : -1, output(extra, 1));
    yes[0]++;
    mayor[2]++;
    int perClient = 49;
    List<Process> clients = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      clients.add(tabella("bench", "--board", url.toString(), "--pin", pin, "--voters", Integer.toString(perClient),
          "--concurrency", "4").start());
      // 'tabella bench --board' makes ballot i choose: budget yes iff i is odd; mayor option i mod 3 iff ⌊i/3⌋ is odd.
      for (int i = 0; i < perClient; i++) {
        yes[0] += i % 2;
        if ((i / 3) % 2 == 1) {
          mayor[i % 3]++;
        }
      }
    }
    var http = PinnedHttps.client(pin);
    int onBoard = 0;
    long until = System.nanoTime() + 120_000_000_000L;
    while (onBoard < 60 && System.nanoTime() < until) {
      Thread.sleep(50);
      try {
        onBoard = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.send(java.net.http.HttpRequest
            .newBuilder(url.resolve("api/election")).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString())
            .body()).get("ballots").asInt();
      } catch (java.io.IOException e) {
        // not yet
      }
    }
    Process board = processes.get(processes.size() - 1);
    board.destroyForcibly(); // SIGKILL: no shutdown hook runs
    board.waitFor(10, TimeUnit.SECONDS);
    assertTrue(onBoard >= 60 && onBoard < 200, "the board was killed in the middle of voting: " + onBoard);
    Thread.sleep(500);
    assertEquals(pin, startBoard(definition, data, port), "the restarted board keeps its certificate");
    for (Process c : clients) {
      String out = output(c, 300);
      assertEquals(0, c.exitValue(), out);
      assertTrue(out.contains(perClient + " ballots") && out.contains("(0 refused)"), out);
    }

    // Close with the admin token.
    String closed = CommandLineTest.run("board", "close", "--board", url.toString(), "--pin", pin, "--token-file",
        data.resolve("admin.token").toString());
    assertTrue(closed.startsWith("0\n") && closed.contains("voting closed: 200 ballots"),
        "every acknowledged ballot is on the board, none twice: " + closed);
    String again = CommandLineTest.run("board", "close", "--board", url.toString(), "--pin", pin, "--token-file",
        data.resolve("admin.token").toString());
    assertTrue(again.startsWith("2\n") && again.contains("already closed"), again);

    // A wrong passphrase opens nothing (exit 3, and the passphrase is not echoed).
    ProcessBuilder wrong = tabella("decrypt", "--roster", dir.resolve("trustee-1/roster.json").toString(), "--id", "1",
        "--share", dir.resolve("trustee-1/share-1.sealed").toString(), "--board", url.toString(), "--pin", pin,
        "--wait", "1");
    wrong.environment().put("TABELLA_PASSPHRASE", "not the passphrase");
    Process w = wrong.start();
    String refused = output(w, 60);
    assertEquals(3, w.exitValue(), refused);
    assertTrue(refused.contains("wrong passphrase") && !refused.contains("not the passphrase"), refused);

    // Decryption: trustees 1 and 3; trustee 2 is absent.
    List<Process> trustees = new ArrayList<>();
    for (int id : new int[] {1, 3}) {
      Path machine = dir.resolve("trustee-" + id);
      trustees.add(tabella("decrypt", "--roster", machine.resolve("roster.json").toString(), "--id", Integer.toString(id),
          "--share", machine.resolve("share-" + id + ".sealed").toString(), "--board", url.toString(), "--pin", pin,
          "--wait", "5", "--round-timeout", "10").start());
    }
    for (Process p : trustees) {
      String out = output(p, 300);
      assertEquals(0, p.exitValue(), out);
      assertTrue(out.contains("result: budget option 1: " + yes[0]), out);
    }

    // Anyone verifies the published record from its URL.
    String verified = CommandLineTest.run("verify", url.toString(), "--pin", pin);
    assertTrue(verified.startsWith("0\n") && verified.contains("record valid"), verified);
    ElectionRecord record = RecordIo.read(new BoardClient(url, pin).fetchRecord());
    assertTrue(RecordVerifier.verify(record).valid());
    assertEquals(200, record.ballots().size());
    List<Long> counts = record.entries().stream().map(e -> ((EntryOutcome.Count) e.outcome()).value()).toList();
    assertEquals(List.of((long) yes[0], (long) mayor[0], (long) mayor[1], (long) mayor[2]), counts);
  }
}
