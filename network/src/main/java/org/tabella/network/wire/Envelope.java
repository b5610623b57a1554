package org.tabella.network.wire;

import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.crypto.encoding.ByteReader;
import org.tabella.crypto.encoding.ByteWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * The unit every party sends (SPEC.md §3.2): which session, protocol instance and round it belongs
 * to, who sent it and to whom ({@link #BROADCAST} for everyone), whether it is a message or an
 * echo (a relayed copy of another party's signed broadcast), the payload, and the sender's
 * signature over all of that.
 *
 * @param sessionId the roster's session id
 * @param instance the protocol instance, e.g. {@code dkg} or {@code decrypt:tally-1}
 * @param round the round number within the instance
 * @param sender the signing party
 * @param recipient a party id, or {@link #BROADCAST}
 * @param kind {@link #MESSAGE}, {@link #ECHO}, {@link #AGREED} or {@link #WITNESSED}
 * @param payload the protocol message (for an echo: the encoded original envelope)
 * @param signature ECDSA over {@link #signedBytes()}
 */
public record Envelope(byte[] sessionId, String instance, int round, int sender, int recipient,
    int kind, byte[] payload, byte[] signature) {
  /** Recipient value meaning "every party". */
  public static final int BROADCAST = 0;
  /** A party's own message. */
  public static final int MESSAGE = 0;
  /** A relayed copy of another party's signed broadcast. */
  public static final int ECHO = 1;
  /** A party's own message in an agreed round (SPEC.md §3.4): relayed with witnesses, never echoed. */
  public static final int AGREED = 2;
  /** A relayer's unsigned wrapper of an agreed message and its witnesses' signatures ({@link WitnessedMessage}). */
  public static final int WITNESSED = 3;
  /** Largest payload accepted. */
  public static final int MAX_PAYLOAD = 8 << 20;

  /** Copies arrays and checks field ranges. */
  public Envelope {
    Objects.requireNonNull(instance, "instance");
    sessionId = sessionId.clone();
    payload = payload.clone();
    signature = signature.clone();
    if (kind < MESSAGE || kind > WITNESSED) {
      throw new IllegalArgumentException("unknown envelope kind " + kind);
    }
  }

  @Override
  public byte[] sessionId() {
    return sessionId.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** Returns whether this is a broadcast. */
  public boolean isBroadcast() {
    return recipient == BROADCAST;
  }

  /** The bytes the signature covers: every field but the signature. */
  public byte[] signedBytes() {
    return new ByteWriter().writeString("tabella-envelope-v1").writeBytes(sessionId).writeString(instance)
        .writeInt(round).writeInt(sender).writeInt(recipient).writeByte(kind).writeBytes(payload)
        .toByteArray();
  }

  /** Returns this envelope with a signature. */
  public Envelope withSignature(byte[] sig) {
    return new Envelope(sessionId, instance, round, sender, recipient, kind, payload, sig);
  }

  /** The full encoding: {@code LP(signedBytes) ‖ LP(signature)}. */
  public byte[] encode() {
    return new ByteWriter().writeBytes(signedBytes()).writeBytes(signature).toByteArray();
  }

  /**
   * Decodes an envelope, bounding every field.
   *
   * @throws MalformedEncodingException for anything malformed
   */
  public static Envelope decode(byte[] bytes) throws MalformedEncodingException {
    ByteReader outer = new ByteReader(bytes);
    byte[] signed = outer.readBytes(MAX_PAYLOAD + 4096);
    byte[] sig = outer.readBytes(256);
    outer.end();
    ByteReader r = new ByteReader(signed);
    if (!"tabella-envelope-v1".equals(r.readString(64))) {
      throw new MalformedEncodingException("not a tabella-envelope-v1");
    }
    byte[] session = r.readBytes(64);
    String instance = r.readString(256);
    int round = r.readInt();
    int sender = r.readInt();
    int recipient = r.readInt();
    int kind = r.readByte();
    byte[] payload = r.readBytes(MAX_PAYLOAD);
    r.end();
    if (kind < MESSAGE || kind > WITNESSED) {
      throw new MalformedEncodingException("unknown envelope kind " + kind);
    }
    if (round < 0 || sender < 1 || recipient < 0) {
      throw new MalformedEncodingException("negative round or party id");
    }
    return new Envelope(session, instance, round, sender, recipient, kind, payload, sig);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Envelope e && Arrays.equals(e.encode(), encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(signedBytes());
  }

  @Override
  public String toString() {
    return "Envelope(" + instance + " round " + round + ", " + sender + " -> "
        + (recipient == BROADCAST ? "all" : Integer.toString(recipient)) + (kind == ECHO ? ", echo" : kind == AGREED ? ", agreed" : kind == WITNESSED ? ", witnessed" : "")
        + ", " + payload.length + " bytes)";
  }
}
