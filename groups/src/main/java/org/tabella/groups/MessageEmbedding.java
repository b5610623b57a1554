package org.tabella.groups;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.tabella.groups.decaf.Decaf448Group;
import org.tabella.groups.ec.EcGroup;
import org.tabella.groups.internal.Bytes;
import org.tabella.groups.modp.ModpGroup;
import org.tabella.groups.ristretto.Ristretto255Group;

/**
 * An injective map from short byte strings to elements of one group, and back (SPEC.md §1.7), for
 * ElGamal encryption of messages rather than of small counts. {@link #embed} maps each message of
 * at most {@link #capacity()} bytes to one element, and {@code extract(embed(m)) = m}. An element
 * that is not an embedding is refused unless its encoding happens to have the embedded layout
 * (about one element in 2^11 does): like any ElGamal decryption of a ciphertext nobody made from a
 * message, that gives some message. Per group:
 * <ul>
 *   <li>mod-p groups with a safe prime p = 2q + 1 (the subgroup is the quadratic residues):
 *       x = OS2IP(0x02 ‖ m), so 2 ≤ x ≤ q (never the identity 1), and the element is x if x is a
 *       residue, else p − x (exactly one of them is, as −1 is not a residue mod p ≡ 3 mod 4);</li>
 *   <li>P-256, P-384, secp256k1: try-and-increment on x, x = I2OSP(len(m), 1) ‖ m ‖ 0… ‖ counter
 *       (field-size bytes), the first counter 0..255 that gives a point, with even y;</li>
 *   <li>ristretto255, decaf448: try-and-increment on the canonical encoding itself,
 *       {@code 2·c0 ‖ c1 ‖ len(m) ‖ m ‖ 0…} (the last byte 0), the first counter (c0, c1) from
 *       (1, 0) upwards whose bytes decode.</li>
 * </ul>
 * Mod-p groups with a cofactor above 2 (RFC 5114, ElectionGuard's) have no such map here: the
 * residue trick does not reach their subgroup, and {@link #forGroup} refuses them. The curve and
 * encoding methods take a number of attempts that depends on the message (about 2 on curves,
 * about 4–8 on ristretto255 and decaf448): their timing reveals that number, not the message's
 * bytes, and the mod-p method uses {@code BigInteger}, which is not constant-time.
 */
public final class MessageEmbedding {
  private enum Method { SAFE_PRIME_RESIDUE, CURVE_X, ENCODING }

  private final Group group;
  private final Method method;
  private final int capacity;
  private final BigInteger p;
  private final BigInteger q;

  private MessageEmbedding(Group group, Method method, int capacity, BigInteger p, BigInteger q) {
    this.group = group;
    this.method = method;
    this.capacity = capacity;
    this.p = p;
    this.q = q;
  }

  /**
   * The embedding for {@code group}.
   *
   * @throws UnsupportedOperationException for a mod-p group whose p is not a safe prime
   */
  public static MessageEmbedding forGroup(Group group) {
    Objects.requireNonNull(group, "group");
    if (group instanceof Ristretto255Group || group instanceof Decaf448Group) {
      return new MessageEmbedding(group, Method.ENCODING, group.elementLength() - 4, null, null);
    }
    if (group instanceof EcGroup) {
      return new MessageEmbedding(group, Method.CURVE_X, group.elementLength() - 3, null, null);
    }
    if (group instanceof ModpGroup m && m.parameters().isSafePrime()) {
      BigInteger q = m.parameters().q();
      // OS2IP(0x02 ‖ m) < 2^(8·len + 2) ≤ q when 8·len + 2 < bitlen(q)
      return new MessageEmbedding(group, Method.SAFE_PRIME_RESIDUE, (q.bitLength() - 3) / 8, m.parameters().p(), q);
    }
    throw new UnsupportedOperationException("no message embedding for " + group.name()
        + ": only ristretto255, decaf448, the curves and mod-p groups with a safe prime have one");
  }

