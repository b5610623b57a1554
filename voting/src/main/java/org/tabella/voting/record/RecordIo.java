package org.tabella.voting.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.tally.DecryptedEntry;

/**
 * Reads and writes an election record as a directory of four JSON files and the ballot chunks
 * (SPEC.md §4.4; JSON Schema {@code org/tabella/voting/election-record.schema.json}):
 * {@code election.json}, {@code key.json}, {@code ballots.json}, {@code ballots/NNNNNN.json},
 * {@code tally.json}. Reading is strict — exactly the fields written, of
 * the types written, canonical hex, every element and scalar validated — and names the file and
 * JSON path of anything else. Reading checks form only; {@link RecordVerifier} checks meaning.
 */
public final class RecordIo {
  private RecordIo() {}

  /**
   * Writes the record into {@code dir} (created if needed): the four files and the ballot chunks
   * {@code ballots/NNNNNN.json}, one chunk in memory at a time. Chunk files left in {@code dir} by
   * an earlier, larger record are removed.
   *
   * @throws IOException if a file cannot be written, or the ballots come from a record directory
   *     with a malformed chunk (the cause is then the {@link InvalidRecordException})
   */
  public static void write(ElectionRecord r, Path dir) throws IOException {
    Files.createDirectories(dir);
    save(dir.resolve(ElectionJson.FILE), ElectionJson.write(r.election()));
    save(dir.resolve(KeyJson.FILE), KeyJson.write(r));
    Path chunks = dir.resolve(BallotChunkJson.DIRECTORY);
    Files.createDirectories(chunks);
    int total = RecordBallots.chunkCount(r.ballots().size());
    try (var existing = Files.list(chunks)) {
      for (Path p : existing.toList()) {
        String name = p.getFileName().toString();
        if (name.matches("[0-9]{6}\\.json") && Integer.parseInt(name.substring(0, 6)) >= total) {
          Files.delete(p);
        }
      }
    }
    RecordBallots.Chunks source = r.ballots().chunks();
    try {
      int index = 0;
      for (List<byte[]> chunk = source.next(); chunk != null; chunk = source.next()) {
        save(dir.resolve(BallotChunkJson.file(index)), BallotChunkJson.write(index, chunk));
        index++;
      }
    } catch (InvalidRecordException e) {
      throw new IOException("cannot copy the ballots: " + e.getMessage(), e);
    }
    save(dir.resolve(BallotsJson.FILE), BallotsJson.write(r.ballots().size(), r.boardHead()));
    save(dir.resolve(TallyJson.FILE), TallyJson.write(r));
  }

  /**
   * An election before its first ballot: its parameters and its key ceremony's outcome — the first
   * two files of its record (SPEC.md §4.7).
   *
   * @param election the election parameters
   * @param key the key ceremony's public outcome
   */
  public record Definition(ElectionParameters election, ElectionKeyFile.ElectionKey key) {}

  /**
   * Writes an election definition into {@code dir}: {@code election.json} and {@code key.json}, as
   * in the record. Refuses a directory that already holds either.
   *
   * @throws IllegalArgumentException if the key does not fit the election (group, trustees, quorum)
   * @throws java.nio.file.FileAlreadyExistsException if a file exists
   */
  public static void writeDefinition(Definition d, Path dir) throws IOException {
    ElectionParameters e = d.election();
    ElectionKeyFile.ElectionKey k = d.key();
    if (!e.group().equals(k.group()) || e.trustees() != k.trustees() || e.quorum() != k.key().threshold()) {
      throw new IllegalArgumentException("the key (" + k.group().name() + ", " + k.key().threshold() + " of "
          + k.trustees() + ") does not fit the election (" + e.group().name() + ", " + e.quorum() + " of " + e.trustees() + ")");
    }
    Files.createDirectories(dir);
    for (String f : new String[] {ElectionJson.FILE, KeyJson.FILE}) {
      if (Files.exists(dir.resolve(f))) {
        throw new java.nio.file.FileAlreadyExistsException(dir.resolve(f).toString());
      }
    }
    save(dir.resolve(ElectionJson.FILE), ElectionJson.write(e));
    ObjectNode key = RecordFiles.root("key");
    KeyJson.putKey(key, k.key(), k.qualified(), java.util.Optional.of(k.ceremony()));
    save(dir.resolve(KeyJson.FILE), key);
  }

  /**
   * Reads an election definition, strictly, and checks its key as verification steps V1–V3 do.
   *
   * @throws InvalidRecordException for malformed content or a key that does not check
   */
  public static Definition readDefinition(Path dir) throws IOException, InvalidRecordException {
    return parseDefinition(load(dir, ElectionJson.FILE), load(dir, KeyJson.FILE));
  }

