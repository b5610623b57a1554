package org.tabella.voting;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tabella.crypto.encoding.ByteReader;
import org.tabella.crypto.encoding.ByteWriter;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.crypto.encoding.Utf8;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;

/**
 * What an election is: its id, group, trustees n and quorum k, contests, and {@link TallyMode}.
 * Built with named parts ({@link #builder(String, Group)}) and validated once. Its {@link #hash()}
 * — SHA-256 of the canonical encoding, SPEC.md §4.1 — is bound into every ballot proof and every
 * decryption share, so a proof from another election never verifies. Immutable.
 */
public final class ElectionParameters {
  /** Largest election id, in UTF-8 bytes. */
  public static final int MAX_ID_BYTES = 128;
  /** Largest number of trustees. */
  public static final int MAX_TRUSTEES = 1024;
  /** Largest number of contests. */
  public static final int MAX_CONTESTS = 256;
  private static final String TAG = "tabella-election-v2";
  /** Largest number of eligible voters a unanimous election may name. */
  public static final int MAX_VOTERS = Integer.MAX_VALUE;

  private final String electionId;
  private final Group group;
  private final int trustees;
  private final int quorum;
  private final List<Contest> contests;
  private final TallyMode mode;
  private final int voters;
  private final byte[] encoding;
  private final byte[] hash;

