package org.tabella.voting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tabella.crypto.threshold.TrustedDealer;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.voting.board.Receipt;
import org.tabella.voting.record.ElectionRecord;
import org.tabella.voting.record.RecordIo;
import org.tabella.voting.record.RecordVerifier;
import org.tabella.voting.record.VerificationReport;

/** The README's "use as a library" example: a small election in memory, then its record verified. */
public final class ReadmeElection {
  public static void main(String[] args) throws Exception {
    // Five trustees, any three decrypt. (Across machines the trustees run the key ceremony
    // instead: `tabella party`, or org.tabella.network.node.PartyNode#runDkg.)
    Group group = Groups.named("ristretto255");
    var trustees = TrustedDealer.deal(group, 5, 3);
    ElectionParameters election = ElectionParameters.builder("city-2026", group)
        .trustees(5).quorum(3)
        .contest(Contest.referendum("budget"))
        .contest(Contest.choice("mayor", 3))
        .contest(Contest.approval("council", 4, 2))
        .build();

    Path dir = Files.createTempDirectory("election");
    try (LocalElection e = new LocalElection(election, trustees.key(), dir.resolve("board.log"))) {
      var pk = trustees.key().publicKey();
      Receipt r = e.cast(Ballots.encrypt(election, pk, "voter-1", Map.of(
          "budget", new int[] {1}, "mayor", new int[] {0, 1, 0}, "council", new int[] {1, 0, 0, 1})));
      e.cast(Ballots.encrypt(election, pk, "voter-2", Map.of(
          "budget", new int[] {0}, "mayor", new int[] {0, 1, 0}, "council", new int[] {0, 0, 1, 0})));
      System.out.println("voter-1 tracking code: " + r.trackingCode());

      // Trustees 2, 4 and 5 decrypt the tally; every share carries its proof.
      ElectionRecord record = e.tally(List.of(trustees.shares().get(1), trustees.shares().get(3),
          trustees.shares().get(4)));
      record.entries().forEach(x -> System.out.println(x.name() + ": " + x.outcome()));

      RecordIo.write(record, dir.resolve("record"));
      VerificationReport report = RecordVerifier.verify(RecordIo.read(dir.resolve("record")));
      System.out.println(report.valid() ? "record verified" : "record INVALID: " + report.findings());
    }
  }
}
