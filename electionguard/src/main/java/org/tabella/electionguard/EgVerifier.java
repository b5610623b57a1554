package org.tabella.electionguard;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.tabella.groups.Element;
import org.tabella.groups.FixedBaseTable;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;

/**
 * Verification of an ElectionGuard 2.0 record, independently of ElectionGuard's code (SPEC.md §6),
 * in the 4096-bit group (egk, egk-ec) or egk-ec's P-256 profile ({@link EgGroup}). Implemented: the
 * specification's steps 1–14 (parameters and base hashes, every guardian's coefficient proofs, the
 * joint key and extended base hash; every ballot's selection range proofs, contest vote-limit
 * proofs against the manifest, contest hashes and confirmation code; ballot chaining; the
 * aggregation of the cast ballots; the tally's decryption proofs and its published counts;
 * decrypted contest data; every challenged ballot's decryption proofs, values and contest data).
 * Steps 15–19 (pre-encrypted ballots) are not: a record that has such ballots, or lacks a part, is
 * reported in {@link Report#notChecked()} and {@link Report#complete()} is false, so no caller can
 * mistake a partial check for a verified election.
 */
public final class EgVerifier {
  private EgVerifier() {}

  /** The steps of spec 2.0 §3 this verifier runs. */
  public enum Step {
    PARAMETERS(1, "parameters and base hashes"),
    GUARDIAN_KEYS(2, "guardian coefficient proofs"),
    JOINT_KEY(3, "joint key and extended base hash"),
    SELECTIONS(4, "selection encryptions and range proofs"),
    VOTE_LIMITS(5, "contest vote-limit proofs"),
    CONFIRMATION_CODES(6, "contest hashes and confirmation codes"),
    CHAINING(7, "ballot chaining (B_aux)"),
    AGGREGATION(8, "aggregation of the cast ballots"),
    TALLY_DECRYPTION(9, "tally decryption proofs"),
    TALLY_VALUES(10, "published counts"),
    CONTEST_DATA(11, "tally contest-data decryptions"),
    CHALLENGED_DECRYPTION(12, "challenged ballots' decryption proofs"),
    CHALLENGED_VALUES(13, "challenged ballots' decrypted votes"),
    CHALLENGED_CONTEST_DATA(14, "challenged ballots' contest data");

    private final int number;
    private final String title;

    Step(int number, String title) {
      this.number = number;
      this.title = title;
    }

    /** The specification's step number. */
    public int number() {
      return number;
    }

    /** What it checks. */
    public String title() {
      return title;
    }
  }

  /** A failed check: which step, where, what. */
  public record Finding(Step step, String location, String message) {}

  /**
   * The outcome.
   *
   * @param version the version string whose H_P the record uses, if either does
   * @param checks checks made per step
   * @param findings every failed check
   */
  public record Report(Optional<String> version, Map<Step, Integer> checks, List<Finding> findings, List<String> notChecked) {
    /** Copies. */
    public Report {
      checks = Map.copyOf(checks);
      findings = List.copyOf(findings);
      notChecked = List.copyOf(notChecked);
    }

    /** Whether every check made passed. */
    public boolean passed() {
      return findings.isEmpty();
    }

    /**
     * Whether the record was verified end to end: it had ballots, an encrypted tally and published
     * counts, and nothing this verifier does not cover (pre-encrypted ballots, whose steps 15–19 are
     * not implemented) — see {@link #notChecked()}.
     */
    public boolean complete() {
      return notChecked.isEmpty();
    }
  }

  /** The checks made and the findings, shared by the steps (thread-safe). */
  static final class Checks {
    final Map<Step, Integer> counts = new EnumMap<>(Step.class);
    final List<Finding> findings = new ArrayList<>();
    final java.util.Set<String> notChecked = new java.util.TreeSet<>();

    synchronized void notChecked(String what) {
      notChecked.add(what);
    }

    synchronized boolean check(Step s, boolean ok, String where, String what) {
      counts.merge(s, 1, Integer::sum);
      if (!ok) {
        findings.add(new Finding(s, where, what));
      }
      return ok;
    }
  }

