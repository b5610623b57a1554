package org.tabella.app.cli;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tabella.crypto.dkg.ComplaintBroadcast;
import org.tabella.crypto.dkg.DealerBroadcast;
import org.tabella.crypto.dkg.DkgParameters;
import org.tabella.crypto.dkg.DkgParty;
import org.tabella.crypto.dkg.PrivateShare;
import org.tabella.crypto.dkg.RevealBroadcast;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.ElGamal;
import org.tabella.crypto.proofs.ProofBatch;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.crypto.threshold.ThresholdDecryption;
import org.tabella.crypto.threshold.TrustedDealer;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.groups.Scalar;
import org.tabella.voting.Ballot;
import org.tabella.voting.Ballots;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.TallyMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tabella bench}: microseconds per operation per group, measured after a warm-up (a quick
 * look; the JMH benchmarks behind {@code -Pbench} are the careful measurement).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Time the core operations.")
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--group", description = "one group (default: ristretto255, P-256, secp256k1, modp-2048-256)")
  String group;
  @Option(names = "--json", description = "print one JSON array and nothing else")
  boolean json;
  @Option(names = "--millis", defaultValue = "400", description = "measuring time per operation (default ${DEFAULT-VALUE})")
  int millis;

  @Option(names = "--election", description = "instead: time a whole N-ballot election on one board (encrypt, "
      + "accept, tally, decrypt 3 of 5, write and verify the record)")
  Integer election;

  @Option(names = "--board", description = "instead: load a running board (https URL) with --voters ballots from"
      + " --concurrency clients; needs --pin")
  java.net.URI board;
  @Option(names = "--pin", description = "the board certificate's SHA-256 fingerprint")
  String pin;
  @Option(names = "--voters", defaultValue = "1000", description = "ballots for --board (default ${DEFAULT-VALUE})")
  int voters;
  @Option(names = "--concurrency", defaultValue = "50", description = "concurrent clients for --board (default ${DEFAULT-VALUE})")
  int concurrency;

  /** Selections per batch in {@code selection-verify-batch} (the figure is per selection). */
  static final int BATCH = 1024;

  @FunctionalInterface
  interface Op {
    void run() throws Exception;
  }

  @Override
  public Integer call() throws Exception {
    if (group != null) {
      GroupsCommand.named(group);
    }
    if (millis < 1) {
      throw UserError.usage("--millis must be at least 1");
    }
    if (board != null) {
      if (pin == null) {
        throw UserError.usage("--board needs --pin (the board certificate's fingerprint)");
      }
      if (voters < 1 || concurrency < 1 || concurrency > 1000) {
        throw UserError.usage("--voters ≥ 1 and 1 ≤ --concurrency ≤ 1000");
      }
      return BoardLoad.run(board, pin, voters,
          concurrency, json);
    }
    if (election != null) {
      if (election < 1) {
        throw UserError.usage("--election needs a number of ballots of at least 1");
      }
      return ElectionBenchmark.run(group != null ? group : "ristretto255", election, json);
    }
    List<String> groups = group != null ? List.of(group) : List.of("ristretto255", "P-256", "secp256k1", "modp-2048-256");
    List<String> rows = new ArrayList<>();
    for (String name : groups) {
      Group g = Groups.named(name);
      SecureRandom rng = new SecureRandom();
      Element h = g.generator().exp(g.randomScalar(rng));
      byte[] enc = h.encode();
      var dealt = TrustedDealer.deal(g, 5, 3);
      ElectionParameters election = Elections.referendum("bench", Groups.named(name), 5, 3, TallyMode.COUNT, 0);
      Ballot ballot = Ballots.referendum(election, dealt.key().publicKey(), "b", true);
      List<Ballot> ballots = new ArrayList<>();
      for (int i = 0; i < BATCH; i++) {
        ballots.add(Ballots.referendum(election, dealt.key().publicKey(), "b" + i, i % 2 == 0));
      }
      Ciphertext tally = ElGamal.encrypt(dealt.key().publicKey(), 5);
      Ciphertext one = ballot.contests().get(0).selections().get(0).ciphertext();
      Map<String, Op> ops = new LinkedHashMap<>();
      ops.put("exp-fixed-base", () -> g.generatorTable().exp(g.randomScalar(rng)).encode());
      ops.put("exp", () -> h.exp(g.randomScalar(rng)).encode());
      ops.put("exp2", () -> g.multiExp(List.of(g.generator(), h), List.of(g.randomScalar(rng), g.randomScalar(rng))));
      ops.put("decode", () -> g.decode(enc));
      ops.put("hash-to-group", () -> g.hashToElement(g.randomScalar(rng).encode(), new byte[] {1}));
      // A selection: one 0/1 ElGamal encryption with its proof, as inside a ballot (a referendum
      // ballot is exactly one selection).
      ops.put("selection-encrypt", () -> Ballots.referendum(election, dealt.key().publicKey(), "x", true));
      ops.put("selection-verify", () -> Ballots.verify(election, dealt.key().publicKey(), ballot));
      ops.put("selection-verify-batch", null);
      ops.put("tally-add", () -> tally.add(one));
      ops.put("dkg", () -> dkg(g));
      Element tenMillion = g.generator().expPublic(g.scalar(9_999_999));
      org.tabella.crypto.elgamal.DiscreteLog.forBound(g, 10_000_000); // build the table before timing
      ops.put("dlog-10M", () -> org.tabella.crypto.elgamal.DiscreteLog.forBound(g, 10_000_000).solve(tenMillion));
      ops.put("decrypt-threshold", () -> {
        List<DecryptionShare> s = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          s.add(ThresholdDecryption.share(dealt.shares().get(i), tally, new byte[] {1}));
        }
        ThresholdDecryption.combine(dealt.key(), tally, s, new byte[] {1});
      });
      for (var e : ops.entrySet()) {
        double micros;
        if (e.getValue() == null) {
          micros = time(() -> {
            ProofBatch batch = new ProofBatch(g);
            for (Ballot b : ballots) {
              Ballots.addTo(batch, election, dealt.key().publicKey(), b);
            }
            if (!batch.allValid()) {
              throw new IllegalStateException("invalid batch");
            }
          }) / ballots.size();
        } else {
          micros = time(e.getValue());
        }
        rows.add(String.format(java.util.Locale.ROOT, "{\"group\": \"%s\", \"operation\": \"%s\", \"micros_per_op\": %.1f}",
            name, e.getKey(), micros));
        if (!json) {
          System.out.printf("%-14s %-23s %12.1f µs%n", name, e.getKey(), micros);
        }
      }
    }
    if (json) {
      System.out.println("[" + String.join(",\n ", rows) + "]");
    }
    return 0;
  }

  private double time(Op op) throws Exception {
    long warm = System.nanoTime() + millis * 500_000L;
    while (System.nanoTime() < warm) {
      op.run();
    }
    long start = System.nanoTime();
    long end = start + millis * 1_000_000L;
    int n = 0;
    while (System.nanoTime() < end || n < 3) {
      op.run();
      n++;
    }
    return (System.nanoTime() - start) / 1e3 / n;
  }

  private static void dkg(Group g) throws Exception {
    DkgParameters params = new DkgParameters(g, 5, 3, new byte[] {7});
    List<DkgParty> parties = new ArrayList<>();
    List<DealerBroadcast> bs = new ArrayList<>();
    List<PrivateShare> ps = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      DkgParty p = new DkgParty(params, i);
      parties.add(p);
      var d = p.deal();
      bs.add(d.broadcast());
      ps.addAll(d.privateShares());
    }
    List<ComplaintBroadcast> cs = new ArrayList<>();
    for (DkgParty p : parties) {
      cs.add(p.receiveRound1(bs, ps));
    }
    List<RevealBroadcast> rs = new ArrayList<>();
    for (DkgParty p : parties) {
      rs.add(p.receiveRound2(cs));
    }
    for (DkgParty p : parties) {
      p.receiveRound3(rs);
    }
  }

}
