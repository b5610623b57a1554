package org.tabella.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.network.roster.RosterTool;

@DisplayName("the parties as separate JVMs on loopback ports")
@Timeout(180)
class MultiProcessTest {
  @TempDir
  Path dir;

  @Test
  @DisplayName("a party process dies abruptly after dealing: the other three still finish and agree")
  void crashMidCeremony() throws Exception {
    RosterTool.create(dir, 2, "ristretto255", "127.0.0.1", TestNetwork.freePorts(4));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    List<Process> processes = new ArrayList<>();
    for (int id = 1; id <= 4; id++) {
      List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-Dtabella.delta.ms=150", "-cp", cp, PartyProcess.class.getName(),
          dir.toString(), Integer.toString(id), id == 2 ? "0" : "1"));
      if (id == 4) {
        cmd.add("crash-in-dkg");
      }
      processes.add(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }
    Process victim = processes.get(3);
    assertTrue(victim.waitFor(120, TimeUnit.SECONDS));
    assertEquals(137, victim.exitValue());
    for (Process p : processes.subList(0, 3)) {
      assertTrue(p.waitFor(150, TimeUnit.SECONDS), "a party did not finish");
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), out);
      assertTrue(out.contains("result: 2 yes, 1 no"), out);
    }
  }

  @Test
  void fiveProcessesElect() throws Exception {
    RosterTool.create(dir, 3, "ristretto255", "127.0.0.1", TestNetwork.freePorts(5));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    int[] votes = {1, 0, 1, 1, 0};
    List<Process> processes = new ArrayList<>();
    for (int id = 1; id <= 5; id++) {
      processes.add(new ProcessBuilder(java, "-Xmx256m", "-Dtabella.delta.ms=150", "-cp", cp, PartyProcess.class.getName(),
          dir.toString(), Integer.toString(id), Integer.toString(votes[id - 1]))
          .redirectErrorStream(true).start());
    }
    for (Process p : processes) {
      assertTrue(p.waitFor(150, TimeUnit.SECONDS), "a party did not finish");
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), out);
      assertTrue(out.contains("result: 3 yes, 2 no"), out);
    }
  }
}
