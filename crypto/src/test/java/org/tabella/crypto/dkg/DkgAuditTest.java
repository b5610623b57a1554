package org.tabella.crypto.dkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabella.crypto.proofs.SchnorrProof;
import org.tabella.groups.SecretScalar;

/**
 * An auditor holding only the public transcript (rounds 1–3 as broadcast) reaches every honest
 * party's verdict: the same qualified dealers and the same culprits (SPEC.md §3.5, culprits named
 * alike; the network layer ships those signed messages as {@code CeremonyEvidence}).
 */
@DisplayName("the public DKG audit reaches the parties' verdict from the transcript alone")
class DkgAuditTest {
  static Stream<Arguments> scenarios() {
    Consumer<DkgHarness> honest = h -> { };
    Consumer<DkgHarness> silent = h -> h.silentFrom.put(5, 1);
    Consumer<DkgHarness> badShareRevealed = h -> h.tamperShares = shares -> shares.stream().map(s -> s.dealer() == 2
        && s.recipient() == 4 ? new PrivateShare(2, 4, SecretScalar.of(s.share().reveal().add(DkgTest.G.scalar(1)))) : s)
        .toList();
    Consumer<DkgHarness> withheldReveal = h -> {
      h.tamperShares = shares -> shares.stream().filter(s -> !(s.dealer() == 3 && s.recipient() == 1)).toList();
      h.tamperReveal = r -> r.dealer() == 3 ? new RevealBroadcast(3, Map.of()) : r;
    };
    Consumer<DkgHarness> wrongReveal = h -> {
      h.tamperShares = shares -> shares.stream().filter(s -> !(s.dealer() == 3 && s.recipient() == 1)).toList();
      h.tamperReveal = r -> r.dealer() == 3 ? new RevealBroadcast(3, Map.of(1, DkgTest.G.scalar(5))) : r;
    };
    Consumer<DkgHarness> copiedProof = h -> h.tamperBroadcast = (from, to, b) -> {
      if (from != 4) {
        return b;
      }
      SchnorrProof other = new DkgParty(h.params, 1).deal().broadcast().proofOfPossession();
      return new DealerBroadcast(4, b.commitments(), other);
    };
    Consumer<DkgHarness> lyingEchoes = h -> h.tamperComplaint = c -> c.from() == 5
        ? new ComplaintBroadcast(5, List.of(), Map.of(5, c.echoes().get(5))) : c;
    Consumer<DkgHarness> falseComplaint = h -> h.tamperComplaint = c -> c.from() == 5
        ? new ComplaintBroadcast(5, List.of(1, 2), c.echoes()) : c;
    return Stream.of(Arguments.of("honest", honest), Arguments.of("a silent party", silent),
        Arguments.of("a bad share, revealed", badShareRevealed), Arguments.of("a withheld reveal", withheldReveal),
        Arguments.of("a wrong reveal", wrongReveal), Arguments.of("a copied proof of possession", copiedProof),
        Arguments.of("lying echoes", lyingEchoes), Arguments.of("false complaints", falseComplaint));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void auditMatchesEveryParty(String name, Consumer<DkgHarness> setUp) {
    DkgHarness h = DkgTest.harness();
    setUp.accept(h);
    Map<Integer, Object> results = h.run();
    DkgAudit audit = DkgAudit.judge(h.params, h.publishedDealings, h.publishedComplaints, h.publishedReveals);
    List<Integer> checked = new ArrayList<>();
    results.forEach((id, o) -> {
      if (o instanceof DkgResult r) {
        assertEquals(r.qualified(), audit.qualified(), name + ": party " + id + "'s qualified dealers");
        Set<Integer> culprits = new TreeSet<>();
        r.misbehaviour().forEach(m -> culprits.add(m.party()));
        assertEquals(culprits, audit.culprits(), name + ": party " + id + "'s culprits");
        checked.add(id);
      }
    });
    assertTrue(checked.size() >= 3, name + ": parties finished: " + checked);
  }
}
