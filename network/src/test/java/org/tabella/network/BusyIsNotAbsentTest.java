package org.tabella.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security review, liveness under load: parties still busy (verifying a large board) were declared
 * absent by a wall-clock round timeout. A barrier waits for every connected peer, however long
 * its work takes within the work timeout.
 */
@DisplayName("busy is not absent: a barrier waits for a connected peer that works longer than a round timeout")
@Timeout(60)
class BusyIsNotAbsentTest {
  @TempDir
  Path dir;

  @Test
  void barrierWaitsForBusyPeer() throws Exception {
    try (TestNetwork net = new TestNetwork(dir, 3, 2)) {
      var options = TestNetwork.fast().withRoundTimeout(Duration.ofMillis(500)).withWorkTimeout(Duration.ofSeconds(20));
      net.startAll(Map.of(1, options, 2, options, 3, options));
      Map<Integer, Object> arrived = net.onEach(net.roster.parties().keySet(), n -> {
        if (n.id() == 2) {
          Thread.sleep(3000); // six round timeouts of "work"
        }
        return n.barrier("ready");
      });
      for (Object a : arrived.values()) {
        assertEquals(Set.of(1, 2, 3), a);
      }
    }
  }
}
