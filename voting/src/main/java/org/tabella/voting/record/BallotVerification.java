package org.tabella.voting.record;

import static org.tabella.voting.record.VerificationStep.BALLOT_ENCODING;
import static org.tabella.voting.record.VerificationStep.BALLOT_PROOFS;
import static org.tabella.voting.record.VerificationStep.BALLOT_UNIQUENESS;
import static org.tabella.voting.record.VerificationStep.BOARD_CHAIN;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.ProvenCiphertext;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.voting.Ballot;
import org.tabella.voting.BallotCodec;
import org.tabella.voting.BallotVerifier;
import org.tabella.voting.ContestBallot;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.board.BoardChain;
import org.tabella.voting.board.FingerprintSet;
import org.tabella.voting.tally.EncryptedTally;

/**
 * SPEC.md §4.5 steps V4–V7: the ballots and the board's chain, one chunk at a time (decoding and
 * the batched proofs of a chunk on all cores), so a record of any size is checked in bounded
 * memory: per ballot only two 16-byte fingerprints (its id and its ciphertexts) stay.
 */
final class BallotVerification {
  private BallotVerification() {}

  /**
   * What V4–V7 leave for the tally steps.
   *
   * @param tally the product of the valid ballots' selections, [contest][option]
   * @param ballots the number of recorded ballots
   */
  record Result(List<List<Ciphertext>> tally, long ballots) {}

  /** Runs V4–V7 and recomputes the tally from the ballots that passed every check. */
  static Result run(ElectionRecord r, Checks checks) {
    ElectionParameters e = r.election();
    FingerprintSet ids = new FingerprintSet();
    FingerprintSet cts = new FingerprintSet();
    List<List<Ciphertext>> tally = EncryptedTally.of(e, List.of());
    byte[] head = BoardChain.genesis(e, r.key().publicKey());
    boolean complete = true;
    int position = 0;
    RecordBallots.Chunks chunks = r.ballots().chunks();
    while (true) {
      List<byte[]> bytes;
      try {
        bytes = chunks.next();
      } catch (InvalidRecordException ex) {
        checks.fail(BALLOT_ENCODING, ex.file() + " " + ex.path(), ex.getMessage()
            + "; the ballots from board position " + position + " on were not checked");
        complete = false;
        break;
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      if (bytes == null) {
        break;
      }
      List<Ballot> good = chunk(r, bytes, position, ids, cts, checks);
      tally = add(tally, EncryptedTally.of(e, good));
      for (byte[] b : bytes) {
        head = BoardChain.next(head, b);
      }
      position += bytes.size();
    }
    checks.check(BOARD_CHAIN, complete && MessageDigest.isEqual(head, r.boardHead()), "board",
        complete ? "the hash chain over the ballots does not end at the recorded head"
            : "the hash chain was not checked: a chunk of ballots is unreadable");
    return new Result(tally, r.ballots().size());
  }

  /** V4–V6 for the ballots at positions first…; returns those that passed. */
  private static List<Ballot> chunk(ElectionRecord r, List<byte[]> bytes, int first, FingerprintSet ids,
      FingerprintSet cts, Checks checks) {
    ElectionParameters e = r.election();
    // Decoding validates every element (an inverse square root each on ristretto255): on all cores.
    List<Object> decoded = IntStream.range(0, bytes.size()).parallel().mapToObj(i -> {
      try {
        return (Object) BallotCodec.decode(e.group(), bytes.get(i));
      } catch (MalformedEncodingException ex) {
        return ex.getMessage();
      }
    }).toList();
    List<Ballot> valid = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < decoded.size(); i++) {
      if (!(decoded.get(i) instanceof Ballot b)) {
        checks.fail(BALLOT_ENCODING, "ballot " + (first + i), (String) decoded.get(i));
        continue;
      }
      checks.counted(BALLOT_ENCODING, 1);
      valid.add(b);
      positions.add(first + i);
      String where = "ballot " + (first + i) + " (id " + b.ballotId() + ")";
      checks.check(BALLOT_UNIQUENESS, ids.add(b.ballotId().getBytes(StandardCharsets.UTF_8)), where,
          "duplicate ballot id");
      for (ContestBallot c : b.contests()) {
        for (ProvenCiphertext s : c.selections()) {
          checks.check(BALLOT_UNIQUENESS, cts.add(s.ciphertext().a().encode()), where,
              "ciphertext copied from another ballot");
        }
      }
    }
    Map<Integer, List<String>> problems = BallotVerifier.problems(e, r.key().publicKey(), valid);
    checks.counted(BALLOT_PROOFS, valid.size() - problems.size());
    problems.forEach((i, p) -> checks.fail(BALLOT_PROOFS,
        "ballot " + positions.get(i) + " (id " + valid.get(i).ballotId() + ")", String.join("; ", p)));
    List<Ballot> good = new ArrayList<>();
    for (int i = 0; i < valid.size(); i++) {
      if (!problems.containsKey(i)) {
        good.add(valid.get(i));
      }
    }
    return good;
  }

  private static List<List<Ciphertext>> add(List<List<Ciphertext>> x, List<List<Ciphertext>> y) {
    List<List<Ciphertext>> out = new ArrayList<>(x.size());
    for (int c = 0; c < x.size(); c++) {
      List<Ciphertext> options = new ArrayList<>(x.get(c).size());
      for (int k = 0; k < x.get(c).size(); k++) {
        options.add(x.get(c).get(k).add(y.get(c).get(k)));
      }
      out.add(options);
    }
    return out;
  }
}
