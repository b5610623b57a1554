package org.tabella.network.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tabella.network.TestNetwork;
import org.tabella.network.node.NodeOptions;

/**
 * Wall time of a whole networked key ceremony (round 0 nonce, three DKG rounds, signed
 * confirmations) for n parties in one JVM over loopback TLS, after warm-up: {@code java -cp …
 * org.tabella.network.bench.CeremonyCost 5 15}. Prints the median of several runs.
 */
public final class CeremonyCost {
  private CeremonyCost() {}

  public static void main(String[] args) throws Exception {
    for (String a : args) {
      int n = Integer.parseInt(a);
      Path dir = Files.createTempDirectory("ceremony-cost");
      try (TestNetwork net = new TestNetwork(dir, n, (2 * n) / 3 + 1)) {
        NodeOptions o = NodeOptions.defaults().withRoundTimeout(Duration.ofSeconds(20)).withConnectTimeout(Duration.ofSeconds(60))
            .withDelta(Duration.ofMillis(Long.getLong("tabella.delta.ms", 50)));
        Map<Integer, NodeOptions> opts = new TreeMap<>();
        for (int id = 1; id <= n; id++) {
          opts.put(id, o);
        }
        net.startAll(opts);
        var ids = new TreeSet<>(net.roster.parties().keySet());
        for (int w = 0; w < 3; w++) {
          int i = w;
          net.onEach(ids, node -> node.runDkg("warm-" + i));
        }
        long[] ms = new long[7];
        for (int r = 0; r < ms.length; r++) {
          int i = r;
          long t0 = System.nanoTime();
          net.onEach(ids, node -> node.runDkg("run-" + i));
          ms[r] = (System.nanoTime() - t0) / 1_000_000;
        }
        java.util.Arrays.sort(ms);
        int k = (2 * n) / 3 + 1;
        int t = Math.max((n - 1) / 3, n - k);
        System.out.printf("n = %d, k = %d, t = %d, Δ = %d ms: key ceremony (5 agreed rounds of (3 + 2t)Δ: nonce, 3 DKG,"
            + " confirmation; %d ms of clock) median %d ms (min %d, max %d)%n", n, k, t, o.delta().toMillis(),
            5 * (3 + 2 * t) * o.delta().toMillis(), ms[ms.length / 2], ms[0], ms[ms.length - 1]);
      }
    }
    System.exit(0);
  }
}
