package org.tabella.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.network.roster.Identity;
import org.tabella.network.roster.Signatures;
import org.tabella.network.wire.Envelope;

@DisplayName("hostile connections are refused or dropped, and the node keeps serving")
@Timeout(120)
class HostileInputTest {
  @TempDir
  Path dir;

  @Test
  void hostileClients() throws Exception {
    try (TestNetwork net = new TestNetwork(dir, 3, 2)) {
      net.startAll(Map.of());
      int port = net.roster.party(1).port();

      // An unknown certificate: the server refuses it (in TLS 1.3 after the client's Finished) and
      // closes the connection; whatever the stranger sends is never delivered.
      try (RogueClient stranger = new RogueClient(port, Identity.generate(2))) {
        stranger.handshake();
        assertTrue(stranger.closedWithin(5000));
      }
      // Random bytes on a raw TCP connection: not TLS, closed.
      try (RogueClient raw = new RogueClient(port, null)) {
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        raw.send(junk);
        assertTrue(raw.closedWithin(5000));
      }
      // An authenticated peer (party 2's real identity) announcing a 1 GiB frame: refused, closed.
      try (RogueClient big = new RogueClient(port, net.identity(2))) {
        assertTrue(big.handshake());
        big.send(Unpooled.buffer().writeInt(1 << 30).writeBytes(new byte[64]));
        assertTrue(big.closedWithin(5000));
      }
      // An authenticated peer sending a message of another session, and one signed by someone else:
      // both dropped without closing anything.
      try (RogueClient liar = new RogueClient(port, net.identity(2))) {
        assertTrue(liar.handshake());
        Identity two = net.identity(2);
        Envelope otherSession = new Envelope(new byte[] {9}, "dkg", 1, 2, 0, Envelope.MESSAGE, new byte[] {1}, new byte[0]);
        otherSession = otherSession.withSignature(Signatures.sign(two.privateKey(), otherSession.signedBytes()));
        liar.send(frame(otherSession.encode()));
        Envelope forged = new Envelope(net.roster.sessionId(), "dkg", 1, 3, 0, Envelope.MESSAGE, new byte[] {1}, new byte[0]);
        forged = forged.withSignature(Signatures.sign(two.privateKey(), forged.signedBytes()));
        liar.send(frame(forged.encode()));
        assertFalse(liar.closedWithin(500));
      }

      // The nodes still run a ceremony together.
      Map<Integer, Object> results = net.onEach(net.roster.parties().keySet(), n -> n.runDkg());
      DkgResult first = assertInstanceOf(DkgResult.class, results.get(1));
      for (Object r : results.values()) {
        assertEquals(first.key(), assertInstanceOf(DkgResult.class, r).key());
      }
    }
  }

  static byte[] frame(byte[] body) {
    byte[] out = new byte[body.length + 4];
    out[0] = (byte) (body.length >>> 24);
    out[1] = (byte) (body.length >>> 16);
    out[2] = (byte) (body.length >>> 8);
    out[3] = (byte) body.length;
    System.arraycopy(body, 0, out, 4, body.length);
    return out;
  }

  @Test
  @DisplayName("clean shutdown frees the ports: a node can start again on them")
  void restart() throws Exception {
    try (TestNetwork net = new TestNetwork(dir, 2, 1)) {
      net.startAll(Map.of());
      net.close();
      try (TestNetwork again = new TestNetworkReuse(net)) {
        again.startAll(Map.of());
        assertTrue(again.nodes.get(1).allConnected());
      }
    }
  }

  /** A second network on the same roster and ports. */
  static final class TestNetworkReuse extends TestNetwork {
    TestNetworkReuse(TestNetwork previous) throws java.io.IOException {
      super(previous.dir, previous.roster);
    }
  }

}
