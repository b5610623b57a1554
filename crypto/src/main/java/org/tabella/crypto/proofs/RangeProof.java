package org.tabella.crypto.proofs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tabella.crypto.internal.LinearCheck;
import org.tabella.crypto.internal.Randomness;
import org.tabella.groups.Element;
import org.tabella.groups.FixedBaseTable;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;
import org.tabella.groups.SecretScalar;

/**
 * A disjunctive Chaum–Pedersen proof that an exponential ElGamal ciphertext (a, b) = (g^r, h^r·g^m)
 * under public key h encrypts some m in {0, …, L} (SPEC.md §2.4). The 0/1 ballot proof is the case
 * L = 1. For each j ≤ L the branch statement is "(a, b/g^j) has the same discrete logs r with
 * respect to (g, h)"; the prover simulates every branch but the true one, and the challenges of the
 * branches must add up to the Fiat–Shamir challenge c = H(context, g, h, L, a, b, all commitments).
 *
 * @param commitmentsA the branch commitments R_j = g^{z_j}·a^{−c_j}
 * @param commitmentsB the branch commitments S_j = h^{z_j}·(b/g^j)^{−c_j}
 * @param challenges the branch challenges c_j
 * @param responses the branch responses z_j
 */
public record RangeProof(List<Element> commitmentsA, List<Element> commitmentsB,
    List<Scalar> challenges, List<Scalar> responses) {
  static final String PROTOCOL = "range-v1";

  /** Copies the lists and checks they have one length of at least 2. */
  public RangeProof {
    commitmentsA = List.copyOf(commitmentsA);
    commitmentsB = List.copyOf(commitmentsB);
    challenges = List.copyOf(challenges);
    responses = List.copyOf(responses);
    int n = commitmentsA.size();
    if (n < 2 || commitmentsB.size() != n || challenges.size() != n || responses.size() != n) {
      throw new IllegalArgumentException("a range proof needs L + 1 ≥ 2 entries in each list");
    }
  }

  /** Returns L, the largest value the proof allows. */
  public int maximum() {
    return commitmentsA.size() - 1;
  }

  /**
   * Proves that (a, b) = (g^r, h^r·g^m) encrypts m ∈ {0, …, maximum}.
   *
   * @param publicKey a fixed-base table of the ElGamal public key h
   * @param a the ciphertext's g^r
   * @param b the ciphertext's h^r·g^m
   * @param nonce r
   * @param m the plaintext
   * @param maximum L
   * @param context bytes the proof is bound to (election, ballot id, selection)
   *
   * @throws IllegalArgumentException if m is out of range or (a, b) is not that encryption
   */
  public static RangeProof prove(FixedBaseTable publicKey, Element a, Element b,
      SecretScalar nonce, int m, int maximum, byte[] context) {
    Element h = publicKey.base();
    Group g = h.group();
    if (maximum < 1 || m < 0 || m > maximum) {
      throw new IllegalArgumentException("the plaintext must be in 0..maximum, maximum ≥ 1");
    }
    Scalar r = nonce.reveal();
    var gTable = g.generatorTable();
    int n = maximum + 1;
    // The commitments are computed as halves (exponents times 2^-1) and squared together, so that
    // their encodings, which the challenge hashes, share one inversion (Group.squareAndEncode).
    Scalar half = g.scalar(g.order().add(java.math.BigInteger.ONE).shiftRight(1));
    var rng = Randomness.current();
    Scalar k = g.randomNonZeroScalar(rng);
    Scalar kHalf = k.multiply(half);
    // Every branch runs the same operations on random-looking values; which one is real (j = m)
    // enters only through masks (Scalar.select), so the vote steers no branch and no address.
    // The simulated branches' (c, z) are drawn in increasing j, as SPEC.md §5 fixes the order of
    // draws: the i-th pair belongs to branch i below m and to branch i + 1 above it.
    Scalar[] simulatedC = new Scalar[maximum];
    Scalar[] simulatedZ = new Scalar[maximum];
    for (int i = 0; i < maximum; i++) {
      simulatedC[i] = g.randomScalar(rng);
      simulatedZ[i] = g.randomScalar(rng);
    }
    Scalar[] cs = new Scalar[n];
    Scalar[] zs = new Scalar[n];
    Scalar[] uHalves = new Scalar[n];
    Scalar[] gTermHalves = new Scalar[n];
    for (int j = 0; j < n; j++) {
      int real = equalMask(j, m);
      int below = (j - m) >> 31; // all ones when j < m
      // Simulated: z, c random; since a = g^r and b/g^j = h^r·g^{m−j}:
      // g^z·a^{−c} = g^{z − c·r} and h^z·(b/g^j)^{−c} = h^{z − c·r}·g^{−c·(m − j)}.
      // Real: g^k and h^k, i.e. the exponent k and no g term (its c, z here are placeholders).
      int own = Math.min(j, maximum - 1);
      int previous = Math.max(j - 1, 0);
      Scalar c = Scalar.select(below, simulatedC[own], simulatedC[previous]);
      Scalar z = Scalar.select(below, simulatedZ[own], simulatedZ[previous]);
      int d = m - j;
      int negative = d >> 31;
      int magnitude = ((d ^ negative) - negative) | (real & 1); // never 0, so no zero shortcut
      Scalar cd = c.multiply(g.scalar(magnitude));
      gTermHalves[j] = Scalar.select(negative, cd, cd.negate()).multiply(half); // −c·(m−j)/2
      uHalves[j] = Scalar.select(real, kHalf, z.subtract(c.multiply(r)).multiply(half));
      cs[j] = c;
      zs[j] = z;
    }
    // Only the L simulated branches have a g term: one exponentiation each, the i-th for branch i
    // below m and branch i + 1 above it, chosen by masks; each branch then takes its own by masks.
    Element[] gTerms = new Element[maximum];
    for (int i = 0; i < maximum; i++) {
      gTerms[i] = gTable.exp(Scalar.select((i - m) >> 31, gTermHalves[i], gTermHalves[i + 1]));
    }
    List<Element> halves = new ArrayList<>(2 * n);
    Element[] halfB = new Element[n];
    for (int j = 0; j < n; j++) {
      int own = Math.min(j, maximum - 1);
      int previous = Math.max(j - 1, 0);
      Element gTerm = own == previous ? gTerms[own] : g.select((j - m) >> 31, gTerms[own], gTerms[previous]);
      Element hTerm = publicKey.exp(uHalves[j]);
      halves.add(gTable.exp(uHalves[j]));
      halfB[j] = g.select(equalMask(j, m), hTerm, hTerm.mul(gTerm));
    }
    halves.addAll(List.of(halfB));
    List<Element> squared = g.squareAndEncode(halves);
    List<Element> ra = squared.subList(0, n);
    List<Element> rb = squared.subList(n, 2 * n);
    Scalar total = challenge(h, a, b, maximum, ra, rb, context);
    // The real challenge is the total minus the simulated ones: total − (Σ all − the real slot's
    // placeholder), the placeholder picked by masks.
    Scalar all = cs[0];
    Scalar placeholder = cs[0];
    for (int j = 1; j < n; j++) {
      all = all.add(cs[j]);
      placeholder = Scalar.select(equalMask(j, m), cs[j], placeholder);
    }
    Scalar realChallenge = total.subtract(all.subtract(placeholder));
    Scalar realResponse = k.add(realChallenge.multiply(r));
    for (int j = 0; j < n; j++) {
      int real = equalMask(j, m);
      cs[j] = Scalar.select(real, realChallenge, cs[j]);
      zs[j] = Scalar.select(real, realResponse, zs[j]);
    }
    return new RangeProof(List.copyOf(ra), List.copyOf(rb), List.of(cs), List.of(zs));
  }

  /** All ones if a == b, else 0, for small non-negative ints, without a branch. */
  private static int equalMask(int a, int b) {
    return ((a ^ b) - 1) >> 31;
  }

  /**
   * Returns whether this proves that (a, b) under h encrypts a value in 0..{@code maximum}. The
   * maximum comes from the caller's statement, never from the proof: a proof for another range
   * is false.
   */
  public boolean verify(Element h, Element a, Element b, int maximum, byte[] context) {
    Group g = h.group();
    if (maximum != maximum() || !sameGroup(g, a, b)) {
      return false;
    }
    LinearCheck check = new LinearCheck(g);
    if (!addTo(check, h, a, b, context)) {
      return false;
    }
    return check.holds();
  }

  /** Adds the branch equations to a batch; false if the challenges do not add up. */
  boolean addTo(LinearCheck check, Element h, Element a, Element b, byte[] context) {
    Group g = h.group();
    Scalar total = challenge(h, a, b, maximum(), commitmentsA, commitmentsB, context);
    Scalar sum = g.scalar(0);
    for (Scalar c : challenges) {
      sum = sum.add(c);
    }
    if (!sum.equals(total)) {
      return false;
    }
    for (int j = 0; j <= maximum(); j++) {
      Scalar c = challenges.get(j);
      Scalar z = responses.get(j);
      // g^z = R_j · a^c
      Scalar w1 = check.weight();
      check.addEquation(w1, g.generator(), z, commitmentsA.get(j), a, c);
      // h^z = S_j · (b / g^j)^c  ⇔  h^z · g^{j·c} = S_j · b^c
      Scalar w2 = check.weight();
      check.addEquation(w2, h, z, commitmentsB.get(j), b, c);
      check.addTerm(g.generator(), w2.multiply(c).multiply(g.scalar(j)).negate()); // base side: negated
    }
    return true;
  }

  boolean sameGroup(Group g, Element a, Element b) {
    if (!a.group().equals(g) || !b.group().equals(g)) {
      return false;
    }
    for (int j = 0; j <= maximum(); j++) {
      if (!commitmentsA.get(j).group().equals(g) || !commitmentsB.get(j).group().equals(g)
          || !challenges.get(j).order().equals(g.order())
          || !responses.get(j).order().equals(g.order())) {
        return false;
      }
    }
    return true;
  }

  private static Scalar challenge(Element h, Element a, Element b, int maximum, List<Element> ra,
      List<Element> rb, byte[] context) {
    Group g = h.group();
    return Transcript.start(PROTOCOL, g)
        .append("context", context)
        .append("generator", g.generator())
        .append("public-key", h)
        .append("maximum", maximum)
        .append("a", a)
        .append("b", b)
        .append("commitments-a", ra)
        .append("commitments-b", rb)
        .challenge();
  }
}
