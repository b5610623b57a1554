package org.tabella.network.wire;

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
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.Scalar;
import org.tabella.groups.SecretScalar;

/**
 * Binary encodings of the crypto module's protocol messages (SPEC.md §3.4). Decoding validates
 * every element and scalar with the group's decoders before anything uses it.
 */
public final class CryptoWire {
  private static final int MAX_ITEMS = 4096;

  private CryptoWire() {}

  /** Encodes a dealer's round-1 broadcast. */
  public static byte[] encode(DealerBroadcast b) {
    WireWriter w = new WireWriter().writeInt(b.dealer()).writeInt(b.commitments().size());
    b.commitments().forEach(c -> w.writeBytes(c.encode()));
    return w.writeBytes(b.proofOfPossession().commitment().encode())
        .writeBytes(b.proofOfPossession().response().encode()).toByteArray();
  }

  /**
   * Decodes a dealer's broadcast.
   *
   * @throws InvalidMessageException for malformed bytes or invalid elements
   */
  public static DealerBroadcast decodeDealerBroadcast(Group g, byte[] bytes) throws InvalidMessageException {
    WireReader r = new WireReader(bytes);
    int dealer = r.readInt();
    int n = r.readCount(MAX_ITEMS);
    List<Element> cs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cs.add(element(g, r));
    }
    SchnorrProof pop = new SchnorrProof(element(g, r), scalar(g, r));
    r.end();
    return new DealerBroadcast(dealer, cs, pop);
  }

  /** Encodes a private share (for the pairwise TLS channel only). */
  public static byte[] encode(PrivateShare s) {
    return new WireWriter().writeInt(s.dealer()).writeInt(s.recipient())
        .writeBytes(s.share().reveal().encode()).toByteArray();
  }

  /**
   * Decodes a private share.
   *
   * @throws InvalidMessageException for malformed bytes or an invalid scalar
   */
  public static PrivateShare decodePrivateShare(Group g, byte[] bytes) throws InvalidMessageException {
    WireReader r = new WireReader(bytes);
    PrivateShare s = new PrivateShare(r.readInt(), r.readInt(), SecretScalar.of(scalar(g, r)));
    r.end();
    return s;
  }

  /** Encodes a round-2 complaint broadcast. */
  public static byte[] encode(ComplaintBroadcast c) {
    WireWriter w = new WireWriter().writeInt(c.from()).writeInt(c.accused().size());
    c.accused().forEach(w::writeInt);
    w.writeInt(c.echoes().size());
    c.echoes().forEach((d, h) -> w.writeInt(d).writeBytes(h));
    return w.toByteArray();
  }

  /**
   * Decodes a complaint broadcast.
   *
   * @throws InvalidMessageException for malformed bytes
   */
  public static ComplaintBroadcast decodeComplaint(byte[] bytes) throws InvalidMessageException {
    WireReader r = new WireReader(bytes);
    int from = r.readInt();
    int n = r.readCount(MAX_ITEMS);
    List<Integer> accused = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      accused.add(r.readInt());
    }
    int m = r.readCount(MAX_ITEMS);
    Map<Integer, byte[]> echoes = new TreeMap<>();
    for (int i = 0; i < m; i++) {
      echoes.put(r.readInt(), r.readBytes(64));
    }
    r.end();
    return new ComplaintBroadcast(from, accused, echoes);
  }

  /** Encodes a round-3 reveal broadcast. */
  public static byte[] encode(RevealBroadcast b) {
    WireWriter w = new WireWriter().writeInt(b.dealer()).writeInt(b.revealed().size());
    b.revealed().forEach((j, s) -> w.writeInt(j).writeBytes(s.encode()));
    return w.toByteArray();
  }

  /**
   * Decodes a reveal broadcast.
   *
   * @throws InvalidMessageException for malformed bytes or invalid scalars
   */
  public static RevealBroadcast decodeReveal(Group g, byte[] bytes) throws InvalidMessageException {
    WireReader r = new WireReader(bytes);
    int dealer = r.readInt();
    int n = r.readCount(MAX_ITEMS);
    Map<Integer, Scalar> revealed = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      revealed.put(r.readInt(), scalar(g, r));
    }
    r.end();
    return new RevealBroadcast(dealer, revealed);
  }

  /** Encodes a decryption share with its proof. */
  public static byte[] encode(DecryptionShare s) {
    return new WireWriter().writeInt(s.trustee()).writeBytes(s.share().encode())
        .writeBytes(s.proof().commitment1().encode()).writeBytes(s.proof().commitment2().encode())
        .writeBytes(s.proof().response().encode()).toByteArray();
  }

  /**
   * Decodes a decryption share.
   *
   * @throws InvalidMessageException for malformed bytes or invalid elements
   */
  public static DecryptionShare decodeDecryptionShare(Group g, byte[] bytes) throws InvalidMessageException {
    WireReader r = new WireReader(bytes);
    DecryptionShare s = new DecryptionShare(r.readInt(), element(g, r),
        new DleqProof(element(g, r), element(g, r), scalar(g, r)));
    r.end();
    return s;
  }

  /** Encodes a ciphertext. */
  public static byte[] encode(Ciphertext c) {
    return new WireWriter().writeBytes(c.encode()).toByteArray();
  }

  /**
   * Decodes a ciphertext.
   *
   * @throws InvalidMessageException for malformed bytes or invalid elements
   */
  public static Ciphertext decodeCiphertext(Group g, byte[] bytes) throws InvalidMessageException {
    WireReader r = new WireReader(bytes);
    byte[] b = r.readBytes(2 * g.elementLength());
    r.end();
    try {
      return Ciphertext.decode(g, b);
    } catch (InvalidEncodingException e) {
      throw new InvalidMessageException("invalid ciphertext: " + e.getMessage(), e);
    }
  }

  private static Element element(Group g, WireReader r) throws InvalidMessageException {
    try {
      return g.decode(r.readBytes(g.elementLength()));
    } catch (InvalidEncodingException e) {
      throw new InvalidMessageException("invalid group element: " + e.getMessage(), e);
    }
  }

  private static Scalar scalar(Group g, WireReader r) throws InvalidMessageException {
    try {
      return g.decodeScalar(r.readBytes(g.scalarLength()));
    } catch (InvalidEncodingException e) {
      throw new InvalidMessageException("invalid scalar: " + e.getMessage(), e);
    }
  }
}
