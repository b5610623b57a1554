package org.tabella.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Loads Tabella's known-answer vector files (format {@code tabella-vectors-v1}, SPEC.md §5) from the
 * classpath, where this module puts them under {@code org/tabella/vectors/}. Used by every module's
 * tests and by the {@code tabella vectors} command.
 */
public final class VectorFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private VectorFiles() {}

  /** Returns the parsed file, e.g. {@code load("groups/multiples-p-256.json")}. */
  public static JsonNode load(String path) {
    try (InputStream in = VectorFiles.class.getResourceAsStream("/org/tabella/vectors/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing vector file " + path);
      }
      JsonNode root = JSON.readTree(in);
      if (!"tabella-vectors-v1".equals(root.path("format").asText())) {
        throw new IllegalStateException(path + " is not a tabella-vectors-v1 file");
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the file's vectors as a list. */
  public static List<JsonNode> vectors(String path) {
    List<JsonNode> out = new ArrayList<>();
    load(path).get("vectors").forEach(out::add);
    if (out.isEmpty()) {
      throw new IllegalStateException(path + " has no vectors");
    }
    return out;
  }

  /** Parses lowercase or uppercase hex. */
  public static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  /** Formats bytes as lowercase hex. */
  public static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
