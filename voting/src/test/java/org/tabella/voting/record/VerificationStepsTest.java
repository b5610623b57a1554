package org.tabella.voting.record;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.proofs.DleqProof;
import org.tabella.crypto.threshold.BlindingStep;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.crypto.threshold.ThresholdKey;
import org.tabella.groups.Element;
import org.tabella.voting.Ballot;
import org.tabella.voting.BallotCodec;
import org.tabella.voting.Fixtures;
import org.tabella.voting.tally.DecryptedEntry;
import org.tabella.voting.tally.EntryOutcome;

/** Each of the twelve steps of SPEC.md §4.5 catches its own kind of lie, and names itself. */
@DisplayName("every verification step reports its own finding")
class VerificationStepsTest {
  @TempDir
  static Path dir;
  static ElectionRecord mixed;
  static ElectionRecord ceremony;

  @BeforeAll
  static void records() throws Exception {
    mixed = Fixtures.mixedRecord(java.nio.file.Files.createDirectories(dir.resolve("m")));
    ceremony = Fixtures.ceremonyRecord(java.nio.file.Files.createDirectories(dir.resolve("c")));
  }

  static ElectionRecord key(ElectionRecord r, ThresholdKey k) {
    return new ElectionRecord(r.election(), k, r.qualified(), r.ceremony(), r.ballots(), r.boardHead(), r.entries());
  }

  static ElectionRecord ballots(ElectionRecord r, UnaryOperator<List<byte[]>> change) {
    List<byte[]> all;
    try {
      all = new ArrayList<>(r.ballots().toList());
    } catch (java.io.IOException | org.tabella.voting.record.InvalidRecordException e) {
      throw new IllegalStateException(e);
    }
    return new ElectionRecord(r.election(), r.key(), r.qualified(), r.ceremony(), change.apply(all),
        r.boardHead(), r.entries());
  }

  static ElectionRecord entry(ElectionRecord r, int i, UnaryOperator<DecryptedEntry> change) {
    List<DecryptedEntry> es = new ArrayList<>(r.entries());
    es.set(i, change.apply(es.get(i)));
    return RecordVerifierTest.withEntries(r, es);
  }

  static Stream<Arguments> lies() {
    Element g = Fixtures.G.generator();
    return Stream.of(
        Arguments.of(VerificationStep.KEY_PARAMETERS, (Lie) () -> key(mixed,
            new ThresholdKey(mixed.key().publicKey(), 2, mixed.key().verificationKeys()))),
        Arguments.of(VerificationStep.KEY_POLYNOMIAL, (Lie) () -> {
          Map<Integer, Element> vks = new TreeMap<>(mixed.key().verificationKeys());
          vks.put(4, vks.get(4).mul(g));
          return key(mixed, new ThresholdKey(mixed.key().publicKey(), 3, vks));
        }),
        Arguments.of(VerificationStep.KEY_CEREMONY, (Lie) () -> new ElectionRecord(ceremony.election(), ceremony.key(),
            List.of(1, 2), ceremony.ceremony(), ceremony.ballots(), ceremony.boardHead(), ceremony.entries())),
        Arguments.of(VerificationStep.KEY_CEREMONY, (Lie) () -> new ElectionRecord(mixed.election(), mixed.key(),
            List.of(1, 2, 3), Optional.empty(), mixed.ballots(), mixed.boardHead(), mixed.entries())),
        Arguments.of(VerificationStep.BALLOT_ENCODING, (Lie) () -> ballots(mixed, b -> {
          b.set(1, new byte[] {1, 2, 3});
          return b;
        })),
        Arguments.of(VerificationStep.BALLOT_UNIQUENESS, (Lie) () -> ballots(mixed, b -> {
          b.add(b.get(0));
          return b;
        })),
        Arguments.of(VerificationStep.BALLOT_PROOFS, (Lie) () -> ballots(mixed, b -> {
          Ballot copy = Fixtures.mixedBallot("other", 1, 0, new int[] {0, 0, 0, 0});
          b.set(2, BallotCodec.encode(new Ballot("c", copy.contests())));
          return b;
        })),
        Arguments.of(VerificationStep.BOARD_CHAIN, (Lie) () -> new ElectionRecord(mixed.election(), mixed.key(),
            mixed.qualified(), mixed.ceremony(), mixed.ballots(), new byte[32], mixed.entries())),
        Arguments.of(VerificationStep.TALLY_ENTRIES, (Lie) () -> {
          List<DecryptedEntry> es = new ArrayList<>(mixed.entries());
          es.remove(5);
          return RecordVerifierTest.withEntries(mixed, es);
        }),
        Arguments.of(VerificationStep.TALLY_CIPHERTEXTS, (Lie) () -> entry(mixed, 0, d -> new DecryptedEntry(
            d.contestId(), d.option(), d.ciphertext().add(new Ciphertext(g, g)), d.blinding(), d.shares(), d.outcome()))),
        Arguments.of(VerificationStep.JOINT_BLINDING, (Lie) () -> entry(mixed, 0, d -> new DecryptedEntry(
            d.contestId(), d.option(), d.ciphertext(), List.of(new BlindingStep(1, d.ciphertext(), d.ciphertext(),
                d.shares().get(0).proof())), d.shares(), d.outcome()))),
        Arguments.of(VerificationStep.DECRYPTION_SHARES, (Lie) () -> entry(mixed, 3, d -> {
          List<DecryptionShare> s = new ArrayList<>(d.shares());
          DleqProof p = s.get(1).proof();
          s.set(1, new DecryptionShare(s.get(1).trustee(), s.get(1).share(),
              new DleqProof(p.commitment1(), p.commitment2(), p.response().add(Fixtures.G.scalar(1)))));
          return new DecryptedEntry(d.contestId(), d.option(), d.ciphertext(), d.blinding(), s, d.outcome());
        })),
        Arguments.of(VerificationStep.OUTCOMES, (Lie) () -> entry(mixed, 4, d -> new DecryptedEntry(
            d.contestId(), d.option(), d.ciphertext(), d.blinding(), d.shares(),
            new EntryOutcome.Count(((EntryOutcome.Count) d.outcome()).value() + 1)))));
  }

  interface Lie {
    ElectionRecord tell() throws Exception;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lies")
  void stepCatchesItsLie(VerificationStep step, Lie lie) throws Exception {
    assertTrue(RecordVerifier.verify(mixed).valid());
    VerificationReport report = RecordVerifier.verify(lie.tell());
    assertFalse(report.findings(step).isEmpty(), step + " found nothing; findings: " + report.findings());
  }
}
