package org.tabella.network.wire;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tabella.crypto.encoding.ByteReader;
import org.tabella.crypto.encoding.ByteWriter;
import org.tabella.crypto.encoding.MalformedEncodingException;

/**
 * An agreed message as it travels (SPEC.md §3.4): the author's signed envelope (kind
 * {@link Envelope#AGREED}) and the signatures of the parties that have relayed it, each over
 * {@link #witnessedBytes}. The number of distinct valid signers — the author and its witnesses —
 * is the message's chain length, which decides in which sub-round it may still be accepted.
 * Encoding: {@code LP(message.encode()) ‖ I2OSP(count,4) ‖ (I2OSP(witness,4) ‖ LP(signature))…},
 * witnesses strictly increasing.
 *
 * @param message the author's signed agreed message
 * @param witnesses signature by witness id (not yet checked)
 */
public record WitnessedMessage(Envelope message, SortedMap<Integer, byte[]> witnesses) {
  /** At most this many witnesses are read (a roster is at most this big). */
  public static final int MAX_WITNESSES = 4096;

  /** Copies the witnesses. */
  public WitnessedMessage {
    Objects.requireNonNull(message, "message");
    TreeMap<Integer, byte[]> copy = new TreeMap<>();
    witnesses.forEach((id, sig) -> copy.put(id, sig.clone()));
    witnesses = Collections.unmodifiableSortedMap(copy);
  }

  /** The bytes a witness signs: {@code LP("tabella-witness-v1") ‖ LP(SHA-256(message.signedBytes()))}. */
  public static byte[] witnessedBytes(Envelope message) {
    return new ByteWriter().writeString("tabella-witness-v1").writeBytes(digest(message)).toByteArray();
  }

  /** SHA-256 of the message's signed bytes: its identity (never its signature bytes). */
  public static byte[] digest(Envelope message) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(message.signedBytes());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** This message with one more witness. */
  public WitnessedMessage with(int witness, byte[] signature) {
    TreeMap<Integer, byte[]> more = new TreeMap<>(witnesses);
    more.put(witness, signature);
    return new WitnessedMessage(message, more);
  }

  /** The canonical encoding. */
  public byte[] encode() {
    ByteWriter w = new ByteWriter().writeBytes(message.encode()).writeInt(witnesses.size());
    for (Map.Entry<Integer, byte[]> e : witnesses.entrySet()) {
      w.writeInt(e.getKey()).writeBytes(e.getValue());
    }
    return w.toByteArray();
  }

  /**
   * Decodes, refusing anything but the canonical form.
   *
   * @throws MalformedEncodingException for a malformed message, a message that is not of kind
   *     {@link Envelope#AGREED} or not a broadcast, witnesses out of order, or trailing bytes
   */
  public static WitnessedMessage decode(byte[] bytes) throws MalformedEncodingException {
    ByteReader r = new ByteReader(bytes);
    Envelope message = Envelope.decode(r.readBytes(Envelope.MAX_PAYLOAD + 8192));
    if (message.kind() != Envelope.AGREED || !message.isBroadcast()) {
      throw new MalformedEncodingException("a witnessed message carries an agreed broadcast");
    }
    int count = r.readCount(MAX_WITNESSES);
    TreeMap<Integer, byte[]> witnesses = new TreeMap<>();
    int last = 0;
    for (int i = 0; i < count; i++) {
      int id = r.readInt();
      if (id <= last) {
        throw new MalformedEncodingException("witnesses not in increasing order");
      }
      last = id;
      witnesses.put(id, r.readBytes(64));
    }
    r.end();
    return new WitnessedMessage(message, witnesses);
  }
}
