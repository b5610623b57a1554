package org.tabella.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.network.node.Equivocation;
import org.tabella.network.node.PartyNode;
import org.tabella.network.roster.Identity;
import org.tabella.network.roster.Signatures;
import org.tabella.network.wire.Envelope;

/**
 * Security review finding 2: ECDSA's (r, n − s) also verifies, and equivocation was judged on the
 * whole envelope, so any relayer could frame an honest party. Signatures are now canonical (low s)
 * and equivocation means two different signed payloads.
 */
@DisplayName("signature malleability cannot frame an honest party")
@Timeout(60)
class MalleabilityTest {
  static final BigInteger N = new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);

  @TempDir
  Path dir;

  static byte[] malleate(byte[] sig) {
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
    byte[] s2 = N.subtract(s).toByteArray();
    byte[] out = sig.clone();
    Arrays.fill(out, 32, 64, (byte) 0);
    int n = Math.min(32, s2.length);
    System.arraycopy(s2, s2.length - n, out, 64 - n, n);
    return out;
  }

  @Test
  @DisplayName("signatures are low-s; the high-s twin of a valid signature is refused")
  void lowS() throws Exception {
    Identity id = Identity.generate(1);
    for (int i = 0; i < 200; i++) {
      byte[] data = ("message " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] sig = Signatures.sign(id.privateKey(), data);
      assertTrue(new BigInteger(1, Arrays.copyOfRange(sig, 32, 64)).compareTo(N.shiftRight(1)) <= 0);
      assertTrue(Signatures.verify(id.certificate(), data, sig));
      assertFalse(Signatures.verify(id.certificate(), data, malleate(sig)), "(r, n − s) must not verify");
    }
  }

  @Test
  @DisplayName("a relayer forwarding an honest broadcast with (r, n − s) gets it dropped; no 'equivocation', the message is delivered")
  void malleatedEchoIsDropped() throws Exception {
    try (TestNetwork net = new TestNetwork(dir, 3, 2)) {
      var options = TestNetwork.fast().withConnectTimeout(Duration.ofSeconds(2));
      CompletableFuture<PartyNode> one = CompletableFuture.supplyAsync(() -> start(net, 1, options));
      CompletableFuture<PartyNode> two = CompletableFuture.supplyAsync(() -> start(net, 2, options));
      try (PartyNode n1 = one.get(20, TimeUnit.SECONDS); PartyNode n2 = two.get(20, TimeUnit.SECONDS)) {
        byte[] payload = {1, 2, 3};
        Envelope genuine = new Envelope(net.roster.sessionId(), "x", 1, 1, Envelope.BROADCAST, Envelope.MESSAGE,
            payload, new byte[0]);
        genuine = genuine.withSignature(Signatures.sign(net.identity(1).privateKey(), genuine.signedBytes()));
        Envelope malleated = genuine.withSignature(malleate(genuine.signature()));
        // Party 3 (the adversary, with its real identity) relays the malleated copy to party 2, once
        // before party 1's own broadcast arrives and once after it.
        try (RogueClient three = new RogueClient(net.roster.party(2).port(), net.identity(3))) {
          assertTrue(three.handshake());
          Envelope echo = new Envelope(net.roster.sessionId(), "x", 1, 3, Envelope.BROADCAST, Envelope.ECHO,
              malleated.encode(), new byte[0]);
          three.send(HostileInputTest.frame(echo.encode()));
          Thread.sleep(200);
          n1.broadcast("x", 1, payload);
          Thread.sleep(500);
          three.send(HostileInputTest.frame(echo.encode()));
          Thread.sleep(500);
          Map<Integer, byte[]> got = n2.collectBroadcastsFrom("x", 1, Set.of(1));
          assertArrayEquals(payload, got.get(1), "party 1's broadcast is delivered");
          assertTrue(n2.equivocations().isEmpty(), "no fabricated evidence: " + n2.equivocations());
        }
      }
    }
  }

  @Test
  @DisplayName("real equivocation evidence is two different signed payloads, checkable offline")
  void evidence() throws Exception {
    Path d = dir.resolve("e");
    try (TestNetwork net = new TestNetwork(java.nio.file.Files.createDirectories(d), 3, 2)) {
      Identity one = net.identity(1);
      Envelope a = new Envelope(net.roster.sessionId(), "x", 1, 1, 0, Envelope.MESSAGE, new byte[] {1}, new byte[0]);
      Envelope b = new Envelope(net.roster.sessionId(), "x", 1, 1, 0, Envelope.MESSAGE, new byte[] {2}, new byte[0]);
      a = a.withSignature(Signatures.sign(one.privateKey(), a.signedBytes()));
      b = b.withSignature(Signatures.sign(one.privateKey(), b.signedBytes()));
      assertTrue(new Equivocation(1, a, b).isProof(net.roster));
      assertFalse(new Equivocation(1, a, a.withSignature(malleate(a.signature()))).isProof(net.roster));
      assertFalse(new Equivocation(2, a, b).isProof(net.roster), "names the wrong party");
    }
  }

  private static PartyNode start(TestNetwork net, int id, org.tabella.network.node.NodeOptions o) {
    try {
      return PartyNode.start(net.roster, net.identity(id), o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
