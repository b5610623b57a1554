package org.tabella.crypto.proofs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.tabella.crypto.encoding.ByteWriter;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;

/**
 * The one Fiat–Shamir transcript every Tabella proof uses (SPEC.md §2.1). It starts with a domain
 * tag, the protocol label and the group's canonical description, then absorbs labelled,
 * length-prefixed items — the caller's context (election, ballot id, party index), every statement
 * element and every commitment — and derives the challenge with the group's hash-to-scalar, whose
 * bias is below 2^-128. The encoding is injective: no two different item sequences produce the
 * same bytes.
 *
 * <p>Not thread-safe; build one per proof.
 */
public final class Transcript {
  /** Prefix of every transcript and every challenge tag. */
  public static final String DOMAIN = "tabella-fs-v1";

  private final Group group;
  private final String protocol;
  private final ByteWriter bytes = new ByteWriter();

  private Transcript(Group group, String protocol) {
    this.group = group;
    this.protocol = protocol;
    append("domain", DOMAIN.getBytes(StandardCharsets.UTF_8));
    append("protocol", protocol.getBytes(StandardCharsets.UTF_8));
    append("group", group.description());
  }

  /**
   * Starts a transcript for one protocol in one group.
   *
   * @param protocol a label naming the proof and its version, e.g. {@code "dleq-v1"}
   * @param group the group every element of the statement belongs to
   */
  public static Transcript start(String protocol, Group group) {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(group, "group");
    return new Transcript(group, protocol);
  }

  /** Absorbs raw bytes under a label. */
  public Transcript append(String label, byte[] value) {
    bytes.writeString(label).writeBytes(value);
    return this;
  }

  /** Absorbs an element's canonical encoding. */
  public Transcript append(String label, Element value) {
    if (!value.group().equals(group)) {
      throw new IllegalArgumentException("element of another group in a " + group.name() + " transcript");
    }
    return append(label, value.encode());
  }

  /** Absorbs a list of elements, prefixed by their count. */
  public Transcript append(String label, List<Element> values) {
    append(label + ".count", longBytes(values.size()));
    for (Element e : values) {
      append(label, e);
    }
    return this;
  }

  /** Absorbs a scalar's canonical encoding. */
  public Transcript append(String label, Scalar value) {
    if (!value.order().equals(group.order())) {
      throw new IllegalArgumentException("scalar of another order in a " + group.name() + " transcript");
    }
    return append(label, value.encode());
  }

  /** Absorbs a signed 64-bit integer (8 bytes, big-endian). */
  public Transcript append(String label, long value) {
    return append(label, longBytes(value));
  }

  /**
   * Returns the challenge: {@code hashToScalar(transcript, "tabella-fs-v1:" + protocol)}.
   * The transcript may be extended and challenged again (later challenges cover everything).
   */
  public Scalar challenge() {
    byte[] dst = (DOMAIN + ":" + protocol).getBytes(StandardCharsets.UTF_8);
    return group.hashToScalar(bytes.toByteArray(), dst);
  }

  /** Returns the group. */
  public Group group() {
    return group;
  }

  private static byte[] longBytes(long v) {
    return new ByteWriter().writeLong(v).toByteArray();
  }
}
