package org.tabella.electionguard;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;

/**
 * Steps 11–14 of spec 2.0 (SPEC.md §6.3): decrypted contest data, and the challenged ballots. A
 * challenged ballot is an encrypted ballot of the record (state {@code CHALLENGED}) that its
 * guardians decrypted and published ({@code challenged_ballots/}); the verifier checks that each
 * decryption is of that ballot's ciphertexts (12), that each selection's joint decryption proof
 * verifies (12), that its votes are T = K^t with t within the option limit and the contest's votes
 * within the contest limit, for exactly the manifest's options (13), and that its contest data
 * decrypts: β's Chaum–Pedersen proof, the MAC under the key β gives, and the published plaintext
 * (14). Every CHALLENGED ballot must have exactly one decryption, and nothing else may have one.
 */
final class EgChallengedBallots {
  private EgChallengedBallots() {}

  private static final String KDF_LABEL = "share_enc_keys";
  private static final String KDF_CONTEXT = "contest_data";

  static void verify(EgRecord r, EgVerifier.Bases bases, List<EgBallot> ballots, List<EgDecryptedTally> decrypted,
      EgVerifier.Checks c) {
    Map<String, EgBallot> byId = new HashMap<>();
    for (EgBallot b : ballots) {
      byId.putIfAbsent(b.id(), b);
    }
    Set<String> decryptedIds = new HashSet<>();
    for (EgDecryptedTally d : decrypted) {
      String where = d.file();
      c.check(EgVerifier.Step.CHALLENGED_DECRYPTION, decryptedIds.add(d.id()), where + " id",
          "ballot " + d.id() + " is decrypted twice");
      EgBallot b = byId.get(d.id());
      if (!c.check(EgVerifier.Step.CHALLENGED_DECRYPTION, b != null && "CHALLENGED".equals(b.state()), where + " id",
          b == null ? "no encrypted ballot has id " + d.id() : "the encrypted ballot " + d.id() + " is " + b.state()
              + ", not CHALLENGED")) {
        continue;
      }
      ballot(r, bases, b, d, c);
    }
    for (EgBallot b : ballots) {
      if ("CHALLENGED".equals(b.state())) {
        c.check(EgVerifier.Step.CHALLENGED_DECRYPTION, decryptedIds.contains(b.id()), b.file(),
            "a challenged ballot without its decryption in challenged_ballots/");
      }
    }
  }

