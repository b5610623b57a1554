package org.tabella.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.network.roster.Identity;
import org.tabella.network.roster.Signatures;
import org.tabella.network.wire.Envelope;

/**
 * Security review finding 4: an authenticated peer sending signed junk for instances nobody runs
 * used to be held and relayed forever (150 MiB sent, ~301 MiB kept on two honest nodes). Now a
 * node buffers at most its per-peer pending budget for instances it has not opened, relays none of
 * it, and the election goes on.
 */
@DisplayName("a flooding peer costs the others a bounded amount of memory")
@Timeout(120)
class FloodTest {
  @TempDir
  Path dir;

  static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Test
  void floodOfJunkInstances() throws Exception {
    try (TestNetwork net = new TestNetwork(dir, 3, 2)) {
      net.startAll(Map.of());
      long before = usedHeap();
      Identity two = net.identity(2);
      byte[] junk = new byte[1 << 20];
      try (RogueClient flooder = new RogueClient(net.roster.party(1).port(), two)) {
        assertTrue(flooder.handshake());
        for (int i = 0; i < 150; i++) {
          Envelope e = new Envelope(net.roster.sessionId(), "junk-" + i, 1, 2, Envelope.BROADCAST, Envelope.MESSAGE,
              junk, new byte[0]);
          e = e.withSignature(Signatures.sign(two.privateKey(), e.signedBytes()));
          flooder.send(HostileInputTest.frame(e.encode()));
        }
        Thread.sleep(1500);
      }
      long after = usedHeap();
      long pendingBudget = org.tabella.network.node.NodeOptions.defaults().pendingBytesPerPeer();
      assertTrue(net.nodes.get(1).heldBytes(2) <= pendingBudget, "node 1 buffers " + net.nodes.get(1).heldBytes(2));
      assertEquals(0, net.nodes.get(3).heldBytes(2), "nothing was relayed to node 3");
      assertEquals(0, net.nodes.get(1).heldRounds());
      long grown = after - before;
      System.out.printf("[flood] 150 MiB sent; heap grew by %.1f MiB; node 1 buffers %.1f MiB from the flooder%n",
          grown / 1048576.0, net.nodes.get(1).heldBytes(2) / 1048576.0);
      assertTrue(grown < 2 * pendingBudget + (16L << 20), "heap grew by " + grown);
      // The election goes on.
      Map<Integer, Object> results = net.onEach(net.roster.parties().keySet(), n -> n.runDkg());
      DkgResult first = assertInstanceOf(DkgResult.class, results.get(1));
      for (Object r : results.values()) {
        assertEquals(first.key(), assertInstanceOf(DkgResult.class, r).key());
      }
    }
  }
}