  /** Runs steps 1–3 (a record without its ballots). */
  public static Report verify(EgRecord r) {
    return verify(r, List.of());
  }

  /** Runs steps 1–6; the ballots' proofs are checked on all cores. */
  public static Report verify(EgRecord r, List<EgBallot> ballots) {
    return verify(r, ballots, null);
  }

  /** Runs steps 1–8 (step 8 when the record has an encrypted tally). */
  public static Report verify(EgRecord r, List<EgBallot> ballots, EgTally tally) {
    return verify(r, ballots, tally, null);
  }

  /**
   * Runs steps 1–10: 1–3 always, 4–7 over the ballots, 8 with the encrypted tally, 9–10 with the
   * published counts ({@code tally.json}); whatever part is missing is listed in
   * {@link Report#notChecked()}. A challenged ballot without its decryption is a finding.
   */
  public static Report verify(EgRecord r, List<EgBallot> ballots, EgTally tally, EgDecryptedTally counts) {
    return verify(r, ballots, tally, counts, List.of());
  }

  /** Runs steps 1–14: as above, and 11–14 over the decrypted tally's contest data and the challenged ballots. */
  public static Report verify(EgRecord r, List<EgBallot> ballots, EgTally tally, EgDecryptedTally counts,
      List<EgDecryptedTally> challenged) {
    Checks c = new Checks();
    if (ballots.isEmpty()) {
      c.notChecked("the ballots (steps 4–8: no encrypted_ballots/)");
    }
    if (tally == null) {
      c.notChecked("the aggregation (step 8: no encrypted_tally.json)");
    } else if (!ballots.isEmpty()) {
      aggregation(r, ballots, tally, c);
    }
    if (counts == null) {
      c.notChecked("the published counts (steps 9–10: no tally.json)");
    }
    chaining(r, ballots, c);
    EgConstants p = r.parameters();
    EgGroup eg = r.group();
    BigInteger q = eg.order();
    int length = eg.elementLength();
    // Step 1: the standard constants, H_P under one of the group's version strings, H_M, H_B.
    c.check(Step.PARAMETERS, p.isStandard(), "constants.json", "the constants are not the standard " + eg.name() + " constants");
    Optional<String> version = Optional.empty();
    for (String v : p.versions()) {
      if (MessageDigest.isEqual(p.parameterBaseHash(v), r.parameterBaseHash())) {
        version = Optional.of(v);
      }
    }
    c.check(Step.PARAMETERS, version.isPresent(), "election_config.json parameter_base_hash",
        "H_P is not H(ver; 0x00 ‖ constants) for any of " + p.versions());
    String stated = r.format().protocolVersion();
    if (!stated.isEmpty() && version.isPresent()) {
      c.check(Step.PARAMETERS, stated.equals(version.get()), "constants.json protocolVersion",
          "the record says " + stated + " but its H_P is under " + version.get());
    }
    byte[] hp = r.parameterBaseHash();
    byte[] hm = EgHash.h(hp, new EgHash.Message(0x01).int4(r.manifest().length).bytes(r.manifest()).toByteArray());
    c.check(Step.PARAMETERS, MessageDigest.isEqual(hm, r.manifestHash()), "election_config.json manifest_hash",
        "H_M is not H(H_P; 0x01 ‖ len ‖ manifest.json)");
    byte[] hb = EgHash.h(hp, new EgHash.Message(0x02).bytes(r.manifestHash()).int4(r.guardians()).int4(r.quorum())
        .toByteArray());
    c.check(Step.PARAMETERS, MessageDigest.isEqual(hb, r.electionBaseHash()), "election_config.json election_base_hash",
        "H_B is not H(H_P; 0x02 ‖ H_M ‖ n ‖ k)");

    // Step 2: n guardians with coordinates 1..n, k proofs each; K_ij in the group; each proof's
    // commitment h_ij = g^v · K_ij^c recomputed and hashed.
    c.check(Step.GUARDIAN_KEYS, r.guardianRecords().size() == r.guardians(), "election_initialized.json guardians",
        r.guardianRecords().size() + " guardians, the configuration says " + r.guardians());
    TreeSet<Integer> coordinates = new TreeSet<>();
    BigInteger joint = eg.identity();
    Group group = eg.group();
    for (EgRecord.Guardian g : r.guardianRecords()) {
      String where = "guardian " + g.id();
      c.check(Step.GUARDIAN_KEYS, coordinates.add(g.coordinate()) && g.coordinate() <= r.guardians(), where,
          "coordinate " + g.coordinate() + " is repeated or outside 1.." + r.guardians());
      c.check(Step.GUARDIAN_KEYS, g.proofs().size() == r.quorum(), where,
          g.proofs().size() + " coefficient proofs, k = " + r.quorum() + " needed");
      for (int j = 0; j < g.proofs().size(); j++) {
        EgRecord.CoefficientProof proof = g.proofs().get(j);
        String at = where + " coefficient " + j;
        Element k = eg.decode(proof.commitment());
        if (!c.check(Step.GUARDIAN_KEYS, k != null && !k.isIdentity(), at, "K is not an element of " + eg.name()
            + " other than the identity")) {
          joint = null;
          continue;
        }
        boolean ranges = proof.challenge().compareTo(q) < 0 && proof.response().compareTo(q) < 0;
        if (!c.check(Step.GUARDIAN_KEYS, ranges, at, "challenge or response not in Z_q")) {
          continue;
        }
        Element h = group.generatorTable().expPublic(group.scalar(proof.response()))
            .mul(k.expPublic(group.scalar(proof.challenge())));
        BigInteger expected = eg.hq(hp, new EgHash.Message(0x10).int4(g.coordinate()).int4(j).number(proof.commitment(), length)
            .bytes(eg.bytes(h)).toByteArray());
        c.check(Step.GUARDIAN_KEYS, expected.equals(proof.challenge()), at,
            "the Schnorr proof does not verify (c ≠ H_q(H_P; 0x10 ‖ i ‖ j ‖ K ‖ g^v·K^c))");
        if (j == 0 && joint != null) {
          joint = eg.multiply(joint, proof.commitment());
        }
      }
    }
    // Step 3: K = Π K_i0 and H_E = H(H_B; 0x12 ‖ K).
    c.check(Step.JOINT_KEY, r.jointKey().equals(joint), "election_initialized.json joint_public_key",
        "the joint key is not the product of the guardians' K_i0");
    byte[] he = EgHash.h(r.electionBaseHash(), new EgHash.Message(0x12).number(r.jointKey(), length).toByteArray());
    c.check(Step.JOINT_KEY, MessageDigest.isEqual(he, r.extendedBaseHash()), "election_initialized.json extended_base_hash",
        "H_E is not H(H_B; 0x12 ‖ K)");
    Bases bases = ballots.isEmpty() && counts == null && challenged.isEmpty() ? null : bases(r);
    ballots.parallelStream().forEach(b -> ballot(r, bases, b, c));
    if (counts != null) {
      long cast = ballots.stream().filter(b -> "CAST".equals(b.state())).count();
      decryption(r, bases, tally, counts, ballots.isEmpty() ? -1 : cast, c);
    }
    EgChallengedBallots.verify(r, bases, ballots, challenged, c);
    List<Finding> sorted = new ArrayList<>(c.findings);
    sorted.sort(java.util.Comparator.comparingInt((Finding f) -> f.step().number()).thenComparing(Finding::location));
    return new Report(version, c.counts, sorted, new ArrayList<>(c.notChecked));
  }