  /**
   * Parses an election definition from the texts of its two files (as a board serves them), with
   * the checks of {@link #readDefinition}.
   *
   * @throws InvalidRecordException for malformed content or a key that does not check
   */
  public static Definition parseDefinition(String electionJson, String keyJson) throws InvalidRecordException {
    var election = ElectionJson.read(electionJson);
    var key = KeyJson.read(keyJson, election);
    if (key.ceremony().isEmpty()) {
      throw new InvalidRecordException(KeyJson.FILE, "$.ceremony", "an election definition carries its ceremony transcript");
    }
    Checks checks = new Checks();
    KeyVerification.run(new KeyVerification.Material(election.group(), election.trustees(), election.quorum(), key.key(),
        key.qualified(), key.ceremony()), checks);
    if (!checks.findings.isEmpty()) {
      Finding f = checks.findings.get(0);
      throw new InvalidRecordException(KeyJson.FILE, f.location(), f.message());
    }
    return new Definition(election, new ElectionKeyFile.ElectionKey(election.group(), election.trustees(), key.key(),
        key.qualified(), key.ceremony().get()));
  }

  /** The text of a record's {@code tally.json} (what trustees post to a board). */
  public static String tallyText(ElectionRecord r) throws IOException {
    return StrictJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(TallyJson.write(r)) + "\n";
  }

  /**
   * Parses a {@code tally.json} text for {@code election}, strictly.
   *
   * @throws InvalidRecordException for anything malformed (names the path)
   */
  public static List<DecryptedEntry> parseTally(String text, ElectionParameters election) throws InvalidRecordException {
    return TallyJson.read(text, election);
  }

  /**
   * Reads a record directory, strictly: the four files now, and the {@code ballots/} directory's
   * listing, which must be exactly the chunks {@code ballots.json} counts. The chunks themselves
   * are read, as strictly, one at a time when {@link ElectionRecord#ballots()} is walked (the
   * verifier reports a malformed chunk as a finding).
   *
   * @throws InvalidRecordException for content that is not a version-3 record (names file and path)
   * @throws IOException if a file is missing or unreadable
   */
  public static ElectionRecord read(Path dir) throws IOException, InvalidRecordException {
    var election = ElectionJson.read(load(dir, ElectionJson.FILE));
    var key = KeyJson.read(load(dir, KeyJson.FILE), election);
    var ballots = BallotsJson.read(load(dir, BallotsJson.FILE));
    var entries = TallyJson.read(load(dir, TallyJson.FILE), election);
    checkChunkListing(dir, ballots.count());
    return new ElectionRecord(election, key.key(), key.qualified(), key.ceremony(),
        new RecordBallots.OnDisk(dir, ballots.count()), ballots.head(), entries);
  }

  /**
   * The {@code ballots/} directory holds exactly the chunk files of {@code count} ballots; any
   * other listing contradicts {@code ballots.json}'s count, and is reported there.
   */
  private static void checkChunkListing(Path dir, int count) throws IOException, InvalidRecordException {
    Path chunks = dir.resolve(BallotChunkJson.DIRECTORY);
    int expected = RecordBallots.chunkCount(count);
    String counted = "ballots.json counts " + count + " ballots, in " + expected + " chunk" + (expected == 1 ? "" : "s");
    if (!Files.isDirectory(chunks)) {
      throw new InvalidRecordException(BallotsJson.FILE, "$.ballot_count", counted + ", but there is no ballots/ directory");
    }
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    try (var listing = Files.list(chunks)) {
      listing.forEach(p -> names.add(p.getFileName().toString()));
    }
    for (int i = 0; i < expected; i++) {
      String name = BallotChunkJson.file(i).substring(BallotChunkJson.DIRECTORY.length() + 1);
      if (!names.remove(name)) {
        throw new InvalidRecordException(BallotsJson.FILE, "$.ballot_count", counted + ", but ballots/" + name
            + " is missing");
      }
    }
    if (!names.isEmpty()) {
      throw new InvalidRecordException(BallotsJson.FILE, "$.ballot_count", counted + ", but ballots/ also holds "
          + names.first());
    }
  }

  private static void save(Path file, ObjectNode o) throws IOException {
    try {
      Files.writeString(file, StrictJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n");
    } catch (JsonProcessingException e) {
      throw new IOException("cannot write " + file, e);
    }
  }

  static String load(Path dir, String name) throws IOException, InvalidRecordException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(dir.resolve(name));
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(dir.resolve(name).toString(), null, "the record has no " + name);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidRecordException(name, "$", "not valid UTF-8");
    }
  }
}
