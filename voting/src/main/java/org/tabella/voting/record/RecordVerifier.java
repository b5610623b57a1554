package org.tabella.voting.record;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.DiscreteLog;
import org.tabella.crypto.elgamal.DiscreteLogException;
import org.tabella.crypto.sharing.Lagrange;
import org.tabella.crypto.threshold.DecryptionResult;
import org.tabella.crypto.threshold.InsufficientSharesException;
import org.tabella.crypto.threshold.JointBlinding;
import org.tabella.crypto.threshold.ThresholdDecryption;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.voting.Ballot;
import org.tabella.voting.BallotCodec;
import org.tabella.voting.Ballots;
import org.tabella.voting.BulletinBoard;
import org.tabella.voting.Contest;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.EncryptedTally;

/**
 * Checks an election record from the record alone, trusting nothing it did not recompute
 * (SPEC.md §4.5): the key's consistency, every ballot (decoding, proofs in one batch, duplicates,
 * copies), the board's hash chain, the homomorphic tally, every blinding step and decryption share,
 * and every published count. Reports each failure it finds.
 */
public final class RecordVerifier {
  private RecordVerifier() {}

  /** Verifies a record. */
  public static VerificationReport verify(ElectionRecord r) {
    List<String> failures = new ArrayList<>();
    List<String> summary = new ArrayList<>();
    ElectionParameters e = r.election();
    Group g = e.groupObject();
    summary.add("election " + e.electionId() + " (" + e.group() + ", " + e.quorum() + " of " + e.trustees() + ")");

    // The key: n verification keys, and any k of them interpolate to the public key.
    var key = r.key();
    if (key.trustees() != e.trustees() || key.threshold() != e.quorum()) {
      failures.add("key: trustees/quorum differ from the election parameters");
    } else {
      List<Integer> first = new ArrayList<>(key.verificationKeys().keySet()).subList(0, key.threshold());
      List<Element> bases = new ArrayList<>();
      List<Scalar> exps = new ArrayList<>();
      for (int i : first) {
        bases.add(key.verificationKeys().get(i));
        exps.add(Lagrange.atZero(g, i, first));
      }
      if (!g.multiExp(bases, exps).equals(key.publicKey().element())) {
        failures.add("key: the verification keys do not interpolate to the public key");
      }
    }

    // The ceremony transcript, when the key came from a DKG: it must prove this very key.
    if (r.ceremony() != null) {
      var params = new org.tabella.crypto.dkg.DkgParameters(g, e.trustees(), e.quorum(), r.ceremony().sessionId());
      List<Integer> dealers = r.ceremony().dealers().stream().map(d -> d.dealer()).toList();
      if (!dealers.equals(r.qualified())) {
        failures.add("key: the ceremony's dealers are not the qualified dealers");
      }
      if (!org.tabella.crypto.dkg.DkgResult.transcriptProves(params, r.ceremony().dealers(), key)) {
        failures.add("key: the ceremony transcript does not prove the key (proofs of possession, commitments)");
      }
      summary.add("key ceremony: " + dealers.size() + " qualified dealers, transcript checked");
    } else {
      if (!r.qualified().isEmpty()) {
        failures.add("key: qualified dealers listed without a ceremony transcript to prove them");
      }
      summary.add("key from a trusted dealer (no ceremony transcript)");
    }

    // Ballots.
    // Decoding validates every element (a square root each on ristretto255): on all cores.
    List<Object> decoded = java.util.stream.IntStream.range(0, r.ballots().size()).parallel().mapToObj(i -> {
      try {
        return (Object) BallotCodec.decode(g, r.ballots().get(i));
      } catch (MalformedEncodingException ex) {
        return ex.getMessage();
      }
    }).toList();
    List<Ballot> ballots = new ArrayList<>();
    byte[] head = BulletinBoard.genesis(e);
    Set<String> ids = new HashSet<>();
    Set<java.nio.ByteBuffer> cts = new HashSet<>();
    for (int i = 0; i < r.ballots().size(); i++) {
      head = BulletinBoard.chain(head, r.ballots().get(i));
      if (!(decoded.get(i) instanceof Ballot b)) {
        failures.add("ballot " + i + ": " + decoded.get(i));
        continue;
      }
      if (!ids.add(b.ballotId())) {
        failures.add("ballot " + i + ": duplicate ballot id " + b.ballotId());
      }
      for (var c : b.contests()) {
        for (var s : c.selections()) {
          if (!cts.add(java.nio.ByteBuffer.wrap(s.ciphertext().a().encode()))) {
            failures.add("ballot " + i + ": ciphertext copied from another ballot");
          }
        }
      }
      ballots.add(b);
    }
    org.tabella.voting.BallotBatchVerifier.problems(e, key.publicKey(), ballots).forEach((i, problems) ->
        failures.add("ballot " + ballots.get(i).ballotId() + ": " + String.join("; ", problems)));
    if (!Arrays.equals(head, r.boardHead())) {
      failures.add("board: the hash chain does not end at the recorded head");
    }
    summary.add(ballots.size() + " ballots, every proof checked (batched, on all cores)");

    // Tally and decryptions.
    List<List<Ciphertext>> tally = EncryptedTally.of(e, ballots);
    int expectedEntries = 0;
    for (Contest c : e.contests()) {
      expectedEntries += c.options();
    }
    if (r.entries().size() != expectedEntries) {
      failures.add("tally: " + r.entries().size() + " entries, expected " + expectedEntries);
    }
    byte[] context = decryptionContext(e);
    for (DecryptedEntry d : r.entries()) {
      int ci = indexOf(e, d.contestId());
      if (ci < 0 || d.option() < 0 || d.option() >= e.contests().get(ci).options()) {
        failures.add("tally: unknown entry " + d.contestId() + "/" + d.option());
        continue;
      }
      Ciphertext product = tally.get(ci).get(d.option());
      Ciphertext expectedStart = e.unanimous() ? unanimityCiphertext(g, product, ballots.size()) : product;
      String where = "tally " + d.contestId() + "/" + d.option();
      if (!d.ciphertext().equals(expectedStart)) {
        failures.add(where + ": the ciphertext is not the product of the ballots");
      }
      if (e.unanimous() && !JointBlinding.verifyChain(d.ciphertext(), d.blinding(), context)) {
        failures.add(where + ": invalid joint-blinding chain");
      }
      if (e.unanimous() && d.blinding().size() < e.quorum()) {
        failures.add(where + ": fewer blinding steps than the quorum");
      }
      DecryptionResult result;
      try {
        result = ThresholdDecryption.combine(key, d.decrypted(), d.shares(), context);
      } catch (InsufficientSharesException ex) {
        failures.add(where + ": " + ex.getMessage());
        continue;
      }
      for (var rej : result.rejected()) {
        failures.add(where + ": share of trustee " + rej.trustee() + " rejected: " + rej.reason());
      }
      if (e.unanimous()) {
        if (result.plaintextElement().isIdentity() != d.unanimous()) {
          failures.add(where + ": the published unanimity does not match the decryption");
        }
        summary.add(where + ": " + (d.unanimous() ? "unanimous" : "not unanimous"));
      } else {
        try {
          long count = DiscreteLog.forBound(g, ballots.size()).solve(result.plaintextElement());
          if (count != d.count()) {
            failures.add(where + ": published count " + d.count() + " but the decryption gives " + count);
          }
          summary.add(where + ": " + count);
        } catch (DiscreteLogException ex) {
          failures.add(where + ": decryption is not a count in 0.." + ballots.size());
        }
      }
    }
    return new VerificationReport(failures, summary);
  }

  /** Enc(yes − voters): the product times (1, g^{−voters}), a deterministic shift anyone recomputes. */
  public static Ciphertext unanimityCiphertext(Group g, Ciphertext product, int voters) {
    return new Ciphertext(product.a(), product.b().mul(g.generator().expPublic(g.scalar(-voters))));
  }

  /** The context every decryption share and blinding step of the election binds. */
  public static byte[] decryptionContext(ElectionParameters e) {
    byte[] label = "tabella-tally-v1".getBytes(StandardCharsets.UTF_8);
    byte[] h = e.hash();
    byte[] out = Arrays.copyOf(label, label.length + h.length);
    System.arraycopy(h, 0, out, label.length, h.length);
    return out;
  }

  private static int indexOf(ElectionParameters e, String contestId) {
    for (int i = 0; i < e.contests().size(); i++) {
      if (e.contests().get(i).id().equals(contestId)) {
        return i;
      }
    }
    return -1;
  }
}
