package org.tabella.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.app.cli.Tabella;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.DiscreteLog;
import org.tabella.crypto.elgamal.ElGamal;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.crypto.threshold.KeyShare;
import org.tabella.crypto.threshold.SealedKeyShare;
import org.tabella.crypto.threshold.ThresholdDecryption;
import org.tabella.voting.record.ElectionKeyFile;
import org.tabella.voting.record.RecordIo;

/**
 * The key ceremony as its own step, days before the election (issue: a real election across
 * machines): three trustees make their identities, the organiser builds the roster from the
 * certificates, each trustee runs {@code tabella ceremony} as a separate process; all three write
 * the same {@code election-key.json} and each its sealed share (mode 0600). Any two unsealed
 * shares decrypt under the key; a wrong passphrase opens nothing; {@code tabella election} turns
 * the key into an election definition, and refuses a tampered key file.
 */
@DisplayName("tabella ceremony and tabella election: the key made days before, shares sealed at rest")
@Timeout(300)
class KeyCeremonyCommandTest {
  @TempDir
  Path dir;

  static final String PASSPHRASE = "a long trustee passphrase";

  @Test
  void threeTrusteeProcessesMakeOneKeyAndSealTheirShares() throws Exception {
    Path organiser = Files.createDirectories(dir.resolve("organiser"));
    for (int id = 1; id <= 3; id++) {
      Path machine = dir.resolve("machine-" + id);
      assertTrue(CommandLineTest.run("keygen", "--id", Integer.toString(id), "--out", machine.toString()).startsWith("0\n"));
      Files.copy(machine.resolve("party-" + id + ".cert.pem"), organiser.resolve("party-" + id + ".cert.pem"));
    }
    String roster = CommandLineTest.run("roster", "--certs", organiser.toString(), "--quorum", "2", "--out",
        organiser.toString(), "--base-port", Integer.toString(22000 + (int) (ProcessHandle.current().pid() % 20000)));
    assertTrue(roster.startsWith("0\n"), roster);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> ps = new ArrayList<>();
    for (int id = 1; id <= 3; id++) {
      Path machine = dir.resolve("machine-" + id);
      Files.copy(organiser.resolve("roster.json"), machine.resolve("roster.json"));
      ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Tabella.class.getName(),
          "ceremony", "--roster", machine.resolve("roster.json").toString(), "--id", Integer.toString(id),
          "--out", machine.resolve("ceremony").toString(), "--delta", "150").redirectErrorStream(true);
      pb.environment().put("TABELLA_PASSPHRASE", PASSPHRASE);
      ps.add(pb.start());
    }
    List<String> outs = new ArrayList<>();
    for (Process p : ps) {
      assertTrue(p.waitFor(200, TimeUnit.SECONDS));
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), out);
      assertFalse(out.contains(PASSPHRASE), "the passphrase is never printed");
      outs.add(out);
    }
    byte[] keyFile = Files.readAllBytes(dir.resolve("machine-1/ceremony/election-key.json"));
    for (int id = 2; id <= 3; id++) {
      assertArrayEquals(keyFile, Files.readAllBytes(dir.resolve("machine-" + id + "/ceremony/election-key.json")),
          "every trustee writes the same public key file");
    }
    var key = ElectionKeyFile.read(dir.resolve("machine-1/ceremony/election-key.json"));
    assertEquals(3, key.ceremony().confirmations().size());
    List<KeyShare> shares = new ArrayList<>();
    for (int id = 1; id <= 3; id++) {
      Path sealed = dir.resolve("machine-" + id + "/ceremony/share-" + id + ".sealed");
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sealed)));
      byte[] bytes = Files.readAllBytes(sealed);
      assertEquals(id, SealedKeyShare.header(bytes).trustee());
      assertThrows(SealedKeyShare.UnsealException.class,
          () -> SealedKeyShare.unseal(bytes, key.key(), "not the passphrase".toCharArray()));
      shares.add(SealedKeyShare.unseal(bytes, key.key(), PASSPHRASE.toCharArray()));
    }
    // Any two trustees decrypt.
    Ciphertext c = ElGamal.encrypt(key.key().publicKey(), 7);
    byte[] context = "test".getBytes(StandardCharsets.UTF_8);
    List<DecryptionShare> two = List.of(ThresholdDecryption.share(shares.get(0), c, context),
        ThresholdDecryption.share(shares.get(2), c, context));
    var result = ThresholdDecryption.combine(key.key(), c, two, context);
    assertEquals(7, DiscreteLog.forBound(key.group(), 10).solve(result.plaintextElement()));

    // The ceremony's output is never overwritten.
    var again = CommandLineTest.run("ceremony", "--roster", dir.resolve("machine-1/roster.json").toString(), "--id", "1",
        "--out", dir.resolve("machine-1/ceremony").toString());
    assertTrue(again.startsWith("2\n") && again.contains("already exists"), again);

    // The election definition.
    Path definition = dir.resolve("organiser/city-2026");
    String election = CommandLineTest.run("election", "--id", "city-2026", "--key",
        dir.resolve("machine-1/ceremony/election-key.json").toString(), "--referendum", "budget", "--choice", "mayor:3",
        "--approval", "council:4:2", "--out", definition.toString());
    assertTrue(election.startsWith("0\n"), election);
    var d = RecordIo.readDefinition(definition);
    assertEquals(3, d.election().contests().size());
    assertEquals(key.key(), d.key().key());
    String bad = CommandLineTest.run("election", "--id", "x", "--key",
        dir.resolve("machine-1/ceremony/election-key.json").toString(), "--choice", "mayor", "--out",
        dir.resolve("other").toString());
    assertTrue(bad.startsWith("2\n") && bad.contains("NAME:M"), bad);
    Path tampered = dir.resolve("tampered-key.json");
    Files.writeString(tampered, new String(keyFile, StandardCharsets.UTF_8).replace("\"quorum\" : 2", "\"quorum\" : 3"));
    String refused = CommandLineTest.run("election", "--id", "x", "--key", tampered.toString(), "--referendum", "q",
        "--out", dir.resolve("other2").toString());
    assertTrue(refused.startsWith("3\n"), refused);
  }
}
