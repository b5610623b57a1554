package org.tabella.crypto.proofs;

import java.util.Objects;
import org.tabella.crypto.internal.LinearCheck;
import org.tabella.crypto.internal.Randomness;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;
import org.tabella.groups.SecretScalar;

/**
 * A Chaum–Pedersen proof that log_{g1} h1 = log_{g2} h2 (SPEC.md §2.3): R1 = g1^k, R2 = g2^k,
 * c = H(context, g1, h1, g2, h2, R1, R2), z = k + c·x; valid iff g1^z = R1·h1^c and
 * g2^z = R2·h2^c. Used for decryption shares (g1 = g, h1 = verification key, g2 = ciphertext's a,
 * h2 = the share) and joint-blinding steps.
 *
 * @param commitment1 R1
 * @param commitment2 R2
 * @param response z
 */
public record DleqProof(Element commitment1, Element commitment2, Scalar response) {
  static final String PROTOCOL = "dleq-v1";

  /** Checks that the fields are present and of one group. */
  public DleqProof {
    Objects.requireNonNull(commitment1, "commitment1");
    Objects.requireNonNull(commitment2, "commitment2");
    Objects.requireNonNull(response, "response");
    if (!commitment1.group().equals(commitment2.group())
        || !response.order().equals(commitment1.group().order())) {
      throw new IllegalArgumentException("proof fields of different groups");
    }
  }

  /**
   * Proves that {@code h1 = g1^x} and {@code h2 = g2^x} for the secret x.
   *
   * @throws IllegalArgumentException if the statement is false
   */
  public static DleqProof prove(SecretScalar x, Element g1, Element h1, Element g2, Element h2,
      byte[] context) {
    if (!power(g1, x.reveal()).equals(h1) || !power(g2, x.reveal()).equals(h2)) {
      throw new IllegalArgumentException("the secret does not satisfy the statement");
    }
    return proveTrue(x.reveal(), g1, h1, g2, h2, context);
  }

  /**
   * A statement computed here, with its proof: h1 = g1^x and h2 = g2^x.
   *
   * @param h1 g1^x
   * @param h2 g2^x
   * @param proof the proof that both have the same exponent
   */
  public record Proven(Element h1, Element h2, DleqProof proof) {}

  /**
   * Raises g1 and g2 to x and proves it, computing each power once (callers that need the powers
   * themselves — decryption shares, blinding steps — use this instead of {@link #prove}).
   */
  public static Proven proveImage(SecretScalar x, Element g1, Element g2, byte[] context) {
    Element h1 = power(g1, x.reveal());
    Element h2 = power(g2, x.reveal());
    return new Proven(h1, h2, proveTrue(x.reveal(), g1, h1, g2, h2, context));
  }

  private static DleqProof proveTrue(Scalar secret, Element g1, Element h1, Element g2, Element h2,
      byte[] context) {
    Group g = g1.group();
    Scalar k = g.randomNonZeroScalar(Randomness.current());
    Element r1 = power(g1, k);
    Element r2 = power(g2, k);
    Scalar c = challenge(g1, h1, g2, h2, r1, r2, context);
    return new DleqProof(r1, r2, k.add(c.multiply(secret)));
  }

  /** base^e, through the generator's table when the base is the generator. */
  private static Element power(Element base, Scalar e) {
    Group g = base.group();
    return base.equals(g.generator()) ? g.generatorTable().exp(e) : base.exp(e);
  }

  /** Returns whether the proof holds for the statement under {@code context}. */
  public boolean verify(Element g1, Element h1, Element g2, Element h2, byte[] context) {
    if (!sameGroup(g1, h1, g2, h2)) {
      return false;
    }
    LinearCheck check = new LinearCheck(g1.group());
    addTo(check, g1, h1, g2, h2, context);
    return check.holds();
  }

  void addTo(LinearCheck check, Element g1, Element h1, Element g2, Element h2, byte[] context) {
    Scalar c = challenge(g1, h1, g2, h2, commitment1, commitment2, context);
    check.addEquation(check.weight(), g1, response, commitment1, h1, c);
    check.addEquation(check.weight(), g2, response, commitment2, h2, c);
  }

  boolean sameGroup(Element... elements) {
    for (Element e : elements) {
      if (!e.group().equals(commitment1.group())) {
        return false;
      }
    }
    return true;
  }

  private static Scalar challenge(Element g1, Element h1, Element g2, Element h2, Element r1,
      Element r2, byte[] context) {
    return Transcript.start(PROTOCOL, g1.group())
        .append("context", context)
        .append("g1", g1)
        .append("h1", h1)
        .append("g2", g2)
        .append("h2", h2)
        .append("r1", r1)
        .append("r2", r2)
        .challenge();
  }
}
