package org.tabella.network;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.DiscreteLog;
import org.tabella.crypto.elgamal.ElGamal;
import org.tabella.crypto.elgamal.ProvenCiphertext;
import org.tabella.crypto.proofs.RangeProof;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.network.node.NodeOptions;
import org.tabella.network.node.PartyNode;
import org.tabella.network.roster.Identity;
import org.tabella.network.roster.Roster;
import org.tabella.network.roster.RosterTool;
import org.tabella.crypto.encoding.ProtocolCodec;
import org.tabella.crypto.encoding.ByteReader;
import org.tabella.crypto.encoding.ByteWriter;

/**
 * One party as its own process (for the multi-process test): key ceremony, a 0/1 vote with its
 * proof broadcast to all, the product of every valid vote, threshold decryption, and the outcome
 * printed as {@code result: Y yes, N no}.
 */
public final class PartyProcess {
  private PartyProcess() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int id = Integer.parseInt(args[1]);
    int vote = Integer.parseInt(args[2]);
    Roster roster = Roster.load(dir.resolve("roster.json"));
    Identity identity = Identity.load(roster, id, RosterTool.keyFile(dir, id));
    boolean crash = args.length > 3 && args[3].equals("crash-in-dkg");
    boolean equivocate = args.length > 3 && args[3].equals("equivocate-in-dkg");
    NodeOptions options = NodeOptions.defaults().withRoundTimeout(Duration.ofSeconds(5))
        .withConnectTimeout(Duration.ofSeconds(30)).withDelta(Duration.ofMillis(Long.getLong("tabella.delta.ms", 1000)));
    org.tabella.network.node.OutgoingFilter faults = (instance, round, to, payload) -> {
          if (crash && instance.matches("dkg/[0-9a-f]{64}") && round == 2) {
            System.out.println("crashing");
            System.out.flush();
            Runtime.getRuntime().halt(137); // like kill -9: no shutdown hooks, sockets dropped by the OS
          }
          if (equivocate && instance.matches("dkg/[0-9a-f]{64}") && round == 1 && to == 1 && payload.length > 100) {
            byte[] other = payload.clone();
            other[other.length - 1] ^= 1; // a second, validly signed version of this dealer's broadcast
            return other;
          }
          return payload;
        };
    try (PartyNode node = PartyNode.startWithFaults(roster, identity, options, faults)) {
      DkgResult key = node.runDkg();
      System.out.println("key: " + java.util.HexFormat.of().formatHex(key.key().publicKey().element().encode()));
      Group g = Groups.named(roster.group());
      ProvenCiphertext mine = ElGamal.encryptWithProof(key.key().publicKey(), vote, 1, ballotContext(roster, id));
      node.broadcast("votes", 1, encode(mine));
      List<ProvenCiphertext> ballots = new ArrayList<>();
      ballots.add(mine);
      for (var e : node.collectBroadcasts("votes", 1).entrySet()) {
        ProvenCiphertext b = decode(g, e.getValue());
        if (b != null && b.verify(key.key().publicKey(), 1, ballotContext(roster, e.getKey()))) {
          ballots.add(b);
        }
      }
      Ciphertext tally = Ciphertext.zero(g);
      for (ProvenCiphertext b : ballots) {
        tally = tally.add(b.ciphertext());
      }
      var result = node.decrypt(key.key(), key.share(), tally, "decrypt-tally", roster.sessionId());
      long yes = DiscreteLog.forBound(g, ballots.size()).solve(result.plaintextElement());
      System.out.println("result: " + yes + " yes, " + (ballots.size() - yes) + " no");
      System.out.println("equivocators: " + new java.util.TreeSet<>(node.equivocations().stream()
          .filter(e -> e.isProof(roster)).map(e -> e.party()).toList()));
    }
  }

  static byte[] ballotContext(Roster roster, int party) {
    return new ByteWriter().writeString("tabella-test-ballot").writeBytes(roster.sessionId()).writeInt(party).toByteArray();
  }

  static byte[] encode(ProvenCiphertext b) {
    ByteWriter w = new ByteWriter().writeBytes(ProtocolCodec.encode(b.ciphertext()));
    RangeProof p = b.proof();
    w.writeInt(p.maximum());
    for (int j = 0; j <= p.maximum(); j++) {
      w.writeBytes(p.commitmentsA().get(j).encode()).writeBytes(p.commitmentsB().get(j).encode())
          .writeBytes(p.challenges().get(j).encode()).writeBytes(p.responses().get(j).encode());
    }
    return w.toByteArray();
  }

  static ProvenCiphertext decode(Group g, byte[] bytes) {
    try {
      ByteReader r = new ByteReader(bytes);
      Ciphertext c = ProtocolCodec.decodeCiphertext(g, r.readBytes(1 << 16));
      int max = r.readCount(16);
      List<org.tabella.groups.Element> a = new ArrayList<>();
      List<org.tabella.groups.Element> bb = new ArrayList<>();
      List<org.tabella.groups.Scalar> cs = new ArrayList<>();
      List<org.tabella.groups.Scalar> zs = new ArrayList<>();
      for (int j = 0; j <= max; j++) {
        a.add(g.decode(r.readBytes(g.elementLength())));
        bb.add(g.decode(r.readBytes(g.elementLength())));
        cs.add(g.decodeScalar(r.readBytes(g.scalarLength())));
        zs.add(g.decodeScalar(r.readBytes(g.scalarLength())));
      }
      r.end();
      return new ProvenCiphertext(c, new RangeProof(a, bb, cs, zs));
    } catch (Exception e) {
      return null;
    }
  }

}
