package org.tabella.app.cli;

import java.nio.file.Path;
import org.tabella.electionguard.EgElectionRecord;
import org.tabella.electionguard.EgRecord;
import org.tabella.electionguard.EgRecordException;
import org.tabella.electionguard.EgVerifier;

/**
 * {@code tabella verify --electionguard DIR}: one line per ElectionGuard 2.0 verification step
 * (1–14, with its number of checks), every finding with its location, the group and version
 * string the record uses, the speed, and what was not checked (a missing part of the record;
 * pre-encrypted ballots, whose steps are not implemented). Exit 0 only when every check passed and
 * nothing was left unchecked, so no script can take a partial check for a verified election.
 */
final class ElectionGuardOutput {
  private ElectionGuardOutput() {}

  static int verify(Path dir) throws Exception {
    EgElectionRecord all;
    try {
      all = EgElectionRecord.read(dir);
    } catch (EgRecordException e) {
      throw UserError.input(e.getMessage());
    } catch (java.io.IOException e) {
      throw UserError.input("cannot read " + dir + ": " + e.getMessage());
    }
    EgRecord record = all.record();
    long start = System.nanoTime();
    EgVerifier.Report r = all.verify();
    double seconds = (System.nanoTime() - start) / 1e9;
    int proofs = r.checks().getOrDefault(EgVerifier.Step.SELECTIONS, 0) + r.checks().getOrDefault(EgVerifier.Step.VOTE_LIMITS, 0)
        + r.checks().getOrDefault(EgVerifier.Step.TALLY_DECRYPTION, 0)
        + r.checks().getOrDefault(EgVerifier.Step.CHALLENGED_DECRYPTION, 0);
    System.out.printf("ElectionGuard 2.0 record %s: group %s, version string %s, %d guardians, quorum %d%n", dir,
        record.group().name(), r.version().map(v -> "\"" + v + "\"").orElse("(none of " + record.parameters().versions()
            + " matches its H_P)"), record.guardians(), record.quorum());
    for (EgVerifier.Step s : EgVerifier.Step.values()) {
      long failed = r.findings().stream().filter(f -> f.step() == s).count();
      System.out.printf("  step %2d  %-36s %5d checks  %s%n", s.number(), s.title(), r.checks().getOrDefault(s, 0),
          failed == 0 ? "ok" : failed + " FAILED");
    }
    for (EgVerifier.Finding f : r.findings()) {
      System.out.printf("  FAILED step %d at %s: %s%n", f.step().number(), f.location(), f.message());
    }
    System.out.printf("  %d ballots, %d published counts and %d challenged ballots in %.2f s"
        + " (%.0f proof checks/s of steps 4, 5, 9 and 12 on %d cores)%n", all.ballots().size(),
        all.counts() == null ? 0 : all.counts().selections().size(), all.challenged().size(), seconds, proofs / seconds,
        Runtime.getRuntime().availableProcessors());
    for (String n : r.notChecked()) {
      System.out.println("  not checked: " + n);
    }
    if (!r.passed()) {
      System.out.println("FAILED: " + r.findings().size() + " finding(s)");
      return ExitCodes.FAILED;
    }
    if (!r.complete()) {
      System.out.println("partial: every check made passed, but the record was not verified end to end (see above)");
      return ExitCodes.FAILED;
    }
    System.out.println("verified: ElectionGuard 2.0 steps 1–14 passed (the record has no pre-encrypted ballots)");
    return 0;
  }
}
