package org.tabella.voting.record;


/**
 * Checks an election record from the record alone, trusting nothing it did not recompute: the
 * twelve steps of SPEC.md §4.5 (key, ceremony, ballots, chain, tally entries, ciphertexts,
 * blinding, shares, outcomes). Every failure is a {@link Finding} naming its step and location;
 * a record is valid only with no finding. Depends on nothing that writes: it uses the same
 * spec-level pieces as the producers ({@code BoardChain}, {@code BallotVerifier},
 * {@code TallyContexts}, {@code EncryptedTally}).
 */
public final class RecordVerifier {
  private RecordVerifier() {}

  /**
   * Verifies a record (ballot proofs and decoding on all cores, one chunk of ballots at a time). A
   * malformed chunk file is a finding of step 4.
   *
   * @throws java.io.UncheckedIOException if a chunk file cannot be read
   */
  public static VerificationReport verify(ElectionRecord r) {
    Checks checks = new Checks();
    KeyVerification.run(r, checks);
    BallotVerification.Result ballots = BallotVerification.run(r, checks);
    TallyVerification.run(r, ballots, checks);
    return checks.report();
  }
}
