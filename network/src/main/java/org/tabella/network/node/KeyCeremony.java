package org.tabella.network.node;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tabella.crypto.dkg.ComplaintBroadcast;
import org.tabella.crypto.dkg.Confirmation;
import org.tabella.crypto.dkg.DealerBroadcast;
import org.tabella.crypto.dkg.DkgFailedException;
import org.tabella.crypto.dkg.DkgParameters;
import org.tabella.crypto.dkg.DkgParty;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.crypto.dkg.PrivateShare;
import org.tabella.crypto.dkg.RevealBroadcast;
import org.tabella.crypto.encoding.ByteReader;
import org.tabella.crypto.encoding.ByteWriter;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.crypto.encoding.ProtocolCodec;
import org.tabella.crypto.signatures.EcdsaP256;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.network.roster.Identity;
import org.tabella.network.roster.Roster;
import org.tabella.network.roster.Signatures;

/**
 * The key ceremony between the parties of a roster (SPEC.md §2.10, §3.5):
 * <ol start="0">
 *   <li>{@code <base>/hello}: every party broadcasts 32 fresh random bytes; the run nonce is the
 *       hash of all that arrived, and the ceremony's instance is {@code <base>/<run nonce>}, so no
 *       message of an earlier run with the same roster verifies in this one;
 *   <li>–3. the three DKG rounds ({@link DkgParty}) in that instance, with session id
 *       {@code LP(roster session) ‖ LP(instance)};
 *   <li value="4">every party signs the outcome's digest ({@link Confirmation#digest}) and
 *       broadcasts it; a party that receives a valid confirmation of any other outcome aborts,
 *       naming the party. The result carries every valid confirmation.
 * </ol>
 */
final class KeyCeremony {
  private final PartyNode node;
  private final Identity identity;
  private final Roster roster;
  private String instance;

  KeyCeremony(PartyNode node, Identity identity) {
    this.node = node;
    this.identity = identity;
    this.roster = node.roster();
  }

  DkgResult run(String base) throws DkgFailedException, InterruptedException {
    String instance = base + "/" + HexFormat.of().formatHex(runNonce(base + "/hello"));
    this.instance = instance;
    byte[] session = new ByteWriter().writeBytes(roster.sessionId()).writeString(instance).toByteArray();
    Group g = Groups.named(roster.group());
    DkgParty party = new DkgParty(new DkgParameters(g, roster.size(), roster.quorum(), session), node.id());
    try {
      DkgResult result = dkg(party, g, instance);
      return result.withConfirmations(confirm(instance, result));
    } finally {
      node.finish(instance);
    }
  }

  /**
   * Round 0, an agreed round: SHA-256(LP("tabella-run-v1") ‖ LP(roster session) ‖ (I2OSP(id,4) ‖
   * I2OSP(count,4) ‖ LP(nonce)…)…), ids increasing, each party's accepted 32-byte nonces in
   * increasing byte order. Every nonce accepted counts — a replayed hello of an earlier run only adds
   * one — so an honest party's fresh nonce is always in, and every honest party derives the same
   * run nonce (SPEC.md §2.10 step 0).
   */
  private byte[] runNonce(String hello) throws InterruptedException {
    byte[] mine = new byte[32];
    new SecureRandom().nextBytes(mine);
    AgreedRounds.Outcome heard = node.agreeAll(hello, 1, mine);
    node.finish(hello);
    ByteWriter w = new ByteWriter().writeString("tabella-run-v1").writeBytes(roster.sessionId());
    heard.accepted().forEach((id, messages) -> {
      List<byte[]> nonces = new ArrayList<>();
      for (var m : messages) {
        if (m.payload().length == 32) {
          nonces.add(m.payload());
        }
      }
      if (!nonces.isEmpty() && messages.size() < AgreedRounds.RELAYED) {
        nonces.sort(java.util.Arrays::compareUnsigned);
        w.writeInt(id).writeInt(nonces.size());
        nonces.forEach(w::writeBytes);
      }
    });
    return sha256(w.toByteArray());
  }

  /** The signed messages of rounds 1–3 this party delivered, and the equivocations it saw: {@link CeremonyEvidence}. */
  private final List<org.tabella.network.wire.Envelope> evidence = new ArrayList<>();
  private final List<Equivocation> equivocations = new ArrayList<>();

  /** Keeps a round's delivered messages as evidence and returns their payloads by author. */
  private Map<Integer, byte[]> delivered(AgreedRounds.Outcome o) {
    o.accepted().forEach((author, list) -> {
      if (list.size() == 1) {
        evidence.add(list.get(0));
      }
    });
    equivocations.addAll(o.equivocations());
    return o.single();
  }

  /** The evidence of the last {@link #run} (after it returned or threw; null before the run nonce was agreed). */
  CeremonyEvidence evidence() {
    if (instance == null) {
      return null;
    }
    return new CeremonyEvidence(instance, evidence, equivocations);
  }

