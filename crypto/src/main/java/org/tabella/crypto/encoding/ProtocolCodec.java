package org.tabella.crypto.encoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tabella.crypto.dkg.ComplaintBroadcast;
import org.tabella.crypto.dkg.DealerBroadcast;
import org.tabella.crypto.dkg.PrivateShare;
import org.tabella.crypto.dkg.RevealBroadcast;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.proofs.DleqProof;
import org.tabella.crypto.proofs.SchnorrProof;
import org.tabella.crypto.threshold.BlindingStep;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.Scalar;
import org.tabella.groups.SecretScalar;

/**
 * The canonical encodings of the crypto module's protocol messages (SPEC.md §3.4): the same bytes
 * travel on the wire, are echoed, and are digested. Decoders validate every element and scalar,
 * bound every count, require map keys in strictly increasing order, and refuse trailing bytes, so
 * {@code encode(decode(b)) == b} for every {@code b} they accept.
 */
public final class ProtocolCodec {
  /** Upper bound on list lengths in protocol messages (parties, commitments). */
  public static final int MAX_ITEMS = 4096;

  private ProtocolCodec() {}

  /** Encodes a dealer's round-1 broadcast: {@code I2OSP(d,4) ‖ I2OSP(k,4) ‖ LP(C_0)… ‖ LP(R) ‖ LP(z)}. */
  public static byte[] encode(DealerBroadcast b) {
    ByteWriter w = new ByteWriter().writeInt(b.dealer()).writeInt(b.commitments().size());
    b.commitments().forEach(w::writeElement);
    return w.writeElement(b.proofOfPossession().commitment()).writeScalar(b.proofOfPossession().response())
        .toByteArray();
  }

