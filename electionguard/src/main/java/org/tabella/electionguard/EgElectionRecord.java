package org.tabella.electionguard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A whole egk or egk-ec election record directory, every part read strictly in the format its
 * {@code constants.json} names: the election ({@link EgRecord}), its encrypted ballots, the
 * encrypted tally and the published counts (null where absent), and the decrypted challenged
 * ballots.
 *
 * @param record constants, configuration, manifest and key ceremony
 * @param ballots {@code encrypted_ballots/}
 * @param tally {@code encrypted_tally.json}, or null
 * @param counts {@code tally.json}, or null
 * @param challenged {@code challenged_ballots/}
 */
public record EgElectionRecord(EgRecord record, List<EgBallot> ballots, EgTally tally, EgDecryptedTally counts,
    List<EgDecryptedTally> challenged) {
  /** Copies. */
  public EgElectionRecord {
    ballots = List.copyOf(ballots);
    challenged = List.copyOf(challenged);
  }

  /** Reads {@code dir}. */
  public static EgElectionRecord read(Path dir) throws IOException, EgRecordException {
    EgRecord record = EgRecord.read(dir);
    EgFormat format = record.format();
    return new EgElectionRecord(record, EgBallot.readAll(dir, format), EgTally.read(dir, format),
        EgDecryptedTally.read(dir, format), EgDecryptedTally.readChallenged(dir, format));
  }

  /** Runs verification steps 1–14 on every part. */
  public EgVerifier.Report verify() {
    return EgVerifier.verify(record, ballots, tally, counts, challenged);
  }
}
