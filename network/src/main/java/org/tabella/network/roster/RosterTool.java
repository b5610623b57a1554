package org.tabella.network.roster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.TreeMap;

/**
 * Creates a roster and one identity per party: {@code roster.json} plus
 * {@code party-<id>.key.pem} (owner-only) in a directory. Each party's key file goes to that
 * party only; the roster goes to everyone.
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

  /** The conventional key file of party {@code id} in {@code dir}. */
  public static Path keyFile(Path dir, int id) {
    return dir.resolve("party-" + id + ".key.pem");
  }
}
