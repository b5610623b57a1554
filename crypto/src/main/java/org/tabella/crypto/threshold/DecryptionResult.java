package org.tabella.crypto.threshold;

import java.util.List;
import org.tabella.groups.Element;

/**
 * The outcome of combining decryption shares.
 *
 * @param plaintextElement g^m
 * @param usedTrustees the k trustees whose shares were combined
 * @param rejected the shares that were skipped, with the reason
 */
public record DecryptionResult(Element plaintextElement, List<Integer> usedTrustees, List<RejectedShare> rejected) {
  /** Copies the lists. */
  public DecryptionResult {
    usedTrustees = List.copyOf(usedTrustees);
    rejected = List.copyOf(rejected);
  }
}
