package org.tabella.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.DiscreteLog;
import org.tabella.crypto.elgamal.ElGamal;
import org.tabella.crypto.elgamal.ProvenCiphertext;
import org.tabella.crypto.threshold.DecryptionResult;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.crypto.threshold.ThresholdDecryption;
import org.tabella.crypto.threshold.TrustedDealer;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;

/** The README's library example, kept compiling and passing. */
class ReadmeExampleTest {
  @Test
  void readmeExample() throws Exception {
    // --- README example start
    Group group = Groups.named("ristretto255");
    byte[] election = "referendum-2026".getBytes(StandardCharsets.UTF_8);

    // 5 trustees, any 3 decrypt (a real ceremony uses org.tabella.crypto.dkg.DkgParty instead).
    TrustedDealer.Dealt trustees = TrustedDealer.deal(group, 5, 3);

    // Voters encrypt 0/1 with a proof bound to the election and their ballot id.
    int[] votes = {1, 0, 1, 1, 0, 1};
    Ciphertext tally = Ciphertext.zero(group);
    for (int i = 0; i < votes.length; i++) {
      byte[] ballotContext = (new String(election, StandardCharsets.UTF_8) + "/ballot-" + i)
          .getBytes(StandardCharsets.UTF_8);
      ProvenCiphertext ballot = ElGamal.encryptWithProof(trustees.key().publicKey(), votes[i], 1, ballotContext);
      if (!ballot.verify(trustees.key().publicKey(), 1, ballotContext)) {
        throw new IllegalStateException("invalid ballot");
      }
      tally = tally.add(ballot.ciphertext());
    }

    // Trustees 1, 4 and 5 decrypt the tally; each share carries a Chaum–Pedersen proof.
    List<DecryptionShare> shares = new ArrayList<>();
    for (int t : new int[] {1, 4, 5}) {
      shares.add(ThresholdDecryption.share(trustees.shares().get(t - 1), tally, election));
    }
    DecryptionResult result = ThresholdDecryption.combine(trustees.key(), tally, shares, election);
    long yes = DiscreteLog.forBound(group, votes.length).solve(result.plaintextElement());
    System.out.println("result: " + yes + " yes, " + (votes.length - yes) + " no");
    // --- README example end
    assertEquals(4, yes);
  }
}