  private DkgResult dkg(DkgParty party, Group g, String instance) throws DkgFailedException, InterruptedException {
    DkgParty.Dealing dealing = party.deal();
    // Shares first: they are private and need only reach their recipient within the round.
    for (PrivateShare s : dealing.privateShares()) {
      node.sendPrivate(instance, 1, s.recipient(), ProtocolCodec.encode(s));
    }
    Map<Integer, byte[]> r1 = delivered(node.agreeAll(instance, 1, ProtocolCodec.encode(dealing.broadcast())));
    List<DealerBroadcast> broadcasts = new ArrayList<>();
    for (var e : r1.entrySet()) {
      try {
        DealerBroadcast b = ProtocolCodec.decodeDealerBroadcast(g, roster.quorum(), e.getValue());
        if (b.dealer() == e.getKey()) {
          broadcasts.add(b);
        }
      } catch (MalformedEncodingException ex) {
        node.warn(instance, 1, e.getKey(), ex);
      }
    }
    List<PrivateShare> shares = new ArrayList<>();
    for (var e : node.privatesArrived(instance, 1).entrySet()) {
      try {
        PrivateShare s = ProtocolCodec.decodePrivateShare(g, e.getValue());
        if (s.dealer() == e.getKey() && s.recipient() == node.id()) {
          shares.add(s);
        }
      } catch (MalformedEncodingException ex) {
        node.warn(instance, 1, e.getKey(), ex);
      }
    }
    List<ComplaintBroadcast> complaints = new ArrayList<>();
    for (var e : delivered(node.agreeAll(instance, 2, ProtocolCodec.encode(party.receiveRound1(broadcasts, shares))))
        .entrySet()) {
      try {
        ComplaintBroadcast c = ProtocolCodec.decodeComplaint(e.getValue());
        if (c.from() == e.getKey()) {
          complaints.add(c);
        }
      } catch (MalformedEncodingException ex) {
        node.warn(instance, 2, e.getKey(), ex);
      }
    }
    List<RevealBroadcast> reveals = new ArrayList<>();
    for (var e : delivered(node.agreeAll(instance, 3, ProtocolCodec.encode(party.receiveRound2(complaints)))).entrySet()) {
      try {
        RevealBroadcast r = ProtocolCodec.decodeReveal(g, e.getValue());
        if (r.dealer() == e.getKey()) {
          reveals.add(r);
        }
      } catch (MalformedEncodingException ex) {
        node.warn(instance, 3, e.getKey(), ex);
      }
    }
    return party.receiveRound3(reveals);
  }

  /**
   * Round 4: {@code LP(digest) ‖ LP(signature)}. This party finishes only if at least k parties
   * (itself included) validly confirm its outcome and at most f = ⌊(n − 1)/3⌋ validly confirm
   * another one: up to f liars cannot stop the ceremony, and a real disagreement among honest
   * parties makes them abort rather than use different keys.
   */
  private List<Confirmation> confirm(String instance, DkgResult result) throws DkgFailedException, InterruptedException {
    byte[] digest = result.confirmationDigest();
    byte[] signature = EcdsaP256.sign(((ECPrivateKey) identity.privateKey()).getS(), digest);
    List<Confirmation> out = new ArrayList<>();
    List<Integer> conflicting = new ArrayList<>();
    byte[] mine = new ByteWriter().writeBytes(digest).writeBytes(signature).toByteArray();
    for (var e : node.agree(instance, 4, mine).entrySet()) {
      int j = e.getKey();
      byte[] theirDigest;
      byte[] theirSignature;
      try {
        ByteReader r = new ByteReader(e.getValue());
        theirDigest = r.readBytes(32);
        theirSignature = r.readBytes(64);
        r.end();
      } catch (MalformedEncodingException ex) {
        node.warn(instance, 4, j, ex);
        continue;
      }
      Confirmation c = new Confirmation(j, Signatures.publicKey(roster.party(j).certificate()), theirSignature);
      if (!c.verifies(theirDigest)) {
        node.warn(instance, 4, j, new IllegalArgumentException("confirmation signature does not verify"));
        continue;
      }
      if (MessageDigest.isEqual(digest, theirDigest)) {
        out.add(c);
      } else {
        conflicting.add(j);
      }
    }
    int tolerated = (roster.size() - 1) / 3;
    if (conflicting.size() > tolerated || out.size() < roster.quorum()) {
      throw new DkgFailedException("the key ceremony is not confirmed: parties " + conflicting
          + " signed another outcome and " + out.size() + " confirmed this one (at most " + tolerated
          + " and at least " + roster.quorum() + " allowed); aborting rather than using a key the others may not hold");
    }
    if (!conflicting.isEmpty()) {
      java.lang.System.getLogger(KeyCeremony.class.getName()).log(java.lang.System.Logger.Level.WARNING,
          "party {0}: parties {1} signed another outcome of the key ceremony", node.id(), conflicting);
    }
    out.sort(java.util.Comparator.comparingInt(Confirmation::party));
    return out;
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
