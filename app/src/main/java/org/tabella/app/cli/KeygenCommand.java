package org.tabella.app.cli;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.tabella.network.roster.Identity;
import org.tabella.network.roster.RosterTool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tabella keygen}: one party's identity, made on that party's own machine. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
    description = "Make this party's identity: party-<id>.key.pem (mode 0600, stays here) and party-<id>.cert.pem "
        + "(give it to the organiser, who runs 'tabella roster --certs').")
final class KeygenCommand implements Callable<Integer> {
  @Option(names = "--id", required = true, description = "this party's id (1..n)")
  int id;
  @Option(names = "--out", required = true, description = "directory for the key and certificate")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (id < 1) {
      throw UserError.usage("--id must be at least 1");
    }
    if (java.nio.file.Files.exists(RosterTool.keyFile(out, id))) {
      throw UserError.usage(RosterTool.keyFile(out, id) + " already exists; an identity is never overwritten");
    }
    Identity identity = RosterTool.keygen(out, id);
    byte[] fingerprint = java.security.MessageDigest.getInstance("SHA-256").digest(identity.certificate().getEncoded());
    System.out.printf("party %d: key %s (keep it here), certificate %s%n", id, RosterTool.keyFile(out, id),
        RosterTool.certificateFile(out, id));
    System.out.printf("  certificate fingerprint SHA-256 %s (compare it with the roster's out of band)%n",
        HexFormat.of().formatHex(fingerprint));
    return 0;
  }
}
