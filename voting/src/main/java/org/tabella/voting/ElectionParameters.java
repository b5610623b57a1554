package org.tabella.voting;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.crypto.encoding.ByteWriter;

/**
 * What an election is: its id, group, trustees n and quorum k, contests, and whether it runs in
 * unanimous mode (one referendum; only "everyone said yes" or not is revealed). Its
 * {@link #hash()} — SHA-256 of the canonical encoding, SPEC.md §4.1 — is bound into every ballot
 * proof, so a proof from another election never verifies.
 *
 * @param electionId a unique id
 * @param group the group name
 * @param trustees n
 * @param quorum k
 * @param contests the questions, in ballot order
 * @param unanimous unanimous mode
 */
public record ElectionParameters(String electionId, String group, int trustees, int quorum,
    List<Contest> contests, boolean unanimous) {

  /** Validates and copies. */
  public ElectionParameters {
    Objects.requireNonNull(electionId, "electionId");
    Objects.requireNonNull(group, "group");
    contests = List.copyOf(contests);
    Groups.named(group);
    if (quorum < 1 || quorum > trustees) {
      throw new IllegalArgumentException("need 1 ≤ quorum ≤ trustees");
    }
    if (contests.isEmpty()) {
      throw new IllegalArgumentException("an election needs at least one contest");
    }
    Set<String> ids = new HashSet<>();
    for (Contest c : contests) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("duplicate contest id " + c.id());
      }
    }
    if (unanimous && (contests.size() != 1 || contests.get(0).options() != 1)) {
      throw new IllegalArgumentException("unanimous mode needs exactly one yes/no contest");
    }
  }

  /** A single yes/no referendum. */
  public static ElectionParameters referendum(String electionId, String group, int trustees, int quorum,
      boolean unanimous) {
    return new ElectionParameters(electionId, group, trustees, quorum, List.of(Contest.referendum("question")),
        unanimous);
  }

  /** Returns the group. */
  public Group groupObject() {
    return Groups.named(group);
  }

  /** Returns the contest with this id, or throws. */
  public Contest contest(String id) {
    for (Contest c : contests) {
      if (c.id().equals(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no contest " + id);
  }

  /** Canonical encoding (SPEC.md §4.1). */
  public byte[] encode() {
    ByteWriter w = new ByteWriter().writeString("tabella-election-v1").writeString(electionId)
        .writeString(group).writeInt(trustees).writeInt(quorum).writeByte(unanimous ? 1 : 0)
        .writeInt(contests.size());
    for (Contest c : contests) {
      w.writeString(c.id()).writeInt(c.options()).writeInt(c.limit());
    }
    return w.toByteArray();
  }

  /** SHA-256 of {@link #encode()}: the election context of every proof. */
  public byte[] hash() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(encode());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
