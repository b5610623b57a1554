package org.tabella.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.DiscreteLog;
import org.tabella.crypto.elgamal.ElGamal;
import org.tabella.crypto.threshold.DecryptionResult;
import org.tabella.crypto.threshold.RejectedShare;
import org.tabella.network.node.NodeOptions;
import org.tabella.crypto.encoding.ProtocolCodec;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.groups.Groups;

@DisplayName("ceremonies between nodes over loopback TLS")
@Timeout(120)
class CeremonyOverTlsTest {
  static final byte[] CTX = "tally".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path dir;

  /** DKG on the given nodes, then decryption of Enc(m) by the given decryptors. */
  static Map<Integer, Object> dkg(TestNetwork net, Set<Integer> ids) throws Exception {
    return net.onEach(ids, n -> n.runDkg());
  }

  static DkgResult agreed(Map<Integer, Object> results) {
    DkgResult first = null;
    for (var e : results.entrySet()) {
      DkgResult r = assertInstanceOf(DkgResult.class, e.getValue(), "party " + e.getKey());
      if (first == null) {
        first = r;
      }
      assertEquals(first.key(), r.key(), "party " + e.getKey() + " disagrees");
      assertEquals(first.qualified(), r.qualified());
    }
    return first;
  }

  static Map<Integer, Object> decrypt(TestNetwork net, Map<Integer, Object> dkg, Ciphertext c, String instance)
      throws Exception {
    return net.onEach(dkg.keySet(), n -> n.decrypt(((DkgResult) dkg.get(n.id())).key(),
        ((DkgResult) dkg.get(n.id())).share(), c, instance, CTX));
  }

  static long plaintext(Object decryption) throws Exception {
    DecryptionResult r = assertInstanceOf(DecryptionResult.class, decryption);
    return DiscreteLog.forBound(Groups.named("ristretto255"), 1000).solve(r.plaintextElement());
  }

  @Test
  @DisplayName("5 nodes, quorum 3: DKG then threshold decryption, every node agrees")
  void honest() throws Exception {
    try (TestNetwork net = new TestNetwork(dir, 5, 3)) {
      net.startAll(Map.of());
      Map<Integer, Object> dkg = dkg(net, net.roster.parties().keySet());
      DkgResult key = agreed(dkg);
      assertEquals(Set.of(1, 2, 3, 4, 5), key.qualified());
      Ciphertext c = ElGamal.encrypt(key.key().publicKey(), 42);
      for (Object r : decrypt(net, dkg, c, "decrypt-1").values()) {
        assertEquals(42, plaintext(r));
      }
    }
  }

  @Test
  @DisplayName("one node crashes after dealing, another before decryption: the rest finish")
  void crashes() throws Exception {
    try (TestNetwork net = new TestNetwork(dir, 5, 3)) {
      net.startAll(Map.of());
      // Node 5 deals, then dies before round 2.
      net.nodes.get(5).close();
      Map<Integer, Object> dkg = dkg(net, Set.of(1, 2, 3, 4));
      DkgResult key = agreed(dkg);
      Ciphertext c = ElGamal.encrypt(key.key().publicKey(), 7);
      net.nodes.get(4).close();
      Map<Integer, Object> rest = new HashMap<>(dkg);
      rest.remove(4);
      for (Object r : decrypt(net, rest, c, "decrypt-1").values()) {
        assertEquals(7, plaintext(r));
      }
    }
  }

  @Test
  @DisplayName("two nodes die mid-DKG: three remain, exactly a quorum")
  void twoDown() throws Exception {
    try (TestNetwork net = new TestNetwork(dir, 5, 3)) {
      Map<Integer, Object> opts = new HashMap<>();
      // Nodes 4 and 5 send round 1 and then nothing.
      for (int id : new int[] {4, 5}) {
        opts.put(id, TestNetwork.faulty((inst, round, to, p) -> round == 1 ? p : null));
      }
      net.startAll(opts);
      Map<Integer, Object> dkg = dkg(net, Set.of(1, 2, 3));
      net.nodes.get(4).close();
      net.nodes.get(5).close();
      DkgResult key = agreed(dkg);
      Ciphertext c = ElGamal.encrypt(key.key().publicKey(), 3);
      for (Object r : decrypt(net, dkg, c, "decrypt-1").values()) {
        assertEquals(3, plaintext(r));
      }
    }
  }

