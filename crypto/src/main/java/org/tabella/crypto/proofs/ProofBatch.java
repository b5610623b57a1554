package org.tabella.crypto.proofs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.tabella.crypto.internal.LinearCheck;
import org.tabella.groups.Element;
import org.tabella.groups.Group;

/**
 * Verifies many proofs of one group at once: every equation of every proof gets its own random
 * 128-bit weight and one multi-exponentiation decides them all (a false proof passes with
 * probability at most 2^-128 per batch). When the batch fails, each proof is checked alone so the
 * result names exactly the invalid ones.
 */
public final class ProofBatch {
  private final Group group;
  private final List<Predicate<LinearCheck>> batched = new ArrayList<>();
  private final List<BooleanSupplier> single = new ArrayList<>();

  /** Starts an empty batch in {@code group}. */
  public ProofBatch(Group group) {
    this.group = group;
  }

  /** Adds a Schnorr proof for {@code publicValue}; returns its position in the batch. */
  public int add(SchnorrProof proof, Element publicValue, byte[] context) {
    return add(check -> {
      if (!proof.sameGroup(publicValue) || !publicValue.group().equals(group)) {
        return false;
      }
      proof.addTo(check, publicValue, context);
      return true;
    }, () -> proof.verify(publicValue, context));
  }

  /** Adds a Chaum–Pedersen proof; returns its position. */
  public int add(DleqProof proof, Element g1, Element h1, Element g2, Element h2, byte[] context) {
    return add(check -> {
      if (!proof.sameGroup(g1, h1, g2, h2) || !g1.group().equals(group)) {
        return false;
      }
      proof.addTo(check, g1, h1, g2, h2, context);
      return true;
    }, () -> proof.verify(g1, h1, g2, h2, context));
  }

  /**
   * Adds a range proof that ciphertext (a, b) under key h encrypts a value in 0..{@code maximum}
   * (the caller's maximum; a proof for another range fails); returns its position.
   */
  public int add(RangeProof proof, int maximum, Element h, Element a, Element b, byte[] context) {
    return add(check -> proof.maximum() == maximum && h.group().equals(group) && proof.sameGroup(group, a, b)
            && proof.addTo(check, h, a, b, context),
        () -> proof.verify(h, a, b, maximum, context));
  }

  private int add(Predicate<LinearCheck> batch, BooleanSupplier alone) {
    batched.add(batch);
    single.add(alone);
    return batched.size() - 1;
  }

  /** Returns how many proofs are in the batch. */
  public int size() {
    return batched.size();
  }

  /**
   * Returns the positions of the invalid proofs, in increasing order; empty when all verify.
   */
  public List<Integer> invalid() {
    LinearCheck check = new LinearCheck(group);
    boolean wellFormed = true;
    for (Predicate<LinearCheck> p : batched) {
      wellFormed &= p.test(check);
    }
    if (wellFormed && (batched.isEmpty() || check.holds())) {
      return List.of();
    }
    List<Integer> bad = new ArrayList<>();
    for (int i = 0; i < single.size(); i++) {
      if (!single.get(i).getAsBoolean()) {
        bad.add(i);
      }
    }
    return bad;
  }

  /** Returns whether every proof in the batch is valid. */
  public boolean allValid() {
    return invalid().isEmpty();
  }
}