  /** The group and the fixed-base tables for g and K, shared by every ballot of one verification. */
  record Bases(EgGroup eg, Group group, FixedBaseTable g, FixedBaseTable k) {
    /** The tables for g and the joint key K of the 4096-bit group. */
    static Bases of(Element jointKey) {
      return of(EgGroup.integer4096(), jointKey);
    }

    /** The tables for g and the joint key K. */
    static Bases of(EgGroup eg, Element jointKey) {
      Group group = jointKey.group();
      return new Bases(eg, group, group.generatorTable(), group.fixedBase(jointKey));
    }
  }

  /** The tables for one verification, or null when the parameters or the key are not usable (step 1 or 3 says why). */
  private static Bases bases(EgRecord r) {
    if (!r.parameters().isStandard()) {
      return null;
    }
    Element k = r.group().decode(r.jointKey());
    return k == null || k.isIdentity() ? null : Bases.of(r.group(), k);
  }

  /**
   * Step 8 alone (no proof is checked): the encrypted tally's (A, B) for every selection is the
   * product of that selection's (α, β) over the cast ballots, its ballot ids are exactly theirs, and
   * it names this election.
   */
  public static Report aggregation(EgRecord r, List<EgBallot> ballots, EgTally tally) {
    Checks c = new Checks();
    aggregation(r, ballots, tally, c);
    return new Report(Optional.empty(), c.counts, c.findings, List.copyOf(c.notChecked));
  }

