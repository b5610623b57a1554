package org.tabella.network.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tabella.crypto.dkg.ComplaintBroadcast;
import org.tabella.crypto.dkg.DealerBroadcast;
import org.tabella.crypto.dkg.DkgAudit;
import org.tabella.crypto.dkg.DkgParameters;
import org.tabella.crypto.dkg.RevealBroadcast;
import org.tabella.crypto.encoding.ByteWriter;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.crypto.encoding.ProtocolCodec;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.network.roster.Roster;
import org.tabella.network.roster.Signatures;
import org.tabella.network.wire.Envelope;

/**
 * What a key ceremony's verdict rests on, in a form anyone holding the roster can check offline
 * (SPEC.md §3.5): every signed message of the agreed DKG rounds 1–3 that this party delivered, and
 * the evidence against every equivocator. {@link #audit} verifies every signature and re-judges
 * the ceremony from those messages alone ({@link DkgAudit}), so each disqualification is shown by
 * the culprit's own signed messages (an invalid dealing or reveal) or by the signed complaints it
 * left unanswered; an equivocation by two messages the culprit signed.
 *
 * @param instance the ceremony's instance ({@code <base>/<run nonce>})
 * @param messages the delivered signed agreed messages of rounds 1–3
 * @param equivocations the evidence against each equivocator
 */
public record CeremonyEvidence(String instance, List<Envelope> messages, List<Equivocation> equivocations) {
  /** Copies. */
  public CeremonyEvidence {
    messages = List.copyOf(messages);
    equivocations = List.copyOf(equivocations);
  }

  /**
   * Checks every message against the roster and judges the ceremony from them.
   *
   * @throws IllegalArgumentException naming the first message that is not a validly signed agreed
   *     message of this ceremony's rounds 1–3 or is a second one of its author and round (a message
   *     that does not decode counts as its author's silence, as it did for the parties)
   */
  public DkgAudit audit(Roster roster) {
    Group g = Groups.named(roster.group());
    byte[] session = new ByteWriter().writeBytes(roster.sessionId()).writeString(instance).toByteArray();
    DkgParameters params = new DkgParameters(g, roster.size(), roster.quorum(), session);
    Map<Integer, DealerBroadcast> dealings = new TreeMap<>();
    Map<Integer, ComplaintBroadcast> complaints = new TreeMap<>();
    Map<Integer, RevealBroadcast> reveals = new TreeMap<>();
    for (Envelope e : messages) {
      var party = roster.parties().get(e.sender());
      if (party == null || e.kind() != Envelope.AGREED || !e.isBroadcast() || !e.instance().equals(instance)
          || !Arrays.equals(e.sessionId(), roster.sessionId()) || e.round() < 1 || e.round() > 3
          || !Signatures.verify(party.certificate(), e.signedBytes(), e.signature())) {
        throw new IllegalArgumentException("not a signed round-1..3 message of " + instance + ": " + e);
      }
      try {
        boolean fresh = switch (e.round()) {
          case 1 -> dealings.putIfAbsent(e.sender(), ProtocolCodec.decodeDealerBroadcast(g, roster.quorum(), e.payload())) == null;
          case 2 -> complaints.putIfAbsent(e.sender(), ProtocolCodec.decodeComplaint(e.payload())) == null;
          default -> reveals.putIfAbsent(e.sender(), ProtocolCodec.decodeReveal(g, e.payload())) == null;
        };
        if (!fresh) {
          throw new IllegalArgumentException("two round-" + e.round() + " messages of party " + e.sender());
        }
      } catch (MalformedEncodingException ex) {
        // Signed garbage: its author said nothing decodable in that round, for every party alike.
      }
    }
    for (Equivocation q : equivocations) {
      if (!q.isProof(roster)) {
        throw new IllegalArgumentException("equivocation evidence against party " + q.party() + " does not verify");
      }
    }
    return DkgAudit.judge(params, dealings, complaints, reveals);
  }

  /** The parties proven to have equivocated. */
  public List<Integer> equivocators() {
    List<Integer> out = new ArrayList<>();
    equivocations.forEach(q -> out.add(q.party()));
    return out;
  }
}