  /** Steps 12–14 for one challenged ballot {@code b} and its decryption {@code d}. */
  private static void ballot(EgRecord r, EgVerifier.Bases bases, EgBallot b, EgDecryptedTally d, EgVerifier.Checks c) {
    String file = d.file();
    c.check(EgVerifier.Step.CHALLENGED_VALUES, MessageDigest.isEqual(d.electionId(), r.extendedBaseHash()),
        file + " election_id", "the decryption names another election (election_id ≠ H_E)");
    Map<String, EgManifest.Contest> manifest = new HashMap<>();
    r.contests().contests().forEach(mc -> manifest.put(mc.id(), mc));
    Map<String, EgBallot.Selection> encrypted = new HashMap<>();
    Map<String, EgBallot.Contest> contests = new HashMap<>();
    for (EgBallot.Contest contest : b.contests()) {
      contests.put(contest.id(), contest);
      contest.selections().forEach(s -> encrypted.put(contest.id() + "/" + s.id(), s));
    }
    Map<String, List<EgDecryptedTally.Count>> byContest = new java.util.LinkedHashMap<>();
    d.selections().forEach(n -> byContest.computeIfAbsent(n.contestId(), x -> new ArrayList<>()).add(n));
    c.check(EgVerifier.Step.CHALLENGED_VALUES, byContest.keySet().equals(contests.keySet()), file,
        "its contests " + byContest.keySet() + " are not the encrypted ballot's " + contests.keySet());
    for (var e : byContest.entrySet()) {
      String at = file + " contest " + e.getKey();
      EgManifest.Contest mc = manifest.get(e.getKey());
      if (!c.check(EgVerifier.Step.CHALLENGED_VALUES, mc != null, at, "not a contest of the manifest")) {
        continue;
      }
      Integer count = d.ballotCounts().get(e.getKey());
      c.check(EgVerifier.Step.CHALLENGED_VALUES, count == null || count == 1, at + " ballot_count",
          "a decrypted ballot counts one ballot, not " + count);
      c.check(EgVerifier.Step.CHALLENGED_VALUES, mc.selections().equals(e.getValue().stream()
          .map(EgDecryptedTally.Count::selectionId).toList()), at, "its options are not the manifest's " + mc.selections());
      long votes = 0;
      for (EgDecryptedTally.Count n : e.getValue()) {
        String sat = at + " selection " + n.selectionId();
        EgBallot.Selection s = encrypted.get(e.getKey() + "/" + n.selectionId());
        c.check(EgVerifier.Step.CHALLENGED_DECRYPTION, s != null && s.vote().alpha().equals(n.alpha())
            && s.vote().beta().equals(n.beta()), sat + " encrypted_vote",
            "the (A, B) decrypted is not the challenged ballot's encryption of this option");
        c.check(EgVerifier.Step.CHALLENGED_VALUES, n.tally() <= mc.optionLimit(), sat + " tally",
            "a vote of " + n.tally() + " exceeds the option limit " + mc.optionLimit());
        votes += n.tally();
        if (bases != null) {
          EgVerifier.decryptionProof(r, bases, n, sat, EgVerifier.Step.CHALLENGED_DECRYPTION,
              EgVerifier.Step.CHALLENGED_VALUES, c);
        }
      }
      c.check(EgVerifier.Step.CHALLENGED_VALUES, votes <= mc.votesAllowed(), at,
          votes + " votes exceed the contest limit " + mc.votesAllowed());
    }
    Set<String> withData = new HashSet<>();
    for (EgDecryptedTally.ContestData data : d.contestData()) {
      String at = file + " contest " + data.contestId() + " decrypted_contest_data";
      withData.add(data.contestId());
      contestData(r, bases, data, contests.get(data.contestId()), at, EgVerifier.Step.CHALLENGED_CONTEST_DATA, c);
    }
    for (String id : contests.keySet()) {
      c.check(EgVerifier.Step.CHALLENGED_CONTEST_DATA, withData.contains(id), file + " contest " + id,
          "the contest data is not decrypted");
    }
  }

