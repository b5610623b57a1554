package org.tabella.voting;

import java.util.ArrayList;
import java.util.List;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.ProvenCiphertext;
import org.tabella.crypto.proofs.RangeProof;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.Scalar;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.crypto.encoding.ByteReader;
import org.tabella.crypto.encoding.ByteWriter;

/** The canonical binary encoding of ballots (SPEC.md §4.2), with validated decoding. */
public final class BallotCodec {
  private BallotCodec() {}

  /** Returns the canonical encoding of a ballot. */
  public static byte[] encode(Ballot b) {
    ByteWriter w = new ByteWriter().writeString("tabella-ballot-v1").writeString(b.ballotId())
        .writeInt(b.contests().size());
    for (ContestBallot c : b.contests()) {
      w.writeString(c.contestId()).writeInt(c.selections().size());
      for (ProvenCiphertext s : c.selections()) {
        w.writeBytes(s.ciphertext().encode());
        writeProof(w, s.proof());
      }
      w.writeByte(c.sumProof() == null ? 0 : 1);
      if (c.sumProof() != null) {
        writeProof(w, c.sumProof());
      }
    }
    return w.toByteArray();
  }

  static void writeProof(ByteWriter w, RangeProof p) {
    w.writeInt(p.maximum());
    for (int j = 0; j <= p.maximum(); j++) {
      w.writeBytes(p.commitmentsA().get(j).encode()).writeBytes(p.commitmentsB().get(j).encode())
          .writeBytes(p.challenges().get(j).encode()).writeBytes(p.responses().get(j).encode());
    }
  }

  /**
   * Decodes a ballot, validating every element and scalar.
   *
   * @throws MalformedEncodingException for anything malformed
   */
  public static Ballot decode(Group g, byte[] bytes) throws MalformedEncodingException {
    ByteReader r = new ByteReader(bytes);
    if (!"tabella-ballot-v1".equals(r.readString(32))) {
      throw new MalformedEncodingException("not a tabella-ballot-v1");
    }
    String id = r.readString(128);
    int contests = r.readCount(64);
    List<ContestBallot> cs = new ArrayList<>();
    try {
      for (int i = 0; i < contests; i++) {
        String cid = r.readString(64);
        int n = r.readCount(64);
        List<ProvenCiphertext> sel = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          Ciphertext c = Ciphertext.decode(g, r.readBytes(2 * g.elementLength()));
          sel.add(new ProvenCiphertext(c, readProof(g, r)));
        }
        RangeProof sum = r.readByte() == 1 ? readProof(g, r) : null;
        cs.add(new ContestBallot(cid, sel, sum));
      }
      r.end();
      return new Ballot(id, cs);
    } catch (InvalidEncodingException | IllegalArgumentException e) {
      throw new MalformedEncodingException("invalid ballot: " + e.getMessage(), e);
    }
  }

  static RangeProof readProof(Group g, ByteReader r) throws MalformedEncodingException, InvalidEncodingException {
    int max = r.readCount(64);
    List<Element> a = new ArrayList<>();
    List<Element> b = new ArrayList<>();
    List<Scalar> c = new ArrayList<>();
    List<Scalar> z = new ArrayList<>();
    for (int j = 0; j <= max; j++) {
      a.add(g.decode(r.readBytes(g.elementLength())));
      b.add(g.decode(r.readBytes(g.elementLength())));
      c.add(g.decodeScalar(r.readBytes(g.scalarLength())));
      z.add(g.decodeScalar(r.readBytes(g.scalarLength())));
    }
    return new RangeProof(a, b, c, z);
  }
}
