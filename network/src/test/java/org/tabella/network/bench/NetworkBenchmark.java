package org.tabella.network.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.crypto.elgamal.ElGamal;
import org.tabella.network.TestNetwork;

/**
 * Ceremonies over loopback TLS between five nodes in one warm JVM.
 * Run: {@code mvn -B -Pbench -pl network -am verify -DskipTests}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NetworkBenchmark {
  private TestNetwork net;
  private final AtomicInteger counter = new AtomicInteger();
  private final byte[] kib = new byte[1024];

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path dir = Files.createTempDirectory("tabella-bench");
    net = new TestNetwork(dir, 5, 3);
    net.startAll(Map.of());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    System.out.println("rounds held after the run: " + net.nodes.get(2).heldRounds()
        + ", heap used MiB: " + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1 << 20));
    net.close();
  }

  /** A 5-party, quorum-3 DKG plus one threshold decryption, all over TLS. */
  @Benchmark
  public Object dkgAndDecrypt() throws Exception {
    String run = "run-" + counter.incrementAndGet();
    Map<Integer, Object> dkg = net.onEach(net.roster.parties().keySet(), n -> n.runDkg(run + "/dkg"));
    DkgResult first = (DkgResult) dkg.get(1);
    var c = ElGamal.encrypt(first.key().publicKey(), 1);
    return net.onEach(net.roster.parties().keySet(), n -> n.decrypt(((DkgResult) dkg.get(n.id())).key(),
        ((DkgResult) dkg.get(n.id())).share(), c, run + "/decrypt", new byte[] {1}));
  }

  /**
   * 1,000 broadcasts of 1 KiB from node 1 to its 4 peers (each echoed to the others), until every
   * peer holds every one, then forgotten: divide 1,000 by the time for messages per second. The
   * tear-down prints the rounds still held (0: memory does not grow with the run).
   */
  @Benchmark
  public Object broadcast1000() throws Exception {
    String batch = "bcast-" + counter.incrementAndGet() + "-";
    for (int i = 0; i < 1000; i++) {
      net.nodes.get(1).broadcast(batch + i, 1, kib);
    }
    return net.onEach(Set.of(2, 3, 4, 5), n -> {
      int got = 0;
      for (int i = 0; i < 1000; i++) {
        got += n.collectBroadcastsFrom(batch + i, 1, Set.of(1)).size();
        n.finish(batch + i);
      }
      return got;
    });
  }
}
