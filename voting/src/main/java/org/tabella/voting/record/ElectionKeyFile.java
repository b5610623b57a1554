package org.tabella.voting.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tabella.crypto.threshold.ThresholdKey;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;

/**
 * {@code election-key.json} (SPEC.md §4.7): the public outcome of a key ceremony run days before an
 * election — the group, the trustee count, and exactly the fields of a record's {@code key.json}
 * (joint key, quorum, verification keys, qualified dealers, the ceremony transcript with the
 * parties' signed confirmations). Reading it checks what verification steps V1–V3 check of a
 * record's key: the verification keys lie on one polynomial through the key, the transcript's proofs
 * of possession and commitments prove them, and at least k parties signed the outcome. The trustee's
 * secret share is never in it (see {@code SealedKeyShare}).
 */
public final class ElectionKeyFile {
  /** The file's usual name. */
  public static final String FILE = "election-key.json";
  private static final Set<String> FIELDS = RecordFiles.fields("group", "trustees", "public_key", "quorum",
      "verification_keys", "qualified_dealers", "ceremony");

  private ElectionKeyFile() {}

  /**
   * A key ceremony's public outcome.
   *
   * @param group the group
   * @param trustees n
   * @param key the threshold key (quorum k, n verification keys)
   * @param qualified the qualified dealers, increasing
   * @param ceremony the transcript with the confirmations
   */
  public record ElectionKey(Group group, int trustees, ThresholdKey key, List<Integer> qualified,
      CeremonyTranscript ceremony) {
    /** Copies. */
    public ElectionKey {
      qualified = List.copyOf(qualified);
    }
  }

  /**
   * Writes the file; refuses to replace an existing one.
   *
   * @throws java.nio.file.FileAlreadyExistsException if it exists
   */
  public static void write(ElectionKey k, Path file) throws IOException {
    ObjectNode o = RecordFiles.root("election-key");
    o.put("group", k.group().name());
    o.put("trustees", k.trustees());
    KeyJson.putKey(o, k.key(), k.qualified(), Optional.of(k.ceremony()));
    byte[] bytes = (StrictJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n")
        .getBytes(StandardCharsets.UTF_8);
    Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /**
   * Reads and checks the file.
   *
   * @throws InvalidRecordException if it is malformed, names an unknown group, or its key does not
   *     check (with the failed check's location and reason)
   */
  public static ElectionKey read(Path file) throws IOException, InvalidRecordException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    StrictJson.Obj o = StrictJson.parse(FILE, text, FIELDS);
    RecordFiles.checkHeader(o, "election-key");
    String name = o.text("group");
    Group g;
    try {
      g = Groups.named(name);
    } catch (IllegalArgumentException e) {
      throw o.fail("$.group", "unknown group " + name);
    }
    int trustees = (int) o.integer("trustees", 1, org.tabella.voting.ElectionParameters.MAX_TRUSTEES);
    KeyJson.Contents c = KeyJson.readKey(o, g);
    if (c.ceremony().isEmpty()) {
      throw o.fail("$.ceremony", "an election key file carries its ceremony transcript");
    }
    Checks checks = new Checks();
    KeyVerification.run(new KeyVerification.Material(g, trustees, c.key().threshold(), c.key(), c.qualified(),
        c.ceremony()), checks);
    if (!checks.findings.isEmpty()) {
      Finding f = checks.findings.get(0);
      throw new InvalidRecordException(FILE, f.location(), f.message());
    }
    return new ElectionKey(g, trustees, c.key(), c.qualified(), c.ceremony().get());
  }
}
