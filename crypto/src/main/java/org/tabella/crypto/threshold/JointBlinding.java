package org.tabella.crypto.threshold;

import java.util.List;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.internal.Contexts;
import org.tabella.crypto.internal.Randomness;
import org.tabella.crypto.proofs.DleqProof;
import org.tabella.groups.Group;
import org.tabella.groups.SecretScalar;

/**
 * "Reveal only whether": trustees in turn raise a ciphertext Enc(m) to secret non-zero exponents
 * s_1, s_2, …, each proving its step, giving Enc(m·∏s_i). Its threshold decryption is the identity
 * iff m = 0, and otherwise a uniformly random element that reveals nothing more about m, as long
 * as one blinding trustee is honest (SPEC.md §2.9).
 */
public final class JointBlinding {
  private JointBlinding() {}

  /** Performs trustee {@code trustee}'s blinding step on {@code input}. */
  public static BlindingStep blind(int trustee, Ciphertext input, byte[] context) {
    Group g = input.group();
    SecretScalar s = SecretScalar.of(g.randomNonZeroScalar(Randomness.current()));
    DleqProof.Proven p = DleqProof.proveImage(s, input.a(), input.b(), stepContext(context, trustee));
    return new BlindingStep(trustee, input, new Ciphertext(p.h1(), p.h2()), p.proof());
  }

  /**
   * Returns whether {@code steps} form a valid chain from {@code start}: each step's input is the
   * previous output, each proof verifies, no output is degenerate (a = identity would mean s = 0),
   * and no trustee blinds twice.
   */
  public static boolean verifyChain(Ciphertext start, List<BlindingStep> steps, byte[] context) {
    Ciphertext current = start;
    java.util.Set<Integer> trustees = new java.util.HashSet<>();
    for (BlindingStep step : steps) {
      if (!step.input().equals(current) || !trustees.add(step.trustee())
          || step.output().a().isIdentity()
          || !step.output().group().equals(start.group())
          || !step.proof().verify(step.input().a(), step.output().a(), step.input().b(),
              step.output().b(), stepContext(context, step.trustee()))) {
        return false;
      }
      current = step.output();
    }
    return !steps.isEmpty();
  }

  private static byte[] stepContext(byte[] context, int trustee) {
    return Contexts.of("tabella-blinding-v1", context, Contexts.intBytes(trustee));
  }
}
