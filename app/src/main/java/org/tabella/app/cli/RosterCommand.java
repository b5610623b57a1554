package org.tabella.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tabella.network.roster.RosterTool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tabella roster}: the roster. With {@code --certs DIR} it is built from the parties'
 * certificates only (each party ran {@code tabella keygen} on its own machine); without, it also
 * makes every party's key on this machine — for demos and tests, since whoever runs it holds every
 * identity.
 */
@Command(name = "roster", mixinStandardHelpOptions = true,
    description = {"Create roster.json.",
        "With --certs DIR: from party-<i>.cert.pem files made by 'tabella keygen' on each party's machine.",
        "Without: also makes every party-<id>.key.pem here (demo/testing only: this machine then holds every identity)."})
final class RosterCommand implements Callable<Integer> {
  @Option(names = "--certs", description = "directory of party-<i>.cert.pem files (from tabella keygen)")
  Path certs;
  @Option(names = "--parties", description = "number of parties (without --certs)")
  Integer parties;
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
    if (certs != null) {
      GroupsCommand.named(group);
      if (!Files.isDirectory(certs)) {
        throw UserError.input("no such directory: " + certs);
      }
      var roster = RosterTool.fromCertificates(certs, quorum, group, hosts, basePort, out);
      System.out.printf("roster of %d parties (quorum %d) from the certificates in %s: %s%n", roster.size(), quorum,
          certs, out.resolve("roster.json"));
      for (var p : roster.parties().values()) {
        System.out.printf("  party %d  %s:%d%n", p.id(), p.host(), p.port());
      }
      return 0;
    }
    GroupsCommand.named(group);
    if (quorum < 1) {
      throw UserError.usage("--quorum must be at least 1");
    }
    if (parties == null) {
      throw UserError.usage("give --certs DIR (certificates from tabella keygen) or --parties N (demo keys)");
    }
    if (quorum > parties) {
      throw UserError.usage("--quorum " + quorum + " is more than --parties " + parties);
    }
    var roster = RosterTool.create(out, parties, quorum, group, hosts.get(0), basePort);
    if (hosts.size() > 1) {
      if (hosts.size() != parties) {
        throw UserError.usage("give one --host, or one per party (" + parties + "), not " + hosts.size());
      }
      var entries = new java.util.TreeMap<Integer, org.tabella.network.roster.PartyEntry>();
      roster.parties().forEach((id, p) -> entries.put(id, new org.tabella.network.roster.PartyEntry(id,
          hosts.get(id - 1), p.port(), p.certificate())));
      roster = new org.tabella.network.roster.Roster(roster.sessionId(), group, quorum, entries);
      roster.save(out.resolve("roster.json"));
    }
    System.out.printf("roster of %d parties (quorum %d) in %s; every key was made here (demo/testing only)%n", parties,
        quorum, out.resolve("roster.json"));
    for (var p : roster.parties().values()) {
      System.out.printf("  party %d  %s:%d  key %s%n", p.id(), p.host(), p.port(), RosterTool.keyFile(out, p.id()));
    }
    return 0;
  }
}
