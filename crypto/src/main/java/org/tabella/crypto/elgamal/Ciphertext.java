package org.tabella.crypto.elgamal;

import java.util.Arrays;
import java.util.Objects;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.Scalar;

/**
 * An exponential ElGamal ciphertext (a, b) = (g^r, h^r·g^m). Multiplying ciphertexts adds
 * plaintexts. Encoding: {@code encode(a) ‖ encode(b)} (SPEC.md §2.5).
 *
 * @param a g^r
 * @param b h^r·g^m
 */
public record Ciphertext(Element a, Element b) {

  /** Checks both components are present and of one group. */
  public Ciphertext {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (!a.group().equals(b.group())) {
      throw new IllegalArgumentException("ciphertext components of different groups");
    }
  }

  /** Returns the group. */
  public Group group() {
    return a.group();
  }

  /** Returns the encryption of the sum of both plaintexts. */
  public Ciphertext add(Ciphertext other) {
    return new Ciphertext(a.mul(other.a), b.mul(other.b));
  }

  /** Returns the encryption of {@code k} times the plaintext. */
  public Ciphertext multiply(Scalar k) {
    return new Ciphertext(a.expPublic(k), b.expPublic(k));
  }

  /** Returns the encryption of zero with nonce 0: the neutral element of {@link #add}. */
  public static Ciphertext zero(Group group) {
    return new Ciphertext(group.identity(), group.identity());
  }

  /** Returns {@code encode(a) ‖ encode(b)}. */
  public byte[] encode() {
    byte[] ea = a.encode();
    byte[] eb = b.encode();
    byte[] out = Arrays.copyOf(ea, ea.length + eb.length);
    System.arraycopy(eb, 0, out, ea.length, eb.length);
    return out;
  }

  /**
   * Decodes and validates both components (either may be the identity: sums and blinded values
   * can legitimately be; ballots check for that themselves).
   *
   * @throws InvalidEncodingException for a wrong length or an invalid element
   */
  public static Ciphertext decode(Group group, byte[] bytes) throws InvalidEncodingException {
    int n = group.elementLength();
    if (bytes.length != 2 * n) {
      throw new InvalidEncodingException("ciphertext must be " + 2 * n + " bytes, got " + bytes.length);
    }
    return new Ciphertext(group.decode(Arrays.copyOfRange(bytes, 0, n)),
        group.decode(Arrays.copyOfRange(bytes, n, 2 * n)));
  }
}
