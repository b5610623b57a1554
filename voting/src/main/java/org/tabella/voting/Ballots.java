package org.tabella.voting;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.ElGamal;
import org.tabella.crypto.elgamal.ElGamalPublicKey;
import org.tabella.crypto.elgamal.ProvenCiphertext;
import org.tabella.crypto.encoding.ByteWriter;
import org.tabella.crypto.proofs.ProofBatch;
import org.tabella.crypto.proofs.RangeProof;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;
import org.tabella.groups.SecretScalar;
import org.tabella.crypto.encoding.ByteWriter;

/**
 * Making and checking ballots (SPEC.md §4.2): each selection is encrypted with a 0/1 proof and each
 * multi-option contest gets a proof that its selections sum to at most the limit; every proof's
 * context binds the election hash, the ballot id, the contest and the option.
 */
public final class Ballots {
  private Ballots() {}

  /**
   * Encrypts one voter's choices: contest id → one 0/1 value per option.
   *
   * @throws IllegalArgumentException for a missing contest, a value other than 0/1, a wrong number
   *     of options or more selections than the limit
   */
  public static Ballot encrypt(ElectionParameters election, ElGamalPublicKey key, String ballotId,
      Map<String, int[]> choices) {
    byte[] electionHash = election.hash();
    List<ContestBallot> contests = new ArrayList<>();
    for (Contest c : election.contests()) {
      int[] sel = choices.get(c.id());
      if (sel == null || sel.length != c.options()) {
        throw new IllegalArgumentException("contest " + c.id() + " needs " + c.options() + " selections");
      }
      int sum = 0;
      List<ProvenCiphertext> proven = new ArrayList<>();
      Group g = key.group();
      Scalar nonceSum = g.scalar(0);
      Ciphertext product = Ciphertext.zero(g);
      for (int k = 0; k < sel.length; k++) {
        if ((sel[k] & ~1) != 0) { // one comparison: the same path for a 0 and a 1
          throw new IllegalArgumentException("selections are 0 or 1");
        }
        sum += sel[k];
        ElGamal.Encryption e = ElGamal.encryptWithNonce(key, sel[k], 1);
        RangeProof p = RangeProof.prove(key.table(), e.ciphertext().a(), e.ciphertext().b(), e.nonce(),
            sel[k], 1, selectionContext(electionHash, ballotId, c.id(), k));
        proven.add(new ProvenCiphertext(e.ciphertext(), p));
        nonceSum = nonceSum.add(e.nonce().reveal());
        product = product.add(e.ciphertext());
      }
      if (sum > c.limit()) {
        throw new IllegalArgumentException("contest " + c.id() + " allows at most " + c.limit() + " selections");
      }
      RangeProof sumProof = c.needsSumProof()
          ? RangeProof.prove(key.table(), product.a(), product.b(), SecretScalar.of(nonceSum), sum, c.limit(),
              sumContext(electionHash, ballotId, c.id()))
          : null;
      contests.add(new ContestBallot(c.id(), proven, sumProof));
    }
    return new Ballot(ballotId, contests);
  }

  /** A yes/no ballot for a one-referendum election. */
  public static Ballot referendum(ElectionParameters election, ElGamalPublicKey key, String ballotId, boolean yes) {
    return encrypt(election, key, ballotId, Map.of(election.contests().get(0).id(), new int[] {yes ? 1 : 0}));
  }

  /**
   * Adds every proof of the ballot to a batch and returns the structural problems found on the way
   * (wrong contests or option counts, degenerate ciphertexts); the proofs' verdict comes from the
   * batch.
   */
  public static List<String> addTo(ProofBatch batch, ElectionParameters election, ElGamalPublicKey key, Ballot b) {
    List<String> problems = new ArrayList<>();
    byte[] electionHash = election.hash();
    if (b.contests().size() != election.contests().size()) {
      problems.add("ballot has " + b.contests().size() + " contests, the election " + election.contests().size());
      return problems;
    }
    for (int i = 0; i < b.contests().size(); i++) {
      Contest c = election.contests().get(i);
      ContestBallot cb = b.contests().get(i);
      if (!cb.contestId().equals(c.id()) || cb.selections().size() != c.options()) {
        problems.add("contest " + cb.contestId() + " does not match the election's " + c.id());
        continue;
      }
      Ciphertext product = Ciphertext.zero(key.group());
      for (int k = 0; k < cb.selections().size(); k++) {
        ProvenCiphertext s = cb.selections().get(k);
        if (s.ciphertext().a().isIdentity() || !s.ciphertext().group().equals(key.group())) {
          problems.add("contest " + c.id() + " option " + k + ": degenerate ciphertext");
        }
        if (s.proof().maximum() != 1) {
          problems.add("contest " + c.id() + " option " + k + ": not a 0/1 proof");
        }
        batch.add(s.proof(), 1, key.element(), s.ciphertext().a(), s.ciphertext().b(),
            selectionContext(electionHash, b.ballotId(), c.id(), k));
        product = product.add(s.ciphertext());
      }
      if (c.needsSumProof()) {
        if (cb.sumProof() == null || cb.sumProof().maximum() != c.limit()) {
          problems.add("contest " + c.id() + ": missing or wrong sum proof");
        } else {
          batch.add(cb.sumProof(), c.limit(), key.element(), product.a(), product.b(), sumContext(electionHash, b.ballotId(), c.id()));
        }
      } else if (cb.sumProof() != null) {
        problems.add("contest " + c.id() + ": unexpected sum proof");
      }
    }
    return problems;
  }

  /** Returns every problem with the ballot; empty when it is valid. */
  public static List<String> verify(ElectionParameters election, ElGamalPublicKey key, Ballot b) {
    ProofBatch batch = new ProofBatch(key.group());
    List<String> problems = addTo(batch, election, key, b);
    if (!batch.allValid()) {
      problems.add("invalid proof(s) at " + batch.invalid());
    }
    return problems;
  }

  /** The voter's tracking code: the first 16 bytes of SHA-256(election hash ‖ ballot bytes), hex. */
  public static String trackingCode(ElectionParameters election, Ballot b) {
    return trackingCode(election, BallotCodec.encode(b));
  }

  /** The tracking code of a ballot's canonical bytes (no re-encoding). */
  public static String trackingCode(ElectionParameters election, byte[] ballotBytes) {
    byte[] d = ElectionParameters.sha256(new ByteWriter().writeRaw(election.hash()).writeRaw(ballotBytes).toByteArray());
    return HexFormat.of().formatHex(d, 0, 16);
  }

  /**
   * The context of selection k's 0/1 proof: LP("tabella-selection-v1") ‖ LP(election hash) ‖
   * LP(ballot id) ‖ LP(contest id) ‖ I2OSP(k, 4) — the option index is a fixed-width integer,
   * not length-prefixed, and counts from 0 (SPEC.md §4.2).
   */
  static byte[] selectionContext(byte[] electionHash, String ballotId, String contestId, int option) {
    return new ByteWriter().writeString("tabella-selection-v1").writeBytes(electionHash).writeString(ballotId)
        .writeString(contestId).writeInt(option).toByteArray();
  }

  /** The context of a contest's sum proof (SPEC.md §4.2). */
  static byte[] sumContext(byte[] electionHash, String ballotId, String contestId) {
    return new ByteWriter().writeString("tabella-contest-sum-v1").writeBytes(electionHash).writeString(ballotId)
        .writeString(contestId).toByteArray();
  }
}