  /**
   * Decodes a dealer's broadcast with exactly {@code commitments} commitments (k); the count is
   * checked before any element is decoded.
   *
   * @throws MalformedEncodingException for malformed bytes or invalid elements
   */
  public static DealerBroadcast decodeDealerBroadcast(Group g, int commitments, byte[] bytes)
      throws MalformedEncodingException {
    ByteReader r = new ByteReader(bytes);
    int dealer = r.readInt();
    int n = r.readInt(commitments, commitments, "commitment count");
    List<Element> cs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cs.add(r.readElement(g));
    }
    SchnorrProof pop = new SchnorrProof(r.readElement(g), r.readScalar(g));
    r.end();
    return new DealerBroadcast(dealer, cs, pop);
  }

  /** Encodes a private share (for the pairwise TLS channel only). */
  public static byte[] encode(PrivateShare s) {
    return new ByteWriter().writeInt(s.dealer()).writeInt(s.recipient()).writeScalar(s.share().reveal())
        .toByteArray();
  }

  /**
   * Decodes a private share.
   *
   * @throws MalformedEncodingException for malformed bytes or an invalid scalar
   */
  public static PrivateShare decodePrivateShare(Group g, byte[] bytes) throws MalformedEncodingException {
    ByteReader r = new ByteReader(bytes);
    PrivateShare s = new PrivateShare(r.readInt(), r.readInt(), SecretScalar.of(r.readScalar(g)));
    r.end();
    return s;
  }

  /** Encodes a round-2 complaint broadcast (accused and echo keys in increasing order). */
  public static byte[] encode(ComplaintBroadcast c) {
    ByteWriter w = new ByteWriter().writeInt(c.from()).writeInt(c.accused().size());
    c.accused().stream().sorted().forEach(w::writeInt);
    w.writeInt(c.echoes().size());
    c.echoes().forEach((d, h) -> w.writeInt(d).writeBytes(h));
    return w.toByteArray();
  }

  /**
   * Decodes a complaint broadcast.
   *
   * @throws MalformedEncodingException for malformed bytes or ids out of order
   */
  public static ComplaintBroadcast decodeComplaint(byte[] bytes) throws MalformedEncodingException {
    ByteReader r = new ByteReader(bytes);
    int from = r.readInt();
    int n = r.readCount(MAX_ITEMS);
    List<Integer> accused = new ArrayList<>();
    int last = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      last = increasing(last, r.readInt());
      accused.add(last);
    }
    int m = r.readCount(MAX_ITEMS);
    Map<Integer, byte[]> echoes = new TreeMap<>();
    last = Integer.MIN_VALUE;
    for (int i = 0; i < m; i++) {
      last = increasing(last, r.readInt());
      echoes.put(last, r.readBytes(64));
    }
    r.end();
    return new ComplaintBroadcast(from, accused, echoes);
  }

  /** Encodes a round-3 reveal broadcast. */
  public static byte[] encode(RevealBroadcast b) {
    ByteWriter w = new ByteWriter().writeInt(b.dealer()).writeInt(b.revealed().size());
    b.revealed().forEach((j, s) -> w.writeInt(j).writeScalar(s));
    return w.toByteArray();
  }

  /**
   * Decodes a reveal broadcast.
   *
   * @throws MalformedEncodingException for malformed bytes, invalid scalars or ids out of order
   */
  public static RevealBroadcast decodeReveal(Group g, byte[] bytes) throws MalformedEncodingException {
    ByteReader r = new ByteReader(bytes);
    int dealer = r.readInt();
    int n = r.readCount(MAX_ITEMS);
    Map<Integer, Scalar> revealed = new TreeMap<>();
    int last = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      last = increasing(last, r.readInt());
      revealed.put(last, r.readScalar(g));
    }
    r.end();
    return new RevealBroadcast(dealer, revealed);
  }

  /** Encodes a decryption share with its proof: {@code I2OSP(i,4) ‖ LP(d) ‖ LP(R1) ‖ LP(R2) ‖ LP(z)}. */
  public static byte[] encode(DecryptionShare s) {
    ByteWriter w = new ByteWriter().writeInt(s.trustee()).writeElement(s.share());
    return writeDleq(w, s.proof()).toByteArray();
  }

  /**
   * Decodes a decryption share.
   *
   * @throws MalformedEncodingException for malformed bytes or invalid elements
   */
  public static DecryptionShare decodeDecryptionShare(Group g, byte[] bytes) throws MalformedEncodingException {
    ByteReader r = new ByteReader(bytes);
    DecryptionShare s = new DecryptionShare(r.readInt(), r.readElement(g), readDleq(g, r));
    r.end();
    return s;
  }

  /** Encodes a blinding step's public part: {@code I2OSP(i,4) ‖ LP(output) ‖ LP(R1) ‖ LP(R2) ‖ LP(z)}. */
  public static byte[] encode(BlindingStep s) {
    ByteWriter w = new ByteWriter().writeInt(s.trustee()).writeBytes(s.output().encode());
    return writeDleq(w, s.proof()).toByteArray();
  }

  /**
   * Decodes a blinding step applied to {@code input} (the input is not on the wire: it is the
   * previous step's output).
   *
   * @throws MalformedEncodingException for malformed bytes or invalid elements
   */
  public static BlindingStep decodeBlindingStep(Group g, Ciphertext input, byte[] bytes)
      throws MalformedEncodingException {
    ByteReader r = new ByteReader(bytes);
    int trustee = r.readInt();
    Ciphertext out = ciphertext(g, r.readBytes(2 * g.elementLength()));
    BlindingStep s = new BlindingStep(trustee, input, out, readDleq(g, r));
    r.end();
    return s;
  }

  /** Encodes a ciphertext as {@code LP(encode(a) ‖ encode(b))}. */
  public static byte[] encode(Ciphertext c) {
    return new ByteWriter().writeBytes(c.encode()).toByteArray();
  }

  /**
   * Decodes a ciphertext.
   *
   * @throws MalformedEncodingException for malformed bytes or invalid elements
   */
  public static Ciphertext decodeCiphertext(Group g, byte[] bytes) throws MalformedEncodingException {
    ByteReader r = new ByteReader(bytes);
    Ciphertext c = ciphertext(g, r.readBytes(2 * g.elementLength()));
    r.end();
    return c;
  }

  /** Writes a DLEQ proof's three fields. */
  public static ByteWriter writeDleq(ByteWriter w, DleqProof p) {
    return w.writeElement(p.commitment1()).writeElement(p.commitment2()).writeScalar(p.response());
  }

  /** Reads a DLEQ proof's three fields. */
  public static DleqProof readDleq(Group g, ByteReader r) throws MalformedEncodingException {
    return new DleqProof(r.readElement(g), r.readElement(g), r.readScalar(g));
  }

  private static Ciphertext ciphertext(Group g, byte[] b) throws MalformedEncodingException {
    try {
      return Ciphertext.decode(g, b);
    } catch (InvalidEncodingException e) {
      throw new MalformedEncodingException("invalid ciphertext: " + e.getMessage(), e);
    }
  }

  private static int increasing(int last, int next) throws MalformedEncodingException {
    if (next <= last) {
      throw new MalformedEncodingException("party ids not in strictly increasing order");
    }
    return next;
  }
}
