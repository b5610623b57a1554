package org.tabella.network.roster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.TreeMap;

/**
 * Creates identities and rosters. For real elections each party makes its own identity on its
 * own machine ({@link #keygen}: {@code party-<id>.key.pem}, owner-only, and
 * {@code party-<id>.cert.pem}) and the organiser assembles the roster from the certificates
 * alone ({@link #fromCertificates}), so no machine ever holds two parties' keys. {@link #create}
 * makes every identity on one machine: for demos and tests only.
 */
public final class RosterTool {
  private RosterTool() {}

  /**
   * Writes a roster for parties 1..n on {@code host} with ports {@code basePort + id}.
   *
   * @return the roster
   */
  public static Roster create(Path dir, int parties, int quorum, String group, String host, int basePort)
      throws IOException {
    java.util.List<Integer> ports = new java.util.ArrayList<>();
    for (int id = 1; id <= parties; id++) {
      ports.add(basePort + id);
    }
    return create(dir, quorum, group, host, ports);
  }

  /** Writes a roster for parties 1..ports.size() on {@code host}, party i on ports[i − 1]. */
  public static Roster create(Path dir, int quorum, String group, String host, java.util.List<Integer> ports)
      throws IOException {
    int parties = ports.size();
    Files.createDirectories(dir);
    byte[] session = new byte[16];
    new SecureRandom().nextBytes(session);
    Map<Integer, PartyEntry> entries = new TreeMap<>();
    for (int id = 1; id <= parties; id++) {
      Identity identity = Identity.generate(id);
      identity.savePrivateKey(keyFile(dir, id));
      entries.put(id, new PartyEntry(id, host, ports.get(id - 1), identity.certificate()));
    }
    Roster roster = new Roster(session, group, quorum, entries);
    roster.save(dir.resolve("roster.json"));
    return roster;
  }

  /**
   * Returns {@code n} distinct TCP ports that were free on this machine a moment ago (for rosters of
   * parties on loopback: demos and tests).
   */
  public static java.util.List<Integer> freeLoopbackPorts(int n) throws IOException {
    java.util.List<java.net.ServerSocket> sockets = new java.util.ArrayList<>();
    java.util.List<Integer> ports = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        java.net.ServerSocket s = new java.net.ServerSocket(0);
        sockets.add(s);
        ports.add(s.getLocalPort());
      }
    } finally {
      for (java.net.ServerSocket s : sockets) {
        s.close();
      }
    }
    return ports;
  }

  /**
   * Makes party {@code id}'s identity in {@code dir}: its private key (mode 0600) and its
   * self-signed certificate, which is all the organiser needs.
   *
   * @throws IOException if the key file already exists (an identity is never overwritten) or cannot be written
   */
  public static Identity keygen(Path dir, int id) throws IOException {
    if (id < 1) {
      throw new IllegalArgumentException("party ids start at 1");
    }
    Files.createDirectories(dir);
    if (Files.exists(keyFile(dir, id))) {
      throw new IOException(keyFile(dir, id) + " already exists; an identity is never overwritten");
    }
    Identity identity = Identity.generate(id);
    identity.savePrivateKey(keyFile(dir, id));
    Files.writeString(certificateFile(dir, id), Pem.certificate(identity.certificate()));
    return identity;
  }

  /**
   * Assembles a roster from the certificates {@code party-1.cert.pem} … {@code party-n.cert.pem} in
   * {@code certs} (n = how many there are, numbered without gaps), party i at {@code hosts[i − 1]}
   * (or the one host given) on {@code basePort + i}, with a fresh session id; writes it to
   * {@code out/roster.json}. No private key is read or written.
   *
   * @throws IOException if the certificates are missing, numbered with gaps, unreadable or repeated
   */
  public static Roster fromCertificates(Path certs, int quorum, String group, java.util.List<String> hosts,
      int basePort, Path out) throws IOException {
    Map<Integer, PartyEntry> entries = new TreeMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int id = 1; Files.exists(certificateFile(certs, id)); id++) {
      java.security.cert.X509Certificate c;
      try {
        c = Pem.parseCertificate(Files.readString(certificateFile(certs, id)));
      } catch (IllegalArgumentException e) {
        throw new IOException("unreadable certificate " + certificateFile(certs, id), e);
      }
      if (!seen.add(java.util.HexFormat.of().formatHex(c.getPublicKey().getEncoded()))) {
        throw new IOException(certificateFile(certs, id) + " repeats another party's key");
      }
      String host = hosts.size() == 1 ? hosts.get(0) : id <= hosts.size() ? hosts.get(id - 1) : null;
      if (host == null) {
        throw new IOException("no host for party " + id + ": give one host, or one per party");
      }
      entries.put(id, new PartyEntry(id, host, basePort + id, c));
    }
    if (entries.isEmpty()) {
      throw new IOException("no party-1.cert.pem in " + certs);
    }
    try (var list = Files.list(certs)) {
      long files = list.filter(p -> p.getFileName().toString().matches("party-\\d+\\.cert\\.pem")).count();
      if (files != entries.size()) {
        throw new IOException(certs + " has " + files + " certificates but they are not numbered 1.." + files);
      }
    }
    if (hosts.size() > 1 && hosts.size() != entries.size()) {
      throw new IOException(hosts.size() + " hosts for " + entries.size() + " parties");
    }
    byte[] session = new byte[16];
    new SecureRandom().nextBytes(session);
    Roster roster = new Roster(session, group, quorum, entries);
    Files.createDirectories(out);
    roster.save(out.resolve("roster.json"));
    return roster;
  }

  /** The conventional certificate file of party {@code id} in {@code dir}. */
  public static Path certificateFile(Path dir, int id) {
    return dir.resolve("party-" + id + ".cert.pem");
  }

  /** The conventional key file of party {@code id} in {@code dir}. */
  public static Path keyFile(Path dir, int id) {
    return dir.resolve("party-" + id + ".key.pem");
  }
}
