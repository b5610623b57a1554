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
  void fiveProcessesElect() throws Exception {
    RosterTool.create(dir, 3, "ristretto255", "127.0.0.1", TestNetwork.freePorts(5));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    int[] votes = {1, 0, 1, 1, 0};
    List<Process> processes = new ArrayList<>();
    for (int id = 1; id <= 5; id++) {
      processes.add(new ProcessBuilder(java, "-Xmx256m", "-cp", cp, PartyProcess.class.getName(),
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
