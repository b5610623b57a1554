package org.tabella.crypto.proofs;

import java.util.Objects;
import org.tabella.crypto.internal.LinearCheck;
import org.tabella.crypto.internal.Randomness;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;
import org.tabella.groups.SecretScalar;

/**
 * A non-interactive Schnorr proof of knowledge of x with X = g^x (SPEC.md §2.2):
 * R = g^k, c = H(context, X, R), z = k + c·x; valid iff g^z = R·X^c.
 *
 * @param commitment R
 * @param response z
 */
public record SchnorrProof(Element commitment, Scalar response) {
  static final String PROTOCOL = "schnorr-v1";

  /** Checks that both fields are present and of one group. */
  public SchnorrProof {
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(response, "response");
    if (!response.order().equals(commitment.group().order())) {
      throw new IllegalArgumentException("response of another group order");
    }
  }

  /**
   * Proves knowledge of {@code secret} for {@code publicValue = g^secret}.
   *
   * @param context bytes the proof is bound to (session, party index, election)
   * @throws IllegalArgumentException if {@code publicValue != g^secret}
   */
  public static SchnorrProof prove(SecretScalar secret, Element publicValue, byte[] context) {
    Group g = publicValue.group();
    Scalar x = secret.reveal();
    if (!g.generatorTable().exp(x).equals(publicValue)) {
      throw new IllegalArgumentException("the secret does not match the public value");
    }
    Scalar k = g.randomNonZeroScalar(Randomness.current());
    Element r = g.generatorTable().exp(k);
    Scalar c = challenge(publicValue, r, context);
    return new SchnorrProof(r, k.add(c.multiply(x)));
  }

  /** Returns whether this proves knowledge of log_g {@code publicValue} under {@code context}. */
  public boolean verify(Element publicValue, byte[] context) {
    if (!sameGroup(publicValue)) {
      return false;
    }
    Group g = publicValue.group();
    Scalar c = challenge(publicValue, commitment, context);
    return g.generatorTable().expPublic(response).equals(commitment.mul(publicValue.expPublic(c)));
  }

  /** Adds this proof's equation to a batch (see {@link ProofBatch}). */
  void addTo(LinearCheck check, Element publicValue, byte[] context) {
    Group g = publicValue.group();
    Scalar c = challenge(publicValue, commitment, context);
    check.addEquation(check.weight(), g.generator(), response, commitment, publicValue, c);
  }

  boolean sameGroup(Element publicValue) {
    return publicValue.group().equals(commitment.group());
  }

  private static Scalar challenge(Element publicValue, Element r, byte[] context) {
    Group g = publicValue.group();
    return Transcript.start(PROTOCOL, g)
        .append("context", context)
        .append("generator", g.generator())
        .append("public", publicValue)
        .append("commitment", r)
        .challenge();
  }
}
