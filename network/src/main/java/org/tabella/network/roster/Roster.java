package org.tabella.network.roster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The parties of one session: for each, an id (1..n), host, port and the certificate that pins its
 * identity; plus the quorum k, the group and the session id. Loaded from and saved to a JSON file
 * (SPEC.md §3.1); loading validates everything (ids 1..n without gaps, certificates parse,
 * 1 ≤ k ≤ n).
 *
 * @param sessionId bytes every message of the session carries and every proof binds
 * @param group the name of the group (e.g. {@code ristretto255})
 * @param quorum k
 * @param parties by id
 */
public record Roster(byte[] sessionId, String group, int quorum, Map<Integer, PartyEntry> parties) {

  /** Validates and copies. */
  public Roster {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(group, "group");
    sessionId = sessionId.clone();
    parties = Collections.unmodifiableMap(new TreeMap<>(parties));
    int n = parties.size();
    for (int i = 1; i <= n; i++) {
      PartyEntry p = parties.get(i);
      if (p == null || p.id() != i) {
        throw new IllegalArgumentException("party ids must be exactly 1.." + n);
      }
    }
    if (quorum < 1 || quorum > n) {
      throw new IllegalArgumentException("quorum must be in 1.." + n);
    }
    if (sessionId.length == 0 || sessionId.length > 64) {
      throw new IllegalArgumentException("session id must be 1..64 bytes");
    }
  }

  @Override
  public byte[] sessionId() {
    return sessionId.clone();
  }

  /** Returns n. */
  public int size() {
    return parties.size();
  }

  /** Returns party {@code id}, or throws for an unknown id. */
  public PartyEntry party(int id) {
    PartyEntry p = parties.get(id);
    if (p == null) {
      throw new IllegalArgumentException("no party " + id + " in the roster");
    }
    return p;
  }

  /** Returns the id of the party whose certificate has this SHA-256 fingerprint, or -1. */
  public int idOf(byte[] fingerprint) {
    for (PartyEntry p : parties.values()) {
      if (java.security.MessageDigest.isEqual(p.fingerprint(), fingerprint)) {
        return p.id();
      }
    }
    return -1;
  }

  /** Writes the roster as JSON. */
  public void save(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("version", 1);
    root.put("session", HexFormat.of().formatHex(sessionId));
    root.put("group", group);
    root.put("quorum", quorum);
    ArrayNode ps = root.putArray("parties");
    for (PartyEntry p : parties.values()) {
      ObjectNode o = ps.addObject();
      o.put("id", p.id());
      o.put("host", p.host());
      o.put("port", p.port());
      o.put("certificate", Pem.certificate(p.certificate()));
    }
    Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
  }

  /**
   * Reads and validates a roster file.
   *
   * @throws IOException if the file cannot be read or is not a valid roster (the message says why)
   */
  public static Roster load(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    try {
      if (root.path("version").asInt() != 1) {
        throw new IOException("unsupported roster version");
      }
      Map<Integer, PartyEntry> parties = new TreeMap<>();
      List<String> problems = new ArrayList<>();
      for (JsonNode p : root.path("parties")) {
        int id = p.path("id").asInt(-1);
        X509Certificate cert = Pem.parseCertificate(p.path("certificate").asText());
        if (parties.put(id, new PartyEntry(id, p.path("host").asText(), p.path("port").asInt(), cert)) != null) {
          problems.add("duplicate id " + id);
        }
      }
      if (!problems.isEmpty()) {
        throw new IOException("invalid roster: " + problems);
      }
      return new Roster(HexFormat.of().parseHex(root.path("session").asText()),
          root.path("group").asText(), root.path("quorum").asInt(), parties);
    } catch (IllegalArgumentException e) {
      throw new IOException("invalid roster " + file + ": " + e.getMessage(), e);
    }
  }
}
