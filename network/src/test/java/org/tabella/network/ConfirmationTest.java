package org.tabella.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.crypto.dkg.Confirmation;
import org.tabella.crypto.dkg.DkgFailedException;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.crypto.encoding.ByteWriter;
import org.tabella.network.node.NodeOptions;
import org.tabella.network.roster.Signatures;

/** The key ceremony's signed confirmation round (SPEC.md §2.10 step 5) over real TLS. */
@DisplayName("key ceremonies end with signed confirmations")
@Timeout(120)
class ConfirmationTest {
  @TempDir
  Path dir;

  /** A node whose round-4 confirmation names another outcome (validly signed with its own key). */
  static TestNetwork.Setup confirmsSomethingElse(TestNetwork net, int id) throws Exception {
    var key = net.identity(id).privateKey();
    return TestNetwork.faulty((inst, round, to, p) -> {
      if (inst.matches("dkg/[0-9a-f]{64}") && round == 4) {
        byte[] fake = new byte[32];
        fake[0] = (byte) id;
        return new ByteWriter().writeBytes(fake).writeBytes(Signatures.sign(key, fake)).toByteArray();
      }
      return p;
    });
  }

  @Test
  @DisplayName("every party that finishes holds every honest party's valid confirmation of its outcome")
  void honest() throws Exception {
    try (TestNetwork net = new TestNetwork(dir, 4, 3)) {
      net.startAll(Map.of());
      Map<Integer, Object> all = net.onEach(net.roster.parties().keySet(), n -> n.runDkg());
      for (Object o : all.values()) {
        DkgResult r = assertInstanceOf(DkgResult.class, o);
        assertEquals(4, r.confirmations().size());
        for (Confirmation c : r.confirmations()) {
          assertTrue(c.verifies(r.confirmationDigest()));
        }
      }
    }
  }

  @Test
  @DisplayName("no veto: one party (f = 1 of 5) confirming another outcome does not stop the others")
  void oneLiar() throws Exception {
    try (TestNetwork net = new TestNetwork(dir, 5, 3)) {
      net.startAll(Map.of(5, confirmsSomethingElse(net, 5)));
      Map<Integer, Object> all = net.onEach(Set.of(1, 2, 3, 4, 5), n -> n.runDkg());
      DkgResult first = assertInstanceOf(DkgResult.class, all.get(1));
      for (int id = 1; id <= 4; id++) {
        DkgResult r = assertInstanceOf(DkgResult.class, all.get(id));
        assertEquals(first.key(), r.key());
        assertEquals(Set.of(1, 2, 3, 4), Set.copyOf(r.confirmations().stream().map(Confirmation::party).toList()));
      }
    }
  }

  @Test
  @DisplayName("more than f parties confirming another outcome make every honest party abort")
  void tooManyDisagree() throws Exception {
    try (TestNetwork net = new TestNetwork(dir, 5, 3)) {
      Map<Integer, Object> opts = new HashMap<>();
      opts.put(4, confirmsSomethingElse(net, 4));
      opts.put(5, confirmsSomethingElse(net, 5));
      net.startAll(opts);
      Map<Integer, Object> all = net.onEach(Set.of(1, 2, 3, 4, 5), n -> n.runDkg());
      for (int id = 1; id <= 3; id++) {
        DkgFailedException e = assertInstanceOf(DkgFailedException.class, all.get(id));
        assertTrue(e.getMessage().contains("not confirmed") && e.getMessage().contains("[4, 5]"), e.getMessage());
      }
    }
  }
}
