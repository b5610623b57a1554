package org.tabella.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.network.node.PartyNode;

@DisplayName("a node that restarts is reconnected by its peers, and duplicates are harmless")
@Timeout(60)
class ReconnectTest {
  @TempDir
  Path dir;

  @Test
  void reconnects() throws Exception {
    try (TestNetwork net = new TestNetwork(dir, 3, 2)) {
      net.startAll(Map.of());
      net.nodes.get(3).close();
      long deadline = System.currentTimeMillis() + 10_000;
      while (net.nodes.get(1).allConnected() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertFalse(net.nodes.get(1).allConnected(), "node 1 noticed the drop");
      PartyNode again = PartyNode.start(net.roster, net.identity(3), TestNetwork.fast());
      net.nodes.put(3, again);
      deadline = System.currentTimeMillis() + 15_000;
      while (!net.nodes.get(1).allConnected() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(net.nodes.get(1).allConnected(), "node 1 redialled node 3 with backoff");
      byte[] payload = {1, 2, 3};
      net.nodes.get(1).broadcast("after-restart", 1, payload);
      net.nodes.get(1).broadcast("after-restart", 1, payload); // a duplicate delivery
      Map<Integer, byte[]> got = again.collectBroadcastsFrom("after-restart", 1, Set.of(1));
      assertArrayEquals(payload, got.get(1));
      assertTrue(again.equivocations().isEmpty(), "an identical duplicate is not an equivocation");
    }
  }
}
