package org.tabella.voting;

import java.util.ArrayList;
import java.util.List;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.ProvenCiphertext;
import org.tabella.crypto.encoding.ByteReader;
import org.tabella.crypto.encoding.ByteWriter;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.crypto.proofs.RangeProof;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.Scalar;

/**
 * The canonical binary encoding of ballots (SPEC.md §4.2). Decoding accepts exactly the bytes that
 * {@link #encode} produces for some ballot: lengths are bounded in bytes, ids must be valid UTF-8,
 * the sum-proof flag must be 0 or 1, every element and scalar is validated, and nothing may
 * follow. So {@code encode(decode(b))} equals {@code b} for every accepted {@code b}.
 */
public final class BallotCodec {
  private static final String TAG = "tabella-ballot-v1";

  private BallotCodec() {}

  /** Returns the canonical encoding of a ballot. */
  public static byte[] encode(Ballot b) {
    ByteWriter w = new ByteWriter().writeString(TAG).writeString(b.ballotId()).writeInt(b.contests().size());
    for (ContestBallot c : b.contests()) {
      w.writeString(c.contestId()).writeInt(c.selections().size());
      for (ProvenCiphertext s : c.selections()) {
        w.writeBytes(s.ciphertext().encode());
        writeProof(w, s.proof());
      }
      w.writeFlag(c.sumProof() != null);
      if (c.sumProof() != null) {
        writeProof(w, c.sumProof());
      }
    }
    return w.toByteArray();
  }

  private static void writeProof(ByteWriter w, RangeProof p) {
    w.writeInt(p.maximum());
    for (int j = 0; j <= p.maximum(); j++) {
      w.writeElement(p.commitmentsA().get(j)).writeElement(p.commitmentsB().get(j))
          .writeScalar(p.challenges().get(j)).writeScalar(p.responses().get(j));
    }
  }

  /**
   * Decodes a ballot, validating every element and scalar.
   *
   * @throws MalformedEncodingException for anything but a canonical ballot encoding
   */
  public static Ballot decode(Group g, byte[] bytes) throws MalformedEncodingException {
    ByteReader r = new ByteReader(bytes);
    r.expectString(TAG);
    String id = r.readString(Ballot.MAX_ID_BYTES);
    int contests = r.readCount(ElectionParameters.MAX_CONTESTS);
    List<ContestBallot> cs = new ArrayList<>();
    try {
      for (int i = 0; i < contests; i++) {
        String cid = r.readString(Contest.MAX_ID_BYTES);
        int n = r.readCount(Contest.MAX_OPTIONS);
        List<ProvenCiphertext> sel = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          Ciphertext c = Ciphertext.decode(g, r.readBytes(2 * g.elementLength()));
          sel.add(new ProvenCiphertext(c, readProof(g, r)));
        }
        RangeProof sum = r.readFlag() ? readProof(g, r) : null;
        cs.add(new ContestBallot(cid, sel, sum));
      }
      r.end();
      return new Ballot(id, cs);
    } catch (InvalidEncodingException | IllegalArgumentException e) {
      throw new MalformedEncodingException("invalid ballot: " + e.getMessage(), e);
    }
  }

  private static RangeProof readProof(Group g, ByteReader r) throws MalformedEncodingException {
    int max = r.readInt(1, Contest.MAX_OPTIONS, "range-proof maximum");
    List<Element> a = new ArrayList<>();
    List<Element> b = new ArrayList<>();
    List<Scalar> c = new ArrayList<>();
    List<Scalar> z = new ArrayList<>();
    for (int j = 0; j <= max; j++) {
      a.add(r.readElement(g));
      b.add(r.readElement(g));
      c.add(r.readScalar(g));
      z.add(r.readScalar(g));
    }
    return new RangeProof(a, b, c, z);
  }
}
