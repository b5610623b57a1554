package org.tabella.crypto.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tabella.crypto.dkg.DkgParameters;
import org.tabella.crypto.dkg.DkgParty;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.crypto.dkg.DealerBroadcast;
import org.tabella.crypto.dkg.PrivateShare;
import org.tabella.crypto.dkg.ComplaintBroadcast;
import org.tabella.crypto.dkg.RevealBroadcast;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.ElGamal;
import org.tabella.crypto.elgamal.ElGamalKeyPair;
import org.tabella.crypto.elgamal.ProvenCiphertext;
import org.tabella.crypto.proofs.ProofBatch;
import org.tabella.crypto.threshold.DecryptionResult;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.crypto.threshold.ThresholdDecryption;
import org.tabella.crypto.threshold.TrustedDealer;
import org.tabella.groups.Groups;

/**
 * Protocol costs on one core. Run: {@code mvn -B -Pbench -pl crypto -am verify -DskipTests}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProtocolBenchmark {
  static final byte[] CTX = "bench".getBytes(StandardCharsets.UTF_8);

  @Param({"ristretto255"})
  public String groupName;

  private ElGamalKeyPair keys;
  private ProvenCiphertext vote;
  private List<ProvenCiphertext> votes;
  private TrustedDealer.Dealt dealt;
  private Ciphertext tally;

  @Setup(Level.Trial)
  public void setUp() {
    var g = Groups.named(groupName);
    keys = ElGamalKeyPair.generate(g, CTX);
    vote = ElGamal.encryptWithProof(keys.publicKey(), 1, 1, CTX);
    votes = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      votes.add(ElGamal.encryptWithProof(keys.publicKey(), i % 2, 1, CTX));
    }
    dealt = TrustedDealer.deal(g, 5, 3);
    tally = ElGamal.encrypt(dealt.key().publicKey(), 12345);
  }

  /** One 0/1 vote: encryption and its disjunctive proof. */
  @Benchmark
  public ProvenCiphertext encryptVoteWithProof() {
    return ElGamal.encryptWithProof(keys.publicKey(), 1, 1, CTX);
  }

  /** Verify one 0/1 vote. */
  @Benchmark
  public boolean verifyVote() {
    return vote.verify(keys.publicKey(), 1, CTX);
  }

  /** Verify 64 votes in one batch (divide by 64 for the per-vote figure). */
  @Benchmark
  public boolean verifyVotesBatch64() {
    ProofBatch batch = new ProofBatch(keys.publicKey().group());
    for (ProvenCiphertext v : votes) {
      batch.add(v.proof(), 1, keys.publicKey().element(), v.ciphertext().a(), v.ciphertext().b(), CTX);
    }
    return batch.allValid();
  }

  /** A complete 5-party, quorum-3 DKG in memory (all five parties' work). */
  @Benchmark
  public DkgResult dkg5of3() throws Exception {
    var params = new DkgParameters(keys.publicKey().group(), 5, 3, CTX);
    List<DkgParty> parties = new ArrayList<>();
    List<DealerBroadcast> broadcasts = new ArrayList<>();
    List<PrivateShare> shares = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      DkgParty p = new DkgParty(params, i);
      parties.add(p);
      DkgParty.Dealing d = p.deal();
      broadcasts.add(d.broadcast());
      shares.addAll(d.privateShares());
    }
    List<ComplaintBroadcast> complaints = new ArrayList<>();
    for (DkgParty p : parties) {
      complaints.add(p.receiveRound1(broadcasts, shares));
    }
    List<RevealBroadcast> reveals = new ArrayList<>();
    for (DkgParty p : parties) {
      reveals.add(p.receiveRound2(complaints));
    }
    DkgResult last = null;
    for (DkgParty p : parties) {
      last = p.receiveRound3(reveals);
    }
    return last;
  }

  /** Three trustees' shares with proofs, all proofs checked, combined. */
  @Benchmark
  public DecryptionResult thresholdDecrypt3of5() throws Exception {
    List<DecryptionShare> shares = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      shares.add(ThresholdDecryption.share(dealt.shares().get(i), tally, CTX));
    }
    return ThresholdDecryption.combine(dealt.key(), tally, shares, CTX);
  }

  /** Homomorphic addition of one ciphertext into a running tally. */
  @Benchmark
  public Ciphertext tallyAdd() {
    return tally.add(vote.ciphertext());
  }
}
