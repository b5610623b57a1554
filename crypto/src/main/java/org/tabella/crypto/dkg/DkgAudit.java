package org.tabella.crypto.dkg;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tabella.groups.Scalar;

/**
 * The public judgement of a key ceremony (SPEC.md §2.10 steps 1–4) from its broadcasts alone, as
 * an outside auditor holding the agreed transcript makes it: which dealers are disqualified, why,
 * and which qualify. No private share is needed — complaints and reveals are broadcast — so anyone
 * can check, from the signed messages, every disqualification an honest party made.
 *
 * <p>The rules are {@link DkgParty}'s with the auditor's view in place of a party's: round 1, a
 * dealing that is malformed or has an invalid proof of possession; round 2, a dealer whose
 * dealing at least B − f of the B round-2 broadcasters do not echo as the transcript holds it;
 * round 3, a dealer that leaves a complaint unanswered or answers it with a share that fails the
 * Feldman check. Every honest party of a ceremony whose rounds agreed reaches the same verdict
 * ({@code DkgAuditTest} cross-checks it against the parties).
 *
 * @param qualified the dealers that qualify
 * @param misbehaviour every disqualification, with its reason, by dealer
 */
public record DkgAudit(Set<Integer> qualified, List<Misbehaviour> misbehaviour) {
  /** Copies. */
  public DkgAudit {
    qualified = Collections.unmodifiableSet(new TreeSet<>(qualified));
    misbehaviour = List.copyOf(misbehaviour);
  }

  /** The parties disqualified. */
  public Set<Integer> culprits() {
    Set<Integer> s = new TreeSet<>();
    misbehaviour.forEach(m -> s.add(m.party()));
    return s;
  }

  /**
   * Judges a transcript.
   *
   * @param dealings round 1, by dealer (the payload's dealer must be its key)
   * @param complaints round 2, by party
   * @param reveals round 3, by dealer
   */
  public static DkgAudit judge(DkgParameters params, Map<Integer, DealerBroadcast> dealings,
      Map<Integer, ComplaintBroadcast> complaints, Map<Integer, RevealBroadcast> reveals) {
    Map<Integer, Misbehaviour> out = new TreeMap<>();
    Map<Integer, DealerBroadcast> dealers = new TreeMap<>();
    Map<Integer, byte[]> digests = new TreeMap<>();
    for (var e : new TreeMap<>(dealings).entrySet()) {
      DealerBroadcast b = e.getValue();
      if (b.dealer() != e.getKey() || !params.isParty(b.dealer())) {
        continue;
      }
      digests.put(b.dealer(), sha256(b.encode()));
      String problem = DkgParty.problem(params, b);
      if (problem != null) {
        out.putIfAbsent(b.dealer(), new Misbehaviour(b.dealer(), "round 1: " + problem));
      } else {
        dealers.put(b.dealer(), b);
      }
    }
    Map<Integer, ComplaintBroadcast> byParty = new TreeMap<>();
    complaints.forEach((from, c) -> {
      if (c.from() == from && params.isParty(from)) {
        byParty.put(from, c);
      }
    });
    int tolerated = (params.parties() - 1) / 3;
    Set<Integer> echoed = new TreeSet<>();
    byParty.values().forEach(c -> c.echoes().keySet().stream().filter(params::isParty).forEach(echoed::add));
    for (int d : echoed) {
      Map<ByteBuffer, Integer> votes = new HashMap<>();
      for (ComplaintBroadcast c : byParty.values()) {
        byte[] digest = c.echoes().get(d);
        if (digest != null) {
          votes.merge(ByteBuffer.wrap(digest), 1, Integer::sum);
        }
      }
      byte[] held = digests.get(d);
      int agreeing = held == null ? 0 : votes.getOrDefault(ByteBuffer.wrap(held), 0);
      if (agreeing < byParty.size() - tolerated) {
        out.putIfAbsent(d, new Misbehaviour(d, "round 2: only " + agreeing + " of " + byParty.size()
            + " round-2 broadcasters echoed the dealing of the transcript (" + (byParty.size() - tolerated) + " needed)"));
      }
    }
    Map<Integer, Set<Integer>> against = new TreeMap<>();
    for (ComplaintBroadcast c : byParty.values()) {
      for (int d : c.accused()) {
        if (dealers.containsKey(d) && d != c.from()) {
          against.computeIfAbsent(d, k -> new TreeSet<>()).add(c.from());
        }
      }
    }
    for (var e : against.entrySet()) {
      int d = e.getKey();
      if (out.containsKey(d)) {
        continue;
      }
      RevealBroadcast r = reveals.get(d);
      if (r != null && r.dealer() != d) {
        r = null;
      }
      for (int j : e.getValue()) {
        Scalar s = r == null ? null : r.revealed().get(j);
        if (s == null || !s.order().equals(params.group().order())
            || !new org.tabella.crypto.sharing.FeldmanCommitment(dealers.get(d).commitments()).verify(j, s)) {
          out.put(d, new Misbehaviour(d, "round 3: no valid answer to the complaint of party " + j));
          break;
        }
      }
    }
    Set<Integer> qualified = new TreeSet<>(dealers.keySet());
    qualified.removeAll(out.keySet());
    return new DkgAudit(qualified, new ArrayList<>(out.values()));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
