package org.tabella.voting.record;

import static org.tabella.voting.record.VerificationStep.BALLOT_ENCODING;
import static org.tabella.voting.record.VerificationStep.BALLOT_PROOFS;
import static org.tabella.voting.record.VerificationStep.BALLOT_UNIQUENESS;
import static org.tabella.voting.record.VerificationStep.BOARD_CHAIN;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.tabella.crypto.elgamal.ProvenCiphertext;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.voting.Ballot;
import org.tabella.voting.BallotCodec;
import org.tabella.voting.BallotVerifier;
import org.tabella.voting.ContestBallot;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.board.BoardChain;

/** SPEC.md §4.5 steps V4–V7: the ballots and the board's chain. */
final class BallotVerification {
  private BallotVerification() {}

  /**
   * Runs V4–V7; returns the ballots that decoded and passed every check, in board order (the
   * tally is recomputed from these; any other ballot is already a finding).
   */
  static List<Ballot> run(ElectionRecord r, Checks checks) {
    ElectionParameters e = r.election();
    List<byte[]> bytes = r.ballotBytes();
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
    Set<String> ids = new HashSet<>();
    Set<ByteBuffer> cts = new HashSet<>();
    for (int i = 0; i < decoded.size(); i++) {
      if (!(decoded.get(i) instanceof Ballot b)) {
        checks.fail(BALLOT_ENCODING, "ballot " + i, (String) decoded.get(i));
        continue;
      }
      checks.counted(BALLOT_ENCODING, 1);
      valid.add(b);
      positions.add(i);
      String where = "ballot " + i + " (id " + b.ballotId() + ")";
      checks.check(BALLOT_UNIQUENESS, ids.add(b.ballotId()), where, "duplicate ballot id");
      for (ContestBallot c : b.contests()) {
        for (ProvenCiphertext s : c.selections()) {
          checks.check(BALLOT_UNIQUENESS, cts.add(ByteBuffer.wrap(s.ciphertext().a().encode())), where,
              "ciphertext copied from another ballot");
        }
      }
    }
    Map<Integer, List<String>> problems = BallotVerifier.problems(e, r.key().publicKey(), valid);
    checks.counted(BALLOT_PROOFS, valid.size() - problems.size());
    problems.forEach((i, p) -> checks.fail(BALLOT_PROOFS,
        "ballot " + positions.get(i) + " (id " + valid.get(i).ballotId() + ")", String.join("; ", p)));
    byte[] head = BoardChain.genesis(e, r.key().publicKey());
    for (byte[] b : bytes) {
      head = BoardChain.next(head, b);
    }
    checks.check(BOARD_CHAIN, MessageDigest.isEqual(head, r.boardHead()), "board",
        "the hash chain over the ballots does not end at the recorded head");
    List<Ballot> good = new ArrayList<>();
    for (int i = 0; i < valid.size(); i++) {
      if (!problems.containsKey(i)) {
        good.add(valid.get(i));
      }
    }
    return good;
  }
}