  private ElectionParameters(Builder b) {
    electionId = Objects.requireNonNull(b.electionId, "electionId");
    group = Objects.requireNonNull(b.group, "group");
    Utf8.checkLength(electionId, 1, MAX_ID_BYTES, "an election id");
    Groups.named(group.name());
    trustees = b.trustees;
    quorum = b.quorum;
    contests = List.copyOf(b.contests);
    mode = Objects.requireNonNull(b.mode, "mode");
    voters = b.voters;
    if (trustees < 1 || trustees > MAX_TRUSTEES) {
      throw new IllegalArgumentException("trustees must be 1.." + MAX_TRUSTEES + ", not " + trustees);
    }
    if (quorum < 1 || quorum > trustees) {
      throw new IllegalArgumentException("the quorum must be 1..trustees (" + trustees + "), not " + quorum);
    }
    if (contests.isEmpty() || contests.size() > MAX_CONTESTS) {
      throw new IllegalArgumentException("an election needs 1.." + MAX_CONTESTS + " contests");
    }
    Set<String> ids = new HashSet<>();
    for (Contest c : contests) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("duplicate contest id " + c.id());
      }
    }
    if (mode == TallyMode.UNANIMOUS && (contests.size() != 1 || contests.get(0).options() != 1)) {
      throw new IllegalArgumentException("unanimous mode needs exactly one yes/no contest");
    }
    if (mode == TallyMode.UNANIMOUS ? voters < 1 : voters != 0) {
      throw new IllegalArgumentException(mode == TallyMode.UNANIMOUS
          ? "unanimous mode needs the number of eligible voters (a missing ballot counts as dissent)"
          : "the number of eligible voters is part of unanimous elections only");
    }
    encoding = encodeFields();
    hash = sha256(encoding);
  }

  /** Starts building the parameters of election {@code electionId} in {@code group}. */
  public static Builder builder(String electionId, Group group) {
    return new Builder(electionId, group);
  }

  /** Named parts of {@link ElectionParameters}; {@link #build()} validates them. */
  public static final class Builder {
    private final String electionId;
    private final Group group;
    private int trustees;
    private int quorum;
    private final List<Contest> contests = new ArrayList<>();
    private TallyMode mode = TallyMode.COUNT;
    private int voters;

    private Builder(String electionId, Group group) {
      this.electionId = electionId;
      this.group = group;
    }

    /** n: the trustees holding key shares. */
    public Builder trustees(int n) {
      this.trustees = n;
      return this;
    }

    /** k: how many trustees decrypt. */
    public Builder quorum(int k) {
      this.quorum = k;
      return this;
    }

    /** Adds a contest (ballot order is the order of these calls). */
    public Builder contest(Contest c) {
      contests.add(Objects.requireNonNull(c, "contest"));
      return this;
    }

    /** Adds contests in order. */
    public Builder contests(List<Contest> cs) {
      cs.forEach(this::contest);
      return this;
    }

    /**
     * Unanimous mode: how many voters are eligible. The outcome is "unanimous" only if that many
     * yes votes are on the board, so a ballot that is missing — withheld, excluded by a party,
     * never cast — counts as dissent.
     */
    public Builder voters(int v) {
      this.voters = v;
      return this;
    }

    /** The tally mode (default {@link TallyMode#COUNT}). */
    public Builder mode(TallyMode m) {
      this.mode = m;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public ElectionParameters build() {
      return new ElectionParameters(this);
    }
  }

  /** The election id. */
  public String electionId() {
    return electionId;
  }

  /** The group. */
  public Group group() {
    return group;
  }

  /** n. */
  public int trustees() {
    return trustees;
  }

  /** k. */
  public int quorum() {
    return quorum;
  }

  /** The contests, in ballot order. */
  public List<Contest> contests() {
    return contests;
  }

  /** The tally mode. */
  public TallyMode mode() {
    return mode;
  }

  /** Unanimous mode: the number of eligible voters V (0 in count mode). */
  public int voters() {
    return voters;
  }

  /** Whether the election reveals only unanimity. */
  public boolean unanimous() {
    return mode == TallyMode.UNANIMOUS;
  }

  /** Returns the contest with this id, or throws {@link IllegalArgumentException}. */
  public Contest contest(String id) {
    return contests.get(indexOf(id));
  }

  /** Returns the position of contest {@code id}, or throws {@link IllegalArgumentException}. */
  public int indexOf(String id) {
    for (int i = 0; i < contests.size(); i++) {
      if (contests.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no contest " + id);
  }

  /** The number of (contest, option) pairs: the tally's entries. */
  public int entryCount() {
    return contests.stream().mapToInt(Contest::options).sum();
  }

  /** Canonical encoding (SPEC.md §4.1). */
  public byte[] encode() {
    return encoding.clone();
  }

  /** SHA-256 of {@link #encode()}: the election context of every proof. */
  public byte[] hash() {
    return hash.clone();
  }

  /**
   * Decodes the canonical encoding.
   *
   * @throws MalformedEncodingException for anything but the canonical encoding of valid parameters
   */
  public static ElectionParameters decode(byte[] bytes) throws MalformedEncodingException {
    ByteReader r = new ByteReader(bytes);
    r.expectString(TAG);
    String id = r.readString(MAX_ID_BYTES);
    String groupName = r.readString(64);
    int n = r.readInt(1, MAX_TRUSTEES, "trustees");
    int k = r.readInt(1, n, "quorum");
    TallyMode mode = r.readFlag() ? TallyMode.UNANIMOUS : TallyMode.COUNT;
    int voters = r.readInt(0, MAX_VOTERS, "voters");
    int count = r.readInt(1, MAX_CONTESTS, "contest count");
    try {
      Builder b = builder(id, Groups.named(groupName)).trustees(n).quorum(k).mode(mode).voters(voters);
      for (int i = 0; i < count; i++) {
        b.contest(new Contest(r.readString(Contest.MAX_ID_BYTES), r.readInt(), r.readInt()));
      }
      r.end();
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new MalformedEncodingException("invalid election parameters: " + e.getMessage(), e);
    }
  }

  private byte[] encodeFields() {
    ByteWriter w = new ByteWriter().writeString(TAG).writeString(electionId).writeString(group.name())
        .writeInt(trustees).writeInt(quorum).writeFlag(unanimous()).writeInt(voters).writeInt(contests.size());
    for (Contest c : contests) {
      w.writeString(c.id()).writeInt(c.options()).writeInt(c.limit());
    }
    return w.toByteArray();
  }

  /** SHA-256, for the hashes this package defines. */
  static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ElectionParameters e && MessageDigest.isEqual(e.encoding, encoding);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return "election " + electionId + " (" + group.name() + ", " + quorum + " of " + trustees + ", "
        + contests.size() + " contests, " + mode + (unanimous() ? " of " + voters + " voters" : "") + ")";
  }
}
