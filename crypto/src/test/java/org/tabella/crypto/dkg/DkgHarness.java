package org.tabella.crypto.dkg;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Runs a ceremony in memory: every party's messages are delivered to every other party, except
 * that silent parties send nothing from a given round on and a tamper hook may rewrite what one
 * party sends to another.
 */
final class DkgHarness {
  final DkgParameters params;
  final Map<Integer, DkgParty> parties = new TreeMap<>();
  /** party → first round (1..3) from which it sends nothing. */
  final Map<Integer, Integer> silentFrom = new TreeMap<>();
  /** Rewrites the broadcast a dealer sends to a recipient (for equivocation). */
  Tamper tamperBroadcast = (from, to, b) -> b;
  /** Rewrites private shares. */
  UnaryOperator<List<PrivateShare>> tamperShares = s -> s;
  /** Rewrites reveals. */
  UnaryOperator<RevealBroadcast> tamperReveal = r -> r;
  /** Rewrites complaints. */
  UnaryOperator<ComplaintBroadcast> tamperComplaint = c -> c;

  /** The public transcript of the last run, as an auditor would hold it: what each party broadcast in rounds 1–3. */
  final Map<Integer, DealerBroadcast> publishedDealings = new TreeMap<>();
  final Map<Integer, ComplaintBroadcast> publishedComplaints = new TreeMap<>();
  final Map<Integer, RevealBroadcast> publishedReveals = new TreeMap<>();

  interface Tamper {
    DealerBroadcast apply(int from, int to, DealerBroadcast b);
  }

  DkgHarness(DkgParameters params) {
    this.params = params;
    for (int i = 1; i <= params.parties(); i++) {
      parties.put(i, new DkgParty(params, i));
    }
  }

  boolean sends(int party, int round) {
    return silentFrom.getOrDefault(party, 99) > round;
  }

  /** Runs all rounds; returns the results of the parties that finish (silent ones are skipped). */
  Map<Integer, Object> run() {
    Map<Integer, DkgParty.Dealing> dealings = new TreeMap<>();
    for (var e : parties.entrySet()) {
      dealings.put(e.getKey(), e.getValue().deal());
      if (sends(e.getKey(), 1)) {
        DealerBroadcast b = tamperBroadcast.apply(e.getKey(), 0, dealings.get(e.getKey()).broadcast());
        if (b != null) {
          publishedDealings.put(e.getKey(), b);
        }
      }
    }
    Map<Integer, ComplaintBroadcast> round2 = new TreeMap<>();
    Set<Integer> active = new HashSet<>(parties.keySet());
    for (int j : parties.keySet()) {
      if (!sends(j, 1)) {
        active.remove(j);
        continue;
      }
      List<DealerBroadcast> bs = new ArrayList<>();
      List<PrivateShare> ps = new ArrayList<>();
      for (var d : dealings.entrySet()) {
        if (d.getKey() == j || !sends(d.getKey(), 1)) {
          continue;
        }
        DealerBroadcast delivered = tamperBroadcast.apply(d.getKey(), j, d.getValue().broadcast());
        if (delivered != null) {
          bs.add(delivered);
        }
        for (PrivateShare s : tamperShares.apply(d.getValue().privateShares())) {
          if (s.recipient() == j) {
            ps.add(s);
          }
        }
      }
      round2.put(j, tamperComplaint.apply(parties.get(j).receiveRound1(bs, ps)));
    }
    Map<Integer, RevealBroadcast> round3 = new TreeMap<>();
    for (int j : new ArrayList<>(active)) {
      if (!sends(j, 2)) {
        active.remove(j);
        continue;
      }
      List<ComplaintBroadcast> cs = new ArrayList<>();
      round2.forEach((from, c) -> {
        if (sends(from, 2)) {
          cs.add(c);
        }
      });
      round3.put(j, tamperReveal.apply(parties.get(j).receiveRound2(cs)));
      publishedComplaints.put(j, round2.get(j));
    }
    round3.forEach((from, r) -> {
      if (sends(from, 3)) {
        publishedReveals.put(from, r);
      }
    });
    Map<Integer, Object> results = new TreeMap<>();
    for (int j : active) {
      if (!sends(j, 3)) {
        continue;
      }
      List<RevealBroadcast> rs = new ArrayList<>();
      round3.forEach((from, r) -> {
        if (sends(from, 3)) {
          rs.add(r);
        }
      });
      try {
        results.put(j, parties.get(j).receiveRound3(rs));
      } catch (DkgFailedException e) {
        results.put(j, e);
      }
    }
    return results;
  }
}
