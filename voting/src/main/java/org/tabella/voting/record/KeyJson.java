package org.tabella.voting.record;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.tabella.crypto.dkg.Confirmation;
import org.tabella.crypto.dkg.DealerBroadcast;
import org.tabella.crypto.elgamal.ElGamalPublicKey;
import org.tabella.crypto.proofs.SchnorrProof;
import org.tabella.crypto.threshold.ThresholdKey;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.voting.ElectionParameters;

/**
 * {@code key.json} (SPEC.md §4.4): the joint key, the quorum, every trustee's verification key,
 * the qualified dealers and the ceremony transcript with the parties' confirmations ({@code null}
 * for a trusted-dealer key).
 */
final class KeyJson {
  static final String FILE = "key.json";
  private static final Set<String> FIELDS = RecordFiles.fields("public_key", "quorum", "verification_keys",
      "qualified_dealers", "ceremony");
  private static final Set<String> VK = Set.of("trustee", "key");
  private static final Set<String> CEREMONY = Set.of("session", "dealers", "confirmations");
  private static final Set<String> CONFIRMATION = Set.of("party", "public_key", "signature");
  private static final Set<String> DEALER = Set.of("dealer", "commitments", "r", "z");

  private KeyJson() {}

  /** What key.json holds. */
  record Contents(ThresholdKey key, List<Integer> qualified, Optional<CeremonyTranscript> ceremony) {}

  static ObjectNode write(ElectionRecord r) {
    ObjectNode o = RecordFiles.root("key");
    putKey(o, r.key(), r.qualified(), r.ceremony());
    return o;
  }

  /** Writes the key fields (everything of key.json but its header) into {@code o}. */
  static void putKey(ObjectNode o, ThresholdKey key, List<Integer> qualifiedDealers, Optional<CeremonyTranscript> transcript) {
    o.put("public_key", StrictJson.hex(key.publicKey().element().encode()));
    o.put("quorum", key.threshold());
    ArrayNode vks = o.putArray("verification_keys");
    key.verificationKeys().forEach((i, x) -> vks.addObject().put("trustee", i).put("key", StrictJson.hex(x.encode())));
    ArrayNode q = o.putArray("qualified_dealers");
    qualifiedDealers.forEach(q::add);
    if (transcript.isEmpty()) {
      o.putNull("ceremony");
    } else {
      CeremonyTranscript t = transcript.get();
      ObjectNode c = o.putObject("ceremony");
      c.put("session", StrictJson.hex(t.sessionId()));
      ArrayNode dealers = c.putArray("dealers");
      for (DealerBroadcast d : t.dealers()) {
        ObjectNode x = dealers.addObject();
        x.put("dealer", d.dealer());
        ArrayNode cs = x.putArray("commitments");
        d.commitments().forEach(e -> cs.add(StrictJson.hex(e.encode())));
        x.put("r", StrictJson.hex(d.proofOfPossession().commitment().encode()));
        x.put("z", StrictJson.hex(d.proofOfPossession().response().encode()));
      }
      ArrayNode confirmations = c.putArray("confirmations");
      for (Confirmation k : t.confirmations()) {
        confirmations.addObject().put("party", k.party()).put("public_key", StrictJson.hex(k.publicKey()))
            .put("signature", StrictJson.hex(k.signature()));
      }
    }
  }

  static Contents read(String text, ElectionParameters e) throws InvalidRecordException {
    StrictJson.Obj o = StrictJson.parse(FILE, text, FIELDS);
    RecordFiles.checkHeader(o, "key");
    return readKey(o, e.group());
  }

  /** Reads the key fields of {@code o} (key.json, or the election-key file) on group {@code g}. */
  static Contents readKey(StrictJson.Obj o, Group g) throws InvalidRecordException {
    Element pk = o.nonIdentity("public_key", g);
    int quorum = (int) o.integer("quorum", 1, ElectionParameters.MAX_TRUSTEES);
    Map<Integer, Element> vks = new TreeMap<>();
    int last = 0;
    for (StrictJson.Item item : o.array("verification_keys", ElectionParameters.MAX_TRUSTEES)) {
      StrictJson.Obj v = item.object(VK);
      int trustee = (int) v.integer("trustee", 1, ElectionParameters.MAX_TRUSTEES);
      if (trustee <= last) {
        throw v.fail(item.path() + ".trustee", "trustees must be listed in strictly increasing order");
      }
      last = trustee;
      vks.put(trustee, v.nonIdentity("key", g));
    }
    List<Integer> qualified = new ArrayList<>();
    last = 0;
    for (StrictJson.Item item : o.array("qualified_dealers", ElectionParameters.MAX_TRUSTEES)) {
      int d = (int) item.integer(1, ElectionParameters.MAX_TRUSTEES);
      if (d <= last) {
        throw o.fail(item.path(), "dealers must be listed in strictly increasing order");
      }
      last = d;
      qualified.add(d);
    }
    Optional<CeremonyTranscript> ceremony = Optional.empty();
    if (!o.isNull("ceremony")) {
      StrictJson.Obj c = o.object("ceremony", CEREMONY);
      List<DealerBroadcast> dealers = new ArrayList<>();
      for (StrictJson.Item item : c.array("dealers", ElectionParameters.MAX_TRUSTEES)) {
        StrictJson.Obj d = item.object(DEALER);
        List<Element> cs = new ArrayList<>();
        for (StrictJson.Item x : d.array("commitments", ElectionParameters.MAX_TRUSTEES)) {
          cs.add(x.nonIdentity(g));
        }
        dealers.add(new DealerBroadcast((int) d.integer("dealer", 1, ElectionParameters.MAX_TRUSTEES), cs,
            new SchnorrProof(d.element("r", g), d.scalar("z", g))));
      }
      List<Confirmation> confirmations = new ArrayList<>();
      for (StrictJson.Item item : c.array("confirmations", ElectionParameters.MAX_TRUSTEES)) {
        StrictJson.Obj k = item.object(CONFIRMATION);
        byte[] key = k.hex("public_key", 33);
        byte[] sig = k.hex("signature", 64);
        if (key.length != 33 || sig.length != 64) {
          throw k.fail(item.path(), "a confirmation has a 33-byte key and a 64-byte signature");
        }
        confirmations.add(new Confirmation((int) k.integer("party", 1, ElectionParameters.MAX_TRUSTEES), key, sig));
      }
      ceremony = Optional.of(new CeremonyTranscript(c.hex("session", 1024), dealers, confirmations));
    }
    ThresholdKey key;
    try {
      key = new ThresholdKey(ElGamalPublicKey.of(pk), quorum, vks);
    } catch (IllegalArgumentException ex) {
      throw o.fail("$.quorum", ex.getMessage());
    }
    return new Contents(key, qualified, ceremony);
  }
}
