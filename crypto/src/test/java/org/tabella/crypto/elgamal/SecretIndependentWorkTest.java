package org.tabella.crypto.elgamal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tabella.crypto.proofs.RangeProof;
import org.tabella.crypto.testing.TracingGroup;
import org.tabella.groups.Groups;

/**
 * The encryptor and the range prover do the same group operations, in the same order, whatever
 * the vote: the vote reaches them only through constant-time selects (SPEC.md §1.7). Before, g^m
 * was the identity for 0 and g for 1 (on Bouncy Castle curves an addition that returns early), and
 * the prover took its real branch with one exponentiation fewer than a simulated one.
 */
class SecretIndependentWorkTest {

  @ParameterizedTest
  @ValueSource(strings = {"ristretto255", "P-256", "decaf448", "modp-2048-256"})
  void encryptionAndProofLeaveOneTraceForEveryVote(String groupName) {
    TracingGroup g = new TracingGroup(Groups.named(groupName));
    ElGamalPublicKey key = ElGamalPublicKey.of(g.generator().exp(g.randomNonZeroScalar(new java.security.SecureRandom())));
    key.table();
    byte[] context = "trace".getBytes(StandardCharsets.US_ASCII);
    for (int maximum : new int[] {1, 3}) {
      List<String> first = null;
      for (int m = 0; m <= maximum; m++) {
        g.takeTrace();
        ElGamal.Encryption e = ElGamal.encryptWithNonce(key, m, maximum);
        RangeProof p = RangeProof.prove(key.table(), e.ciphertext().a(), e.ciphertext().b(),
            e.nonce(), m, maximum, context);
        List<String> trace = g.takeTrace();
        assertTrue(p.verify(key.element(), e.ciphertext().a(), e.ciphertext().b(), maximum, context),
            "m = " + m + " of " + maximum);
        if (first == null) {
          first = trace;
          assertTrue(trace.contains("g.timesSmallPower " + maximum), trace.toString());
          assertFalse(trace.contains("identity"), trace.toString());
        } else {
          assertEquals(first, trace, "operations for m = " + m + " vs m = 0, L = " + maximum);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ristretto255", "P-256", "secp256k1", "P-384", "decaf448", "modp-2048-256"})
  void smallAndZeroPowersAreExact(String groupName) {
    var g = Groups.named(groupName);
    var rng = new java.security.SecureRandom();
    var x = g.generator().exp(g.randomNonZeroScalar(rng));
    var table = g.generatorTable();
    for (int bound : new int[] {1, 8, 9}) {
      for (int e = 0; e <= bound; e++) {
        assertEquals(x.mul(g.generator().exp(g.scalar(e))), table.timesSmallPower(x, e, bound));
      }
    }
    assertEquals(x, table.timesPower(x, g.scalar(0)));
    assertEquals(x.div(g.generator()), table.timesPower(x, g.scalar(-1)));
    var s = g.randomScalar(rng);
    assertEquals(x.mul(g.generator().exp(s)), table.timesPower(x, s));
    var h = g.fixedBase(x);
    assertEquals(g.generator().mul(x), h.timesSmallPower(g.generator(), 1, 1));
    assertThrows(IllegalArgumentException.class, () -> table.timesSmallPower(x, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> table.timesSmallPower(x, -1, 1));
  }
}