  /**
   * Step 7 alone. Unchained (chain_confirmation_codes false): every ballot's B_aux is the
   * configuration's B_aux,0. Chained: per encrypting device the ballots form one chain,
   * B_aux,1 = H_0 = H(H_E; 0x24 ‖ B_aux,0) and B_aux,j = H_(j−1) ‖ B_aux,0 where H_(j−1) is the
   * previous ballot's confirmation code (egk's chaining vector); every ballot of the device is on it once.
   */
  public static Report chaining(EgRecord r, List<EgBallot> ballots) {
    Checks c = new Checks();
    chaining(r, ballots, c);
    return new Report(Optional.empty(), c.counts, c.findings, List.copyOf(c.notChecked));
  }

  private static void chaining(EgRecord r, List<EgBallot> ballots, Checks c) {
    if (!r.chained()) {
      for (EgBallot b : ballots) {
        c.check(Step.CHAINING, MessageDigest.isEqual(b.codeBaux(), r.baux0()), b.file() + " code_baux",
            "the record is not chained, so B_aux must be the configuration's B_aux,0");
      }
      return;
    }
    java.util.Map<String, List<EgBallot>> byDevice = new java.util.TreeMap<>();
    ballots.forEach(b -> byDevice.computeIfAbsent(b.device(), d -> new ArrayList<>()).add(b));
    byte[] h0 = EgHash.h(r.extendedBaseHash(), new EgHash.Message(0x24).bytes(r.baux0()).toByteArray());
    for (var device : byDevice.entrySet()) {
      java.util.Map<java.nio.ByteBuffer, List<EgBallot>> byBaux = new java.util.HashMap<>();
      device.getValue().forEach(b -> byBaux.computeIfAbsent(java.nio.ByteBuffer.wrap(b.codeBaux()), x -> new ArrayList<>()).add(b));
      java.util.Set<EgBallot> onChain = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      byte[] previous = null;
      while (true) {
        byte[] expected = previous == null ? h0 : chainLink(previous, r.baux0());
        List<EgBallot> next = byBaux.get(java.nio.ByteBuffer.wrap(expected));
        if (next == null) {
          break;
        }
        if (!c.check(Step.CHAINING, next.size() == 1, "device " + device.getKey(), next.size()
            + " ballots claim the same place in the chain: " + next.stream().map(EgBallot::file).toList())) {
          break;
        }
        EgBallot b = next.get(0);
        if (!onChain.add(b)) {
          c.check(Step.CHAINING, false, b.file(), "the chain loops back to this ballot");
          break;
        }
        previous = b.confirmationCode();
      }
      for (EgBallot b : device.getValue()) {
        c.check(Step.CHAINING, onChain.contains(b), b.file() + " code_baux",
            "not on its device's chain (B_aux is not H_0 for the first, or H_(j−1) ‖ B_aux,0 for a ballot of the chain)");
      }
    }
  }

  /** B_aux,j = H_(j−1) ‖ B_aux,0 for j ≥ 2. */
  static byte[] chainLink(byte[] previousCode, byte[] baux0) {
    byte[] out = java.util.Arrays.copyOf(previousCode, previousCode.length + baux0.length);
    System.arraycopy(baux0, 0, out, previousCode.length, baux0.length);
    return out;
  }

