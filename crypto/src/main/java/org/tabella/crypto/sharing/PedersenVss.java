package org.tabella.crypto.sharing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;

/**
 * Pedersen verifiable secret sharing: commitments C_k = g^{a_k}·h^{b_k} to two polynomials f, f',
 * where h = hashToElement(group, "tabella-pedersen-h-v1") has an unknown logarithm, so the
 * commitments hide f(0) perfectly. A share (s_i, s'_i) is valid iff g^{s_i}·h^{s'_i} = ∏ C_k^{i^k}.
 */
public final class PedersenVss {
  private PedersenVss() {}

  private static final java.util.Map<Group, Element> SECOND_GENERATORS = new java.util.concurrent.ConcurrentHashMap<>();

  /** The second generator h of a group (SPEC.md §2.7), hashed once per group. */
  public static Element secondGenerator(Group group) {
    return SECOND_GENERATORS.computeIfAbsent(group, g -> g.hashToElement(
        "tabella-pedersen-h-v1".getBytes(StandardCharsets.UTF_8),
        "tabella-v1-generator".getBytes(StandardCharsets.UTF_8)));
  }

  /** A dealing: the public commitments and, per party, the two share values. */
  public record Dealing(List<Element> commitments, List<Share> shares, List<Share> blindingShares) {
    /** Copies the lists. */
    public Dealing {
      commitments = List.copyOf(commitments);
      shares = List.copyOf(shares);
      blindingShares = List.copyOf(blindingShares);
    }
  }

  /** Deals f's constant term (f = {@code secretPolynomial}) with a fresh blinding polynomial. */
  public static Dealing deal(Polynomial secretPolynomial, int parties) {
    Group g = secretPolynomial.group();
    Polynomial blinding = Polynomial.random(g, secretPolynomial.threshold());
    Element h = secondGenerator(g);
    var hTable = g.fixedBase(h);
    List<Element> commitments = new ArrayList<>();
    for (int k = 0; k < secretPolynomial.threshold(); k++) {
      commitments.add(g.generatorTable().exp(secretPolynomial.coefficients().get(k).reveal())
          .mul(hTable.exp(blinding.coefficients().get(k).reveal())));
    }
    return new Dealing(commitments, Shamir.shares(secretPolynomial, parties),
        Shamir.shares(blinding, parties));
  }

  /** Returns whether (share, blinding) is a valid share for {@code index}. */
  public static boolean verify(List<Element> commitments, int index, Scalar share, Scalar blinding) {
    Group g = commitments.get(0).group();
    Element lhs = g.multiExp(List.of(g.generator(), secondGenerator(g)), List.of(share, blinding));
    return lhs.equals(new FeldmanCommitment(commitments).publicValueAt(index));
  }
}
