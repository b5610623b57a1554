package org.tabella.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tabella.network.roster.RosterTool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tabella roster}: a roster and one key per party, for parties on several machines. */
@Command(name = "roster", mixinStandardHelpOptions = true,
    description = "Create roster.json and party-<id>.key.pem files (give each party its own key file).")
final class RosterCommand implements Callable<Integer> {
  @Option(names = "--parties", required = true, description = "number of parties")
  int parties;
  @Option(names = "--quorum", required = true, description = "quorum")
  int quorum;
  @Option(names = "--out", required = true, description = "output directory")
  Path out;
  @Option(names = "--group", defaultValue = "ristretto255", description = "group (default ${DEFAULT-VALUE})")
  String group;
  @Option(names = "--host", split = ",", defaultValue = "127.0.0.1",
      description = "host of every party, or one per party separated by commas (default ${DEFAULT-VALUE})")
  java.util.List<String> hosts;
  @Option(names = "--base-port", defaultValue = "7100", description = "party i listens on base-port + i")
  int basePort;

  @Override
  public Integer call() throws Exception {
    var roster = RosterTool.create(out, parties, quorum, group, hosts.get(0), basePort);
    if (hosts.size() > 1) {
      if (hosts.size() != parties) {
        System.out.println("error: give one host per party");
        return 2;
      }
      var entries = new java.util.TreeMap<Integer, org.tabella.network.roster.PartyEntry>();
      roster.parties().forEach((id, p) -> entries.put(id, new org.tabella.network.roster.PartyEntry(id,
          hosts.get(id - 1), p.port(), p.certificate())));
      roster = new org.tabella.network.roster.Roster(roster.sessionId(), group, quorum, entries);
      roster.save(out.resolve("roster.json"));
    }
    System.out.printf("roster of %d parties (quorum %d) in %s%n", parties, quorum, out.resolve("roster.json"));
    for (var p : roster.parties().values()) {
      System.out.printf("  party %d  %s:%d  key %s%n", p.id(), p.host(), p.port(), RosterTool.keyFile(out, p.id()));
    }
    return 0;
  }
}