  /**
   * One contest's decrypted contest data: (C0, C1, C2) is the ballot's (when {@code contest} is
   * given); β's proof a = g^v·K^c, b = C0^v·β^c, c = H_q(H_E; 0x31 ‖ K ‖ C0 ‖ C1 ‖ C2 ‖ a ‖ b ‖ β)
   * with C1 hashed as its uppercase hex in UTF-8 (as egk and egk-ec do); the MAC
   * C2 = HMAC(k_0, C0 ‖ C1) under k = H(H_E; 0x22 ‖ K ‖ C0 ‖ β); and C1 decrypts to the published
   * plaintext in egk's encoding, zero-filled.
   */
  static void contestData(EgRecord r, EgVerifier.Bases bases, EgDecryptedTally.ContestData data, EgBallot.Contest contest,
      String at, EgVerifier.Step step, EgVerifier.Checks c) {
    if (contest != null) {
      c.check(step, contest.contestData().sameAs(data.c0(), data.c1(), data.c2(), data.numBytes()), at + ".encrypted_contest_data",
          "not the encrypted ballot's contest data");
    }
    if (bases == null) {
      return;
    }
    EgGroup eg = bases.eg();
    Group g = bases.group();
    Element c0 = eg.decode(data.c0());
    Element beta = eg.decode(data.beta());
    if (!c.check(step, c0 != null && beta != null, at, "C0 or β is not an element of " + eg.name())) {
      return;
    }
    BigInteger q = eg.order();
    if (!c.check(step, data.challenge().compareTo(q) < 0 && data.response().compareTo(q) < 0, at + ".proof",
        "challenge or response not in Z_q")) {
      return;
    }
    Scalar ch = g.scalar(data.challenge());
    Scalar v = g.scalar(data.response());
    Element a = bases.g().expPublic(v).mul(bases.k().expPublic(ch));
    Element b = g.multiExp(List.of(c0, beta), List.of(v, ch));
    int length = eg.elementLength();
    byte[] msg = new EgHash.Message(0x31).number(r.jointKey(), length).bytes(eg.bytes(c0))
        .bytes(HexFormat.of().withUpperCase().formatHex(data.c1()).getBytes(StandardCharsets.UTF_8)).bytes(data.c2())
        .bytes(eg.bytes(a)).bytes(eg.bytes(b)).bytes(eg.bytes(beta)).toByteArray();
    if (!c.check(step, eg.hq(r.extendedBaseHash(), msg).equals(data.challenge()), at + ".proof",
        "the proof of β does not verify: c ≠ H_q(H_E; 0x31 ‖ K ‖ C0 ‖ C1 ‖ C2 ‖ a ‖ b ‖ β)")) {
      return;
    }
    byte[] key = EgHash.h(r.extendedBaseHash(), new EgHash.Message(0x22).number(r.jointKey(), length).bytes(eg.bytes(c0))
        .bytes(eg.bytes(beta)).toByteArray());
    String context = KDF_CONTEXT + data.contestId();
    byte[] k0 = kdf(key, 0, context, data.numBytes());
    byte[] mac = EgHash.h(k0, EgHash.concat(eg.bytes(c0), data.c1()));
    if (!c.check(step, MessageDigest.isEqual(mac, data.c2()), at + ".encrypted_contest_data.c2",
        "C2 is not the MAC of C0 ‖ C1 under the key β gives")) {
      return;
    }
    byte[] plain = new byte[data.c1().length];
    for (int i = 0; i < plain.length; i += 32) {
      byte[] ki = kdf(key, 1 + i / 32, context, data.numBytes());
      for (int j = 0; j < 32; j++) {
        plain[i + j] = (byte) (data.c1()[i + j] ^ ki[j]);
      }
    }
    EgDecryptedTally.Plaintext decoded = decode(java.util.Arrays.copyOf(plain, data.numBytes()));
    c.check(step, data.plaintext().equals(decoded), at + ".contest_data",
        "the published contest data is not what C1 decrypts to" + (decoded == null ? " (not a well-formed encoding)" : ""));
  }

  /** k_i = HMAC(k, b(i, 4) ‖ label ‖ 0x00 ‖ context ‖ b(8·numBytes, 4)) (NIST SP 800-108 counter mode). */
  private static byte[] kdf(byte[] key, int i, String context, int numBytes) {
    java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(4 + KDF_LABEL.length() + 1 + 4 * context.length() + 4);
    in.putInt(i).put(KDF_LABEL.getBytes(StandardCharsets.UTF_8)).put((byte) 0).put(context.getBytes(StandardCharsets.UTF_8))
        .putInt(8 * numBytes);
    return EgHash.h(key, java.util.Arrays.copyOf(in.array(), in.position()));
  }

  /**
   * egk's contest-data encoding: a varint count and varint over-votes, a varint count and
   * length-prefixed UTF-8 write-ins, the length-prefixed status name, then only zero bytes; null if
   * the bytes are not that.
   */
  static EgDecryptedTally.Plaintext decode(byte[] bytes) {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    try {
      int n = varint(in);
      List<Integer> over = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        over.add(varint(in));
      }
      int w = varint(in);
      List<String> writeIns = new ArrayList<>();
      for (int i = 0; i < w; i++) {
        writeIns.add(string(in));
      }
      String status = string(in);
      for (int x = in.read(); x != -1; x = in.read()) {
        if (x != 0) {
          return null;
        }
      }
      return new EgDecryptedTally.Plaintext(over, writeIns, status);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static int varint(ByteArrayInputStream in) {
    int result = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      int b = in.read();
      if (b < 0) {
        throw new IllegalArgumentException("truncated");
      }
      result |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new IllegalArgumentException("varint too long");
  }

  private static String string(ByteArrayInputStream in) {
    int n = varint(in);
    if (n < 0 || n > in.available()) {
      throw new IllegalArgumentException("truncated");
    }
    byte[] b = new byte[n];
    in.read(b, 0, n);
    return new String(b, StandardCharsets.UTF_8);
  }
}