  /** Whether {@link #forGroup} supports {@code group}. */
  public static boolean isSupported(Group group) {
    try {
      forGroup(group);
      return true;
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  /** The group. */
  public Group group() {
    return group;
  }

  /** The longest message, in bytes. */
  public int capacity() {
    return capacity;
  }

  /**
   * The element that stands for {@code message}.
   *
   * @throws IllegalArgumentException if the message is longer than {@link #capacity()}
   */
  public Element embed(byte[] message) {
    Objects.requireNonNull(message, "message");
    if (message.length > capacity) {
      throw new IllegalArgumentException("a message of " + message.length + " bytes is over the capacity of "
          + group.name() + " (" + capacity + " bytes)");
    }
    switch (method) {
      case SAFE_PRIME_RESIDUE: {
        byte[] prefixed = new byte[message.length + 1];
        prefixed[0] = 2;
        System.arraycopy(message, 0, prefixed, 1, message.length);
        BigInteger x = new BigInteger(1, prefixed);
        BigInteger y = x.modPow(q, p).equals(BigInteger.ONE) ? x : p.subtract(x);
        return decodeOrFail(Bytes.toFixedLength(y, group.elementLength()));
      }
      case CURVE_X: {
        int fieldBytes = group.elementLength() - 1;
        byte[] enc = new byte[group.elementLength()];
        enc[0] = 0x02;
        enc[1] = (byte) message.length;
        System.arraycopy(message, 0, enc, 2, message.length);
        for (int counter = 0; counter < 256; counter++) {
          enc[fieldBytes] = (byte) counter;
          Element e = tryDecode(enc);
          if (e != null) {
            return e;
          }
        }
        throw new IllegalStateException("no curve point found for the message (probability 2^-256)");
      }
      default: {
        byte[] enc = new byte[group.elementLength()];
        enc[2] = (byte) message.length;
        System.arraycopy(message, 0, enc, 3, message.length);
        for (int counter = 1; counter < 1 << 15; counter++) {
          enc[0] = (byte) ((counter & 0x7f) << 1);
          enc[1] = (byte) (counter >>> 7);
          Element e = tryDecode(enc);
          if (e != null) {
            return e;
          }
        }
        throw new IllegalStateException("no encoding found for the message");
      }
    }
  }

  /**
   * The message {@code e} stands for.
   *
   * @throws InvalidEncodingException if {@code e} is not an embedded message of this group
   */
  public byte[] extract(Element e) throws InvalidEncodingException {
    Objects.requireNonNull(e, "element");
    if (!e.group().equals(group)) {
      throw new IllegalArgumentException("element of " + e.group().name() + " given to the embedding of " + group.name());
    }
    byte[] enc = e.encode();
    switch (method) {
      case SAFE_PRIME_RESIDUE: {
        BigInteger y = new BigInteger(1, enc);
        BigInteger x = y.compareTo(q) <= 0 ? y : p.subtract(y);
        byte[] b = x.toByteArray();
        int start = b[0] == 0 ? 1 : 0;
        if (b.length - start < 1 || b[start] != 2 || b.length - start - 1 > capacity) {
          throw new InvalidEncodingException("not an embedded message of " + group.name());
        }
        return Arrays.copyOfRange(b, start + 1, b.length);
      }
      case CURVE_X: {
        int length = enc[1] & 0xff;
        if (enc[0] == 0 || length > capacity || !zero(enc, 2 + length, enc.length - 1)) {
          throw new InvalidEncodingException("not an embedded message of " + group.name());
        }
        return Arrays.copyOfRange(enc, 2, 2 + length);
      }
      default: {
        int length = enc[2] & 0xff;
        if ((enc[0] == 0 && enc[1] == 0) || length > capacity || !zero(enc, 3 + length, enc.length)) {
          throw new InvalidEncodingException("not an embedded message of " + group.name());
        }
        return Arrays.copyOfRange(enc, 3, 3 + length);
      }
    }
  }

  private static boolean zero(byte[] b, int from, int to) {
    int acc = 0;
    for (int i = from; i < to; i++) {
      acc |= b[i];
    }
    return acc == 0;
  }

  private Element tryDecode(byte[] enc) {
    try {
      return group.decode(enc);
    } catch (InvalidEncodingException e) {
      return null;
    }
  }

  private Element decodeOrFail(byte[] enc) {
    try {
      return group.decode(enc);
    } catch (InvalidEncodingException e) {
      throw new IllegalStateException("the embedding produced a non-member", e);
    }
  }
}
