package org.tabella.voting.record;

/** The verifier's numbered steps, exactly as SPEC.md §4.5 lists them. */
public enum VerificationStep {
  /** V1: the key's trustees and quorum are the election's; verification keys exist for exactly 1..n. */
  KEY_PARAMETERS(1, "key parameters"),
  /** V2: all n verification keys lie on one polynomial of degree k−1 through the public key. */
  KEY_POLYNOMIAL(2, "key polynomial"),
  /** V3: the ceremony transcript, when present, proves the key and every verification key. */
  KEY_CEREMONY(3, "key ceremony"),
  /** V4: every ballot is a canonical ballot encoding. */
  BALLOT_ENCODING(4, "ballot encoding"),
  /** V5: ballot ids are distinct and no ciphertext appears twice. */
  BALLOT_UNIQUENESS(5, "ballot uniqueness"),
  /** V6: every selection and contest-sum proof verifies for this election and key. */
  BALLOT_PROOFS(6, "ballot proofs"),
  /** V7: the board's hash chain over the ballots ends at the recorded head. */
  BOARD_CHAIN(7, "board chain"),
  /** V8: exactly one tally entry per (contest, option), in election order. */
  TALLY_ENTRIES(8, "tally entries"),
  /** V9: each entry's ciphertext is the product of the ballots (shifted in unanimous mode). */
  TALLY_CIPHERTEXTS(9, "tally ciphertexts"),
  /** V10: blinding steps exist iff the election is unanimous, and then form a valid chain of ≥ k trustees. */
  JOINT_BLINDING(10, "joint blinding"),
  /** V11: every decryption share is from a distinct trustee in 1..n, proven, and there are ≥ k. */
  DECRYPTION_SHARES(11, "decryption shares"),
  /** V12: every published count (0..V) or unanimity bit is what the shares decrypt to. */
  OUTCOMES(12, "outcomes");

  private final int number;
  private final String title;

  VerificationStep(int number, String title) {
    this.number = number;
    this.title = title;
  }

  /** The step's number in SPEC.md §4.5. */
  public int number() {
    return number;
  }

  /** A short title. */
  public String title() {
    return title;
  }
}
