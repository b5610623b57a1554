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

  /**
   * Copies the directory of data files {@code path} (e.g. an election record under
   * {@code electionguard/}) to {@code to}, whether the vectors are a directory or inside this
   * module's jar, and returns {@code to}.
   */
  public static java.nio.file.Path copyTree(String path, java.nio.file.Path to) {
    java.net.URL url = VectorFiles.class.getResource("/org/tabella/vectors/" + path);
    if (url == null) {
      throw new IllegalStateException("missing vector directory " + path);
    }
    try {
      java.net.URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        java.nio.file.FileSystem fs;
        try {
          fs = java.nio.file.FileSystems.newFileSystem(uri, java.util.Map.of());
        } catch (java.nio.file.FileSystemAlreadyExistsException e) {
          fs = java.nio.file.FileSystems.getFileSystem(uri);
        }
        copy(fs.provider().getPath(uri), to);
      } else {
        copy(java.nio.file.Path.of(uri), to);
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copy(java.nio.file.Path from, java.nio.file.Path to) throws IOException {
    try (var files = java.nio.file.Files.walk(from)) {
      for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
        java.nio.file.Path target = to.resolve(from.relativize(f).toString());
        if (java.nio.file.Files.isDirectory(f)) {
          java.nio.file.Files.createDirectories(target);
        } else {
          java.nio.file.Files.copy(f, target);
        }
      }
    }
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