  /**
   * Steps 9–10. For every published count: the (A, B) it decrypts is the encrypted tally's; with
   * T = b_over_m in the group and M = B·T^-1, the guardians' joint proof (c, v) satisfies
   * c = H_q(H_E; 0x30 ‖ K ‖ A ‖ B ‖ a ‖ b ‖ M) for a = g^v·K^c, b = A^v·M^c (step 9); and
   * T = K^t, t is at most the number of cast ballots, the tally names this election and holds
   * exactly the manifest's options, once each, with the encrypted tally's ballot counts (step 10).
   * Each guardian's share is inside the joint proof (egk publishes no partial decryptions), so a
   * quorum with guardians missing verifies alike. Step 11: any decrypted contest data of the tally.
   */
  private static void decryption(EgRecord r, Bases bases, EgTally tally, EgDecryptedTally counts, long cast, Checks c) {
    c.check(Step.TALLY_VALUES, MessageDigest.isEqual(counts.electionId(), r.extendedBaseHash()), "tally.json election_id",
        "the published counts name another election (election_id ≠ H_E)");
    java.util.Set<String> options = new java.util.LinkedHashSet<>();
    for (EgManifest.Contest mc : r.contests().contests()) {
      mc.selections().forEach(s -> options.add(mc.id() + "/" + s));
    }
    java.util.Map<String, EgTally.Aggregate> aggregates = new java.util.HashMap<>();
    if (tally != null) {
      tally.selections().forEach(a -> aggregates.putIfAbsent(a.contestId() + "/" + a.selectionId(), a));
      c.check(Step.TALLY_VALUES, counts.ballotCounts().equals(tally.ballotCounts()), "tally.json ballot_count",
          "the contests' ballot counts are not the encrypted tally's");
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (EgDecryptedTally.Count n : counts.selections()) {
      String key = n.contestId() + "/" + n.selectionId();
      String where = "tally.json contest " + n.contestId() + " selection " + n.selectionId();
      c.check(Step.TALLY_VALUES, options.contains(key), where, "not an option of the manifest");
      c.check(Step.TALLY_VALUES, seen.add(key), where, "published twice");
    }
    for (String o : options) {
      if (!seen.contains(o)) {
        c.check(Step.TALLY_VALUES, false, "tally.json", "no count for the manifest's option " + o);
      }
    }
    counts.selections().parallelStream().forEach(n -> {
      String where = "tally.json contest " + n.contestId() + " selection " + n.selectionId();
      EgTally.Aggregate a = aggregates.get(n.contestId() + "/" + n.selectionId());
      if (tally != null) {
        c.check(Step.TALLY_DECRYPTION, a != null && a.alpha().equals(n.alpha()) && a.beta().equals(n.beta()),
            where + " encrypted_vote", "the (A, B) decrypted is not the encrypted tally's for this option");
      }
      if (cast >= 0) {
        c.check(Step.TALLY_VALUES, n.tally() <= cast, where + " tally", "a count of " + n.tally() + " exceeds the "
            + cast + " cast ballots");
      }
      if (bases != null) {
        decryptionProof(r, bases, n, where, Step.TALLY_DECRYPTION, Step.TALLY_VALUES, c);
      }
    });
    for (EgDecryptedTally.ContestData d : counts.contestData()) {
      EgChallengedBallots.contestData(r, bases, d, null, "tally.json contest " + d.contestId(), Step.CONTEST_DATA, c);
    }
  }

  /**
   * One decrypted selection (of the tally, or of a challenged ballot): T = b_over_m = K^t
   * ({@code values}) and the joint proof that M = B·T^-1 = A^s: c = H_q(H_E; 0x30 ‖ K ‖ A ‖ B ‖ a ‖ b ‖ M)
   * for a = g^v·K^c, b = A^v·M^c ({@code proofs}).
   */
  static void decryptionProof(EgRecord r, Bases bases, EgDecryptedTally.Count n, String where, Step proofs, Step values,
      Checks c) {
    EgGroup eg = bases.eg();
    Group g = bases.group();
    Element alpha = eg.decode(n.alpha());
    Element beta = eg.decode(n.beta());
    Element t = eg.decode(n.bOverM());
    if (!c.check(proofs, alpha != null && beta != null && t != null, where,
        "A, B or T = b_over_m is not an element of " + eg.name())) {
      return;
    }
    c.check(values, bases.k().expPublic(g.scalar(n.tally())).equals(t), where + " b_over_m",
        "T ≠ K^t for the published count t = " + n.tally());
    BigInteger q = eg.order();
    if (!c.check(proofs, n.challenge().compareTo(q) < 0 && n.response().compareTo(q) < 0, where + " proof",
        "challenge or response not in Z_q")) {
      return;
    }
    Element m = beta.div(t);
    Scalar ch = g.scalar(n.challenge());
    Scalar v = g.scalar(n.response());
    Element ca = bases.g().expPublic(v).mul(bases.k().expPublic(ch));
    Element cb = g.multiExp(List.of(alpha, m), List.of(v, ch));
    byte[] msg = new EgHash.Message(0x30).number(r.jointKey(), eg.elementLength()).bytes(eg.bytes(alpha)).bytes(eg.bytes(beta))
        .bytes(eg.bytes(ca)).bytes(eg.bytes(cb)).bytes(eg.bytes(m)).toByteArray();
    c.check(proofs, eg.hq(r.extendedBaseHash(), msg).equals(n.challenge()), where + " proof",
        "the decryption proof does not verify: c ≠ H_q(H_E; 0x30 ‖ K ‖ A ‖ B ‖ a ‖ b ‖ M)");
  }

  private static void aggregation(EgRecord r, List<EgBallot> ballots, EgTally tally, Checks c) {
    EgGroup eg = r.group();
    c.check(Step.AGGREGATION, MessageDigest.isEqual(tally.electionId(), r.extendedBaseHash()), "encrypted_tally.json election_id",
        "the tally names another election");
    java.util.Map<String, BigInteger[]> products = new java.util.LinkedHashMap<>();
    java.util.Map<String, Integer> contestCounts = new java.util.LinkedHashMap<>();
    java.util.TreeSet<String> cast = new java.util.TreeSet<>();
    java.util.Map<String, String> files = new java.util.HashMap<>();
    for (EgBallot b : ballots) {
      String first = files.putIfAbsent(b.id(), b.file());
      if (!c.check(Step.AGGREGATION, first == null, b.file() + " ballot_id",
          "ballot id " + b.id() + " is also the id of " + first + " (a ballot counted twice)")) {
        continue;
      }
      if (!"CAST".equals(b.state())) {
        continue;
      }
      cast.add(b.id());
      for (EgBallot.Contest contest : b.contests()) {
        contestCounts.merge(contest.id(), 1, Integer::sum);
        for (EgBallot.Selection s : contest.selections()) {
          BigInteger[] ab = products.computeIfAbsent(contest.id() + "/" + s.id(), x -> new BigInteger[] {eg.identity(),
              eg.identity()});
          ab[0] = ab[0] == null ? null : eg.multiply(ab[0], s.vote().alpha());
          ab[1] = ab[1] == null ? null : eg.multiply(ab[1], s.vote().beta());
        }
      }
    }
    c.check(Step.AGGREGATION, new java.util.TreeSet<>(tally.castBallotIds()).equals(cast)
        && tally.castBallotIds().size() == cast.size(), "encrypted_tally.json cast_ballot_ids",
        "the tally's ballot ids are not exactly the cast ballots'");
    if (!tally.ballotCounts().isEmpty()) {
      // egk-ec leaves ballot_count at 0 (unset); a count it does state must be the true one
      boolean asStated = tally.ballotCounts().keySet().containsAll(contestCounts.keySet()) && tally.ballotCounts().entrySet()
          .stream().allMatch(e -> e.getValue() == 0 || e.getValue().equals(contestCounts.getOrDefault(e.getKey(), 0)));
      c.check(Step.AGGREGATION, asStated, "encrypted_tally.json ballot_count",
          "a contest's ballot count is neither 0 (unset) nor the number of cast ballots with it " + contestCounts);
    }
    java.util.Map<String, Integer> orders = new java.util.HashMap<>();
    for (EgManifest.Contest mc : r.contests().contests()) {
      orders.put(mc.id(), mc.sequenceOrder());
      for (int i = 0; i < mc.selections().size(); i++) {
        orders.put(mc.id() + "/" + mc.selections().get(i), mc.selectionOrders().get(i));
      }
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (EgTally.Aggregate a : tally.selections()) {
      String key = a.contestId() + "/" + a.selectionId();
      c.check(Step.AGGREGATION, Integer.valueOf(a.contestOrder()).equals(orders.get(a.contestId()))
          && Integer.valueOf(a.selectionOrder()).equals(orders.get(key)), "encrypted_tally.json contest " + a.contestId()
          + " selection " + a.selectionId() + " sequence_order", "the sequence numbers are not the manifest's");
      BigInteger[] ab = products.get(key);
      c.check(Step.AGGREGATION, seen.add(key) && ab != null && a.alpha().equals(ab[0]) && a.beta().equals(ab[1]),
          "encrypted_tally.json contest " + a.contestId() + " selection " + a.selectionId(),
          "the aggregate is not the product of the cast ballots' encryptions of this selection");
    }
    c.check(Step.AGGREGATION, seen.equals(products.keySet()), "encrypted_tally.json",
        "the tally does not hold exactly the ballots' selections");
  }

  /** Steps 4–6 for one ballot. */
  private static void ballot(EgRecord r, Bases bases, EgBallot b, Checks c) {
    EgGroup eg = r.group();
    int length = eg.elementLength();
    BigInteger k = r.jointKey();
    String where = b.file();
    if (!c.check(Step.SELECTIONS, !b.preEncrypted(), where, "a pre-encrypted ballot (not supported yet)")) {
      c.notChecked("pre-encrypted ballots (steps 15–19)");
      return;
    }
    java.util.Map<String, EgManifest.Contest> manifest = new java.util.HashMap<>();
    r.contests().contests().forEach(mc -> manifest.put(mc.id(), mc));
    c.check(Step.CONFIRMATION_CODES, MessageDigest.isEqual(b.electionId(), r.extendedBaseHash()), where + " election_id",
        "the ballot names another election (election_id ≠ H_E)");
    boolean usable = bases != null;
    // the encrypted serial number is bound by no hash in 2.0: only its form is checkable
    c.check(Step.SELECTIONS, !usable || (eg.decode(b.serialNumber()[0]) != null && eg.decode(b.serialNumber()[1]) != null),
        where + " encrypted_sn", "the encrypted serial number is not a pair of elements of " + eg.name());
    EgHash.Message code = new EgHash.Message(0x24);
    for (EgBallot.Contest contest : b.contests()) {
      String at = where + " contest " + contest.id();
      EgManifest.Contest mc = manifest.get(contest.id());
      Element productA = usable ? bases.group().identity() : null;
      Element productB = productA;
      boolean allInGroup = usable;
      EgHash.Message contestHash = new EgHash.Message(0x23).int4(contest.sequenceOrder()).number(k, length);
      int optionLimit = mc == null ? 1 : mc.optionLimit();
      for (EgBallot.Selection s : contest.selections()) {
        String sat = at + " selection " + s.id();
        EgBallot.Encrypted v = s.vote();
        contestHash.number(v.alpha(), length).number(v.beta(), length);
        Element alpha = usable ? eg.decode(v.alpha()) : null;
        Element beta = usable ? eg.decode(v.beta()) : null;
        if (!c.check(Step.SELECTIONS, alpha != null && beta != null, sat, "(α, β) is not a pair of elements of " + eg.name())) {
          allInGroup = false;
          continue;
        }
        c.check(Step.SELECTIONS, rangeProof(r, bases, alpha, beta, optionLimit, v.challenges(), v.responses()), sat,
            "the 0.." + optionLimit + " range proof does not verify");
        productA = productA.mul(alpha);
        productB = productB.mul(beta);
      }
      boolean limitAsStated = mc != null && (contest.votesAllowed().isEmpty() || contest.votesAllowed().getAsInt() == mc.votesAllowed());
      c.check(Step.VOTE_LIMITS, limitAsStated && mc.sequenceOrder() == contest.sequenceOrder()
          && mc.selections().equals(contest.selections().stream().map(EgBallot.Selection::id).toList())
          && mc.selectionOrders().equals(contest.selections().stream().map(EgBallot.Selection::sequenceOrder).toList()), at,
          mc == null ? "not a contest of the manifest" : "its limit, options or sequence numbers are not the manifest's (limit "
              + mc.votesAllowed() + ", contest " + mc.sequenceOrder() + ", options " + mc.selections() + " numbered "
              + mc.selectionOrders() + ")");
      if (allInGroup && mc != null) {
        c.check(Step.VOTE_LIMITS, rangeProof(r, bases, productA, productB, mc.votesAllowed(), contest.limitChallenges(),
            contest.limitResponses()), at, "the proof that at most " + mc.votesAllowed() + " votes are cast does not verify");
      }
      // spec 2.0 binds a cast ballot's contest data by no hash (2.1 puts it in χ): only its form is checkable
      EgBallot.ContestData data = contest.contestData();
      c.check(Step.SELECTIONS, !usable || (eg.decode(data.c0()) != null && data.c1().length == (data.numBytes() + 31) / 32 * 32),
          at + " encrypted_contest_data", "C0 is not an element of " + eg.name() + " or C1 is not numBytes in 32-byte blocks");
      byte[] chi = EgHash.h(r.extendedBaseHash(), contestHash.toByteArray());
      c.check(Step.CONFIRMATION_CODES, MessageDigest.isEqual(chi, contest.contestHash()), at + " contest_hash",
          "χ ≠ H(H_E; 0x23 ‖ index ‖ K ‖ α_1 ‖ β_1 ‖ …)");
      code.bytes(contest.contestHash());
    }
    byte[] expected = EgHash.h(r.extendedBaseHash(), code.bytes(b.codeBaux()).toByteArray());
    c.check(Step.CONFIRMATION_CODES, MessageDigest.isEqual(expected, b.confirmationCode()), where + " confirmation_code",
        "H(H_E; 0x24 ‖ χ_1 ‖ … ‖ χ_m ‖ B_aux) is not the ballot's confirmation code");
  }

  /**
   * The compact range proof 0..R with message base K: a_j = g^{v_j}·α^{c_j}, b_j = K^{v_j − j·c_j}·β^{c_j},
   * and Σ c_j = H_q(H_E; 0x21 ‖ K ‖ α ‖ β ‖ a_0 ‖ b_0 ‖ … ‖ a_R ‖ b_R). g and K go through fixed-base
   * tables; the exponents are public.
   */
  private static boolean rangeProof(EgRecord r, Bases bases, Element alpha, Element beta, int limit,
      List<BigInteger> challenges, List<BigInteger> responses) {
    return rangeProof(r.jointKey(), r.extendedBaseHash(), bases, alpha, beta, limit, challenges, responses);
  }

  /** The same, from the key and H_E themselves (for known-answer vectors without a record). */
  static boolean rangeProof(BigInteger jointKey, byte[] extendedBaseHash, Bases bases, Element alpha, Element beta,
      int limit, List<BigInteger> challenges, List<BigInteger> responses) {
    if (challenges.size() != limit + 1 || responses.size() != limit + 1) {
      return false;
    }
    EgGroup eg = bases.eg();
    BigInteger q = eg.order();
    Group g = bases.group();
    EgHash.Message m = new EgHash.Message(0x21).number(jointKey, eg.elementLength()).bytes(eg.bytes(alpha))
        .bytes(eg.bytes(beta));
    BigInteger sum = BigInteger.ZERO;
    for (int j = 0; j <= limit; j++) {
      BigInteger cj = challenges.get(j);
      BigInteger vj = responses.get(j);
      if (cj.compareTo(q) >= 0 || vj.compareTo(q) >= 0) {
        return false;
      }
      Scalar c = g.scalar(cj);
      Element a = bases.g().expPublic(g.scalar(vj)).mul(alpha.expPublic(c));
      Element b = bases.k().expPublic(g.scalar(vj.subtract(BigInteger.valueOf(j).multiply(cj)).mod(q))).mul(beta.expPublic(c));
      m.bytes(eg.bytes(a)).bytes(eg.bytes(b));
      sum = sum.add(cj);
    }
    return eg.hq(extendedBaseHash, m.toByteArray()).equals(sum.mod(q));
  }

  /** Lowercase hex (for messages). */
  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