  @Test
  @DisplayName("a silent node is absent after the round timeout")
  void silent() throws Exception {
    try (TestNetwork net = new TestNetwork(dir, 4, 3)) {
      net.startAll(Map.of(4, TestNetwork.faulty((i, r, to, p) -> null)));
      Map<Integer, Object> dkg = dkg(net, Set.of(1, 2, 3));
      assertEquals(Set.of(1, 2, 3), agreed(dkg).qualified());
    }
  }

  @Test
  @DisplayName("a bad private share is complained about and publicly resolved; a bad decryption share is excluded")
  void liars() throws Exception {
    try (TestNetwork net = new TestNetwork(dir, 5, 3)) {
      var g = Groups.named("ristretto255");
      Map<Integer, Object> opts = new HashMap<>();
      opts.put(2, TestNetwork.faulty((inst, round, to, p) -> {
        if (inst.matches("dkg/[0-9a-f]{64}") && round == 1 && to == 4 && p.length < 100) {
          return tamperShare(g, p);
        }
        return p;
      }));
      opts.put(5, TestNetwork.faulty((inst, round, to, p) ->
          inst.startsWith("decrypt") ? tamperDecryptionShare(g, p) : p));
      net.startAll(opts);
      Map<Integer, Object> dkg = dkg(net, net.roster.parties().keySet());
      DkgResult key = agreed(dkg);
      assertEquals(Set.of(1, 2, 3, 4, 5), key.qualified());
      Ciphertext c = ElGamal.encrypt(key.key().publicKey(), 11);
      Map<Integer, Object> dec = decrypt(net, dkg, c, "decrypt-1");
      for (int id : new int[] {1, 2, 3, 4}) {
        assertEquals(11, plaintext(dec.get(id)));
        DecryptionResult r = (DecryptionResult) dec.get(id);
        assertTrue(r.rejected().stream().map(RejectedShare::trustee).anyMatch(t -> t == 5), "5 reported");
        assertFalse(r.usedTrustees().contains(5));
      }
    }
  }

  @Test
  @DisplayName("an equivocating broadcaster is caught with both signed messages and left out")
  void equivocation() throws Exception {
    try (TestNetwork net = new TestNetwork(dir, 5, 3)) {
      var g = Groups.named("ristretto255");
      // Node 3 shows party 1 a different (valid) dealing than everyone else.
      byte[][] alternative = new byte[1][];
      net.startAll(Map.of(3, TestNetwork.faulty((inst, round, to, p) -> {
        if (inst.matches("dkg/[0-9a-f]{64}") && round == 1 && to == 1 && p.length > 100) {
          synchronized (alternative) {
            if (alternative[0] == null) {
              var params = new org.tabella.crypto.dkg.DkgParameters(g, 5, 3, net.roster.sessionId());
              alternative[0] = ProtocolCodec.encode(new org.tabella.crypto.dkg.DkgParty(params, 3).deal().broadcast());
            }
            return alternative[0];
          }
        }
        return p;
      })));
      Set<Integer> honest = new TreeSet<>(Set.of(1, 2, 4, 5));
      Map<Integer, Object> all = dkg(net, net.roster.parties().keySet());
      Map<Integer, Object> dkg = new HashMap<>(all);
      dkg.remove(3);
      DkgResult key = agreed(dkg);
      assertFalse(key.qualified().contains(3));
      for (int id : honest) {
        var eq = net.nodes.get(id).equivocations();
        assertTrue(eq.stream().anyMatch(e -> e.party() == 3), "party " + id + " has the evidence");
      }
      var evidence = net.nodes.get(2).equivocations().get(0);
      assertFalse(java.util.Arrays.equals(evidence.first().payload(), evidence.second().payload()));
    }
  }

  static byte[] tamperShare(org.tabella.groups.Group g, byte[] p) {
    try {
      var s = ProtocolCodec.decodePrivateShare(g, p);
      return ProtocolCodec.encode(new org.tabella.crypto.dkg.PrivateShare(s.dealer(), s.recipient(),
          org.tabella.groups.SecretScalar.of(s.share().reveal().add(g.scalar(1)))));
    } catch (MalformedEncodingException e) {
      return p;
    }
  }

  static byte[] tamperDecryptionShare(org.tabella.groups.Group g, byte[] p) {
    try {
      var s = ProtocolCodec.decodeDecryptionShare(g, p);
      return ProtocolCodec.encode(new org.tabella.crypto.threshold.DecryptionShare(s.trustee(),
          s.share().mul(g.generator()), s.proof()));
    } catch (MalformedEncodingException e) {
      return p;
    }
  }
}
