package org.tabella.app;

import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tabella.crypto.encoding.ByteReader;
import org.tabella.crypto.encoding.ByteWriter;
import org.tabella.crypto.encoding.MalformedEncodingException;

/**
 * The boardroom election's round-2 rule (SPEC.md §4.6): every party broadcasts its view — which
 * sender's ballot it holds, as a SHA-256 digest — and a ballot is kept only if every view that
 * arrived holds exactly it. Every honest party computes the same set from the same views.
 */
final class BallotAgreement {
  private BallotAgreement() {}

  /** The senders whose ballot every view holds with the same digest (the first view is this party's own). */
  static Set<Integer> agreedSenders(List<Map<Integer, byte[]>> views) {
    Set<Integer> agreed = new TreeSet<>(views.get(0).keySet());
    for (Map<Integer, byte[]> v : views) {
      agreed.removeIf(sender -> !v.containsKey(sender) || !MessageDigest.isEqual(v.get(sender), views.get(0).get(sender)));
    }
    return agreed;
  }

  /** A view's canonical bytes: {@code I2OSP(count, 4) ‖ (I2OSP(sender, 4) ‖ LP(digest))…}, senders increasing. */
  static byte[] encodeView(Map<Integer, byte[]> digests) {
    ByteWriter w = new ByteWriter().writeInt(digests.size());
    new TreeMap<>(digests).forEach((sender, d) -> w.writeInt(sender).writeBytes(d));
    return w.toByteArray();
  }

  /**
   * Decodes a view.
   *
   * @throws MalformedEncodingException unless it is a canonical view
   */
  static Map<Integer, byte[]> decodeView(byte[] bytes) throws MalformedEncodingException {
    ByteReader r = new ByteReader(bytes);
    int n = r.readCount(1 << 16);
    Map<Integer, byte[]> m = new TreeMap<>();
    int last = 0;
    for (int i = 0; i < n; i++) {
      int sender = r.readInt();
      if (sender <= last) {
        throw new MalformedEncodingException("senders not in increasing order");
      }
      last = sender;
      byte[] d = r.readBytes(32);
      if (d.length != 32) {
        throw new MalformedEncodingException("a digest is 32 bytes");
      }
      m.put(sender, d);
    }
    r.end();
    return m;
  }

  /** SHA-256 of a ballot's bytes. */
  static byte[] digest(byte[] ballot) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(ballot);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
