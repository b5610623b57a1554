package org.tabella.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.crypto.dkg.DkgAudit;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.network.node.CeremonyEvidence;
import org.tabella.network.wire.Envelope;

/**
 * Every disqualification carries evidence anyone can check offline (SPEC.md §3.5): party 4 of 4
 * deals with an invalid proof of possession (validly signed); every honest party disqualifies it,
 * and its evidence — the signed agreed messages of rounds 1–3 — re-judged by an auditor with only
 * the roster names party 4 for that reason. Evidence with a forged or missing signature is refused.
 */
@DisplayName("ceremony evidence: the verdict re-derived offline from signed messages")
@Timeout(120)
class CeremonyEvidenceTest {
  @TempDir
  Path dir;

  @Test
  void anInvalidDealingIsShownByItsAuthorsOwnSignedMessage() throws Exception {
    try (TestNetwork net = new TestNetwork(dir, 4, 3)) {
      net.startAll(Map.of(4, TestNetwork.faulty((instance, round, to, p) -> {
        if (instance.matches("dkg/[0-9a-f]{64}") && round == 1) {
          byte[] b = p.clone();
          b[b.length - 32] ^= 1; // the low byte of the proof's response: still canonical, no longer valid
          return b;
        }
        return p;
      })));
      Map<Integer, Object> results = net.onEach(Set.of(1, 2, 3, 4), n -> n.runDkg());
      for (int id = 1; id <= 3; id++) {
        DkgResult r = (DkgResult) results.get(id);
        assertEquals(Set.of(1, 2, 3), r.qualified());
        CeremonyEvidence evidence = net.nodes.get(id).lastCeremonyEvidence();
        DkgAudit audit = evidence.audit(net.roster);
        assertEquals(Set.of(1, 2, 3), audit.qualified());
        assertEquals(Set.of(4), audit.culprits());
        assertTrue(audit.misbehaviour().get(0).reason().contains("invalid proof of possession"), audit.toString());
        // Party 4's own signed dealing is in the evidence.
        assertTrue(evidence.messages().stream().anyMatch(e -> e.sender() == 4 && e.round() == 1));
      }

      CeremonyEvidence evidence = net.nodes.get(1).lastCeremonyEvidence();
      // A message whose signature is not its author's is refused, not judged.
      List<Envelope> forged = new ArrayList<>(evidence.messages());
      Envelope e = forged.get(0);
      byte[] sig = e.signature();
      sig[5] ^= 1;
      forged.set(0, e.withSignature(sig));
      assertThrows(IllegalArgumentException.class,
          () -> new CeremonyEvidence(evidence.instance(), forged, evidence.equivocations()).audit(net.roster));
      // Evidence for another ceremony's instance does not verify.
      assertThrows(IllegalArgumentException.class,
          () -> new CeremonyEvidence(evidence.instance() + "x", evidence.messages(), List.of()).audit(net.roster));
      // Without the culprit's dealing, the invalid proof cannot be shown: an auditor sees only that
      // the parties' signed echoes name a dealing it does not hold.
      List<Envelope> without = new ArrayList<>(evidence.messages());
      without.removeIf(m -> m.sender() == 4 && m.round() == 1);
      DkgAudit partial = new CeremonyEvidence(evidence.instance(), without, List.of()).audit(net.roster);
      assertFalse(partial.misbehaviour().stream().anyMatch(m -> m.reason().contains("proof of possession")), partial.toString());
      assertTrue(partial.misbehaviour().stream().allMatch(m -> m.reason().startsWith("round 2")), partial.toString());
    }
  }
}
