package org.tabella.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.tabella.crypto.dkg.DkgFailedException;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.crypto.threshold.SealedKeyShare;
import org.tabella.groups.Groups;
import org.tabella.network.node.NodeOptions;
import org.tabella.network.node.PartyNode;
import org.tabella.network.roster.Identity;
import org.tabella.network.roster.Roster;
import org.tabella.network.roster.RosterTool;
import org.tabella.voting.record.CeremonyTranscript;
import org.tabella.voting.record.ElectionKeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tabella ceremony}: this trustee's part of the key ceremony, run on its own machine days
 * before an election. Writes the public {@code election-key.json} and this trustee's key share
 * sealed under a passphrase ({@code share-<id>.sealed}, mode 0600); nothing secret is printed.
 */
@Command(name = "ceremony", mixinStandardHelpOptions = true,
    description = "Run the key ceremony with the roster's other trustees; write DIR/election-key.json (public) and"
        + " DIR/share-<id>.sealed (this trustee's key share, sealed under a passphrase from TABELLA_PASSPHRASE or"
        + " the terminal, mode 0600).")
final class CeremonyCommand implements Callable<Integer> {
  @Option(names = "--roster", required = true, description = "the roster (from 'tabella roster --certs')")
  Path roster;
  @Option(names = "--id", required = true, description = "this trustee's id in the roster")
  int id;
  @Option(names = "--key", description = "this party's private key (default: party-<id>.key.pem next to the roster)")
  Path key;
  @Option(names = "--out", required = true, description = "directory for election-key.json and share-<id>.sealed")
  Path out;
  @Option(names = "--wait", defaultValue = "300", description = "seconds to wait for the other trustees (default ${DEFAULT-VALUE})")
  int waitSeconds;
  @Option(names = "--delta", defaultValue = "1000", description = "the round bound Δ in milliseconds (default ${DEFAULT-VALUE})")
  int deltaMillis;

  @Override
  public Integer call() throws Exception {
    if (deltaMillis < 1 || deltaMillis > 600_000) {
      throw UserError.usage("--delta is 1..600000 milliseconds, not " + deltaMillis);
    }
    if (!Files.exists(roster)) {
      throw UserError.input("roster not found: " + roster);
    }
    Roster r = Roster.load(roster);
    if (!r.parties().containsKey(id)) {
      throw UserError.usage("--id " + id + " is not in the roster (its parties are 1.." + r.size() + ")");
    }
    Path keyFile = out.resolve(ElectionKeyFile.FILE);
    Path shareFile = out.resolve("share-" + id + ".sealed");
    for (Path p : new Path[] {keyFile, shareFile}) {
      if (Files.exists(p)) {
        throw UserError.usage(p + " already exists; a ceremony's output is never overwritten");
      }
    }
    Identity identity = Identity.load(r, id, key != null ? key : RosterTool.keyFile(roster.toAbsolutePath().getParent(), id));
    // Ask for the passphrase before the ceremony, so that nobody waits on this trustee afterwards.
    char[] passphrase = Passphrase.forSealing();
    try {
      Files.createDirectories(out);
      NodeOptions options = NodeOptions.defaults().withConnectTimeout(Duration.ofSeconds(waitSeconds))
          .withDelta(Duration.ofMillis(deltaMillis));
      DkgResult result;
      try (PartyNode node = PartyNode.start(r, identity, options)) {
        Set<Integer> missing = new TreeSet<>(node.peers());
        missing.removeAll(node.connectedPeers());
        System.out.printf("trustee %d: connected to %s%s%n", id, node.connectedPeers(),
            missing.isEmpty() ? "" : "; never connected: " + missing);
        try {
          result = node.runDkg();
        } catch (DkgFailedException e) {
          throw UserError.network("the key ceremony failed: " + e.getMessage());
        }
      }
      byte[] sealed = SealedKeyShare.seal(result.share(), result.key(), passphrase, SealedKeyShare.Cost.standard());
      Files.write(shareFile, sealed, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.setPosixFilePermissions(shareFile, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the sealing is the protection.
      }
      ElectionKeyFile.write(new ElectionKeyFile.ElectionKey(Groups.named(r.group()), r.size(), result.key(),
          new java.util.ArrayList<>(new TreeSet<>(result.qualified())),
          new CeremonyTranscript(result.sessionId(), result.transcript(), result.confirmations())), keyFile);
      System.out.printf("trustee %d: %d of %d dealers qualified; joint key %s%n", id, result.qualified().size(), r.size(),
          HexFormat.of().formatHex(result.key().publicKey().element().encode()));
      System.out.printf("  key fingerprint SHA-256 %s%n", HexFormat.of().formatHex(SealedKeyShare.fingerprint(result.key())));
      System.out.printf("  wrote %s (public) and %s (sealed, mode 0600)%n", keyFile, shareFile);
      return 0;
    } finally {
      Arrays.fill(passphrase, ' ');
    }
  }
}
