package org.tabella.voting.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.voting.Contest;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.Fixtures;

/**
 * {@code election-key.json} and election definitions (SPEC.md §4.7): written and read back equal,
 * read strictly, the key checked as verification steps V1–V3 check it (a confirmation, a
 * verification key or a proof changed is refused, naming the check), and never overwritten.
 */
@DisplayName("election key files and definitions: strict, checked, never overwritten")
class ElectionKeyFileTest {
  @TempDir
  Path dir;

  ElectionKeyFile.ElectionKey key() throws Exception {
    ElectionRecord r = Fixtures.ceremonyRecord(Files.createDirectories(dir.resolve("fixture")));
    return new ElectionKeyFile.ElectionKey(r.election().group(), r.election().trustees(), r.key(), r.qualified(),
        r.ceremony().orElseThrow());
  }

  @Test
  void aKeyFileRoundTripsAndIsNeverOverwritten() throws Exception {
    var k = key();
    Path file = dir.resolve("election-key.json");
    ElectionKeyFile.write(k, file);
    var back = ElectionKeyFile.read(file);
    assertEquals(k.key(), back.key());
    assertEquals(k.qualified(), back.qualified());
    assertEquals(k.trustees(), back.trustees());
    assertEquals(k.ceremony().confirmations().size(), back.ceremony().confirmations().size());
    assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> ElectionKeyFile.write(k, file));
  }

  @Test
  void aChangedKeyFileIsRefusedWithTheFailedCheck() throws Exception {
    var k = key();
    Path file = dir.resolve("election-key.json");
    ElectionKeyFile.write(k, file);
    String text = Files.readString(file);
    // A confirmation's signature, one verification key, an unknown field, another group.
    String sig = k.ceremony().confirmations().get(0).signature().length == 64
        ? java.util.HexFormat.of().formatHex(k.ceremony().confirmations().get(0).signature()) : null;
    String flipped = sig.substring(0, 10) + (sig.charAt(10) == '0' ? '1' : '0') + sig.substring(11);
    for (String bad : new String[] {text.replace(sig, flipped), text.replace("\"trustees\" : 3", "\"trustees\" : 4"),
        text.replace("\"quorum\"", "\"extra\" : 1, \"quorum\""), text.replace("\"ristretto255\"", "\"P-256\"")}) {
      Path f = dir.resolve("bad-" + Math.abs(bad.hashCode()) + ".json");
      Files.writeString(f, bad);
      InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> ElectionKeyFile.read(f));
      assertEquals(ElectionKeyFile.FILE, e.file());
    }
  }

  @Test
  void aDefinitionIsTheRecordsFirstTwoFilesAndItsKeyMustFit() throws Exception {
    var k = key();
    ElectionParameters e = ElectionParameters.builder("city-2026", k.group()).trustees(3).quorum(2)
        .contest(Contest.referendum("budget")).contest(Contest.choice("mayor", 3)).build();
    Path d = dir.resolve("definition");
    RecordIo.writeDefinition(new RecordIo.Definition(e, k), d);
    assertTrue(Files.exists(d.resolve("election.json")) && Files.exists(d.resolve("key.json")));
    var back = RecordIo.readDefinition(d);
    assertEquals(e, back.election());
    assertEquals(k.key(), back.key().key());
    assertEquals(java.util.Set.of(), SchemaCheck.problems(d.resolve("election.json")));
    assertEquals(java.util.Set.of(), SchemaCheck.problems(d.resolve("key.json")));
    assertThrows(java.nio.file.FileAlreadyExistsException.class,
        () -> RecordIo.writeDefinition(new RecordIo.Definition(e, k), d));
    ElectionParameters wrongQuorum = ElectionParameters.builder("city-2026", k.group()).trustees(3).quorum(3)
        .contest(Contest.referendum("budget")).build();
    assertThrows(IllegalArgumentException.class,
        () -> RecordIo.writeDefinition(new RecordIo.Definition(wrongQuorum, k), dir.resolve("other")));
  }
}
