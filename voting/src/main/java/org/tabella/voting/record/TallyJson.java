package org.tabella.voting.record;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.threshold.BlindingStep;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.groups.Group;
import org.tabella.voting.Contest;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.tally.DecryptedEntry;
import org.tabella.voting.tally.EntryOutcome;

/**
 * {@code tally.json} (SPEC.md §4.4): one entry per (contest, option) with its ciphertext, blinding
 * steps, decryption shares and outcome — {@code count} in count mode, {@code unanimous} in
 * unanimous mode, never both.
 */
final class TallyJson {
  static final String FILE = "tally.json";
  private static final Set<String> FIELDS = RecordFiles.fields("entries");
  private static final Set<String> STEP = RecordFiles.withDleq("trustee", "output");
  private static final Set<String> SHARE = RecordFiles.withDleq("trustee", "share");
  private static final int MAX_ENTRIES = ElectionParameters.MAX_CONTESTS * Contest.MAX_OPTIONS;

  private TallyJson() {}

  static ObjectNode write(ElectionRecord r) {
    ObjectNode o = RecordFiles.root("tally");
    ArrayNode entries = o.putArray("entries");
    for (DecryptedEntry d : r.entries()) {
      ObjectNode x = entries.addObject();
      x.put("contest", d.contestId());
      x.put("option", d.option());
      x.put("ciphertext", StrictJson.hex(d.ciphertext().encode()));
      ArrayNode steps = x.putArray("blinding");
      for (BlindingStep s : d.blinding()) {
        ObjectNode y = steps.addObject().put("trustee", s.trustee()).put("output", StrictJson.hex(s.output().encode()));
        RecordFiles.putDleq(y, s.proof());
      }
      ArrayNode shares = x.putArray("shares");
      for (DecryptionShare s : d.shares()) {
        ObjectNode y = shares.addObject().put("trustee", s.trustee()).put("share", StrictJson.hex(s.share().encode()));
        RecordFiles.putDleq(y, s.proof());
      }
      if (d.outcome() instanceof EntryOutcome.Count c) {
        x.put("count", c.value());
      } else {
        x.put("unanimous", ((EntryOutcome.Unanimity) d.outcome()).unanimous());
      }
    }
    return o;
  }

  static List<DecryptedEntry> read(String text, ElectionParameters e) throws InvalidRecordException {
    Group g = e.group();
    StrictJson.Obj o = StrictJson.parse(FILE, text, FIELDS);
    RecordFiles.checkHeader(o, "tally");
    Set<String> entryFields = Set.of("contest", "option", "ciphertext", "blinding", "shares",
        e.unanimous() ? "unanimous" : "count");
    List<DecryptedEntry> entries = new ArrayList<>();
    for (StrictJson.Item item : o.array("entries", MAX_ENTRIES)) {
      StrictJson.Obj x = item.object(entryFields);
      Ciphertext c = x.ciphertext("ciphertext", g);
      List<BlindingStep> steps = new ArrayList<>();
      Ciphertext input = c;
      for (StrictJson.Item si : x.array("blinding", ElectionParameters.MAX_TRUSTEES)) {
        StrictJson.Obj s = si.object(STEP);
        Ciphertext out = s.ciphertext("output", g);
        steps.add(new BlindingStep((int) s.integer("trustee", Integer.MIN_VALUE, Integer.MAX_VALUE), input, out,
            RecordFiles.dleq(s, g)));
        input = out;
      }
      List<DecryptionShare> shares = new ArrayList<>();
      for (StrictJson.Item si : x.array("shares", ElectionParameters.MAX_TRUSTEES)) {
        StrictJson.Obj s = si.object(SHARE);
        shares.add(new DecryptionShare((int) s.integer("trustee", Integer.MIN_VALUE, Integer.MAX_VALUE),
            s.element("share", g), RecordFiles.dleq(s, g)));
      }
      EntryOutcome outcome = e.unanimous()
          ? new EntryOutcome.Unanimity(x.bool("unanimous"))
          : new EntryOutcome.Count(x.integer("count", 0, Long.MAX_VALUE));
      String contest = x.text("contest");
      int option = (int) x.integer("option", Integer.MIN_VALUE, Integer.MAX_VALUE);
      entries.add(new DecryptedEntry(contest, option, c, steps, shares, outcome));
    }
    return entries;
  }
}
