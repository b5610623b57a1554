package org.tabella.electionguard;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.tabella.groups.Element;
import org.tabella.groups.ExpandMessage;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.modp.ModpGroup;

/**
 * The group of an ElectionGuard 2.0 record and the rules that depend on it (SPEC.md §6.1, §6.4):
 * how an element is stored and hashed, and how a hash becomes an exponent. Two are in use:
 * <ul>
 *   <li>{@link #integer4096()}: the 4096-bit baseline group; an element is its value in Z_p, hashed
 *       as 512 bytes big-endian; {@code H_q(x) = x mod q}.
 *   <li>{@link #p256()}: egk-ec's P-256 profile (in no specification); an element is its 33-byte
 *       SEC1-compressed point, the identity 33 bytes {@code FF}; {@code H_q(x)} reduces the RFC 9380
 *       {@code expand_message_xmd} (SHA-256, P-256's random-oracle suite tag, 48 bytes) of the hash.
 * </ul>
 * Records hold an element as the non-negative number whose big-endian bytes are its stored form
 * ({@link #decode(BigInteger)} and {@link #store(Element)} convert), so one record type serves both.
 */
public final class EgGroup {
  private static final byte[] P256_DST = "QUUX-V01-CS02-with-P256_XMD:SHA-256_SSWU_RO_".getBytes(StandardCharsets.US_ASCII);
  private static final EgGroup INTEGER_4096 = new EgGroup("eg-4096", Groups.named("eg-4096"), false,
      List.of("v2.0.0", "v2.0"));
  private static final EgGroup P256 = new EgGroup("P-256", Groups.named("P-256"), true, List.of("v2.1.0"));

  private final String name;
  private final Group group;
  private final boolean curve;
  private final List<String> versions;
  private final BigInteger identityStored;

  private EgGroup(String name, Group group, boolean curve, List<String> versions) {
    this.name = name;
    this.group = group;
    this.curve = curve;
    this.versions = versions;
    this.identityStored = curve ? new BigInteger(1, filled(group.elementLength(), (byte) 0xFF)) : BigInteger.ONE;
  }

  /** The 4096-bit baseline group of spec 2.0. */
  public static EgGroup integer4096() {
    return INTEGER_4096;
  }

  /** egk-ec's P-256 profile. */
  public static EgGroup p256() {
    return P256;
  }

  /** {@code eg-4096} or {@code P-256}. */
  public String name() {
    return name;
  }

  /** The group in {@code tabella-groups} (validated decoding, fixed-base tables, multi-exponentiation). */
  public Group group() {
    return group;
  }

  /** q, the order. */
  public BigInteger order() {
    return group.order();
  }

  /** Bytes of a stored and hashed element: 512, or 33. */
  public int elementLength() {
    return group.elementLength();
  }

  /** The version strings whose H_P records in this group use (egk-ec's P-256 records use "v2.1.0"). */
  public List<String> versions() {
    return versions;
  }

  /** The stored form of the identity (1, or 33 bytes FF). */
  public BigInteger identity() {
    return identityStored;
  }

  /** The element stored as {@code x}, validated (in the order-q group), or null if it is not one. */
  public Element decode(BigInteger x) {
    if (x.signum() < 0 || x.bitLength() > 8 * elementLength()) {
      return null;
    }
    if (curve && x.equals(identityStored)) {
      return group.identity();
    }
    byte[] b = EgHash.fixed(x, elementLength());
    if (curve && b[0] == 0) {
      return null; // our identity's encoding is not egk-ec's
    }
    try {
      return group.decode(b);
    } catch (InvalidEncodingException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The stored form of {@code e}. */
  public BigInteger store(Element e) {
    return new BigInteger(1, bytes(e));
  }

  /** The bytes {@code e} is hashed as. */
  public byte[] bytes(Element e) {
    if (curve && e.isIdentity()) {
      return filled(elementLength(), (byte) 0xFF);
    }
    return e.encode();
  }

  /**
   * The product of two stored elements, stored; null if either is not an element (for Z_p, not in
   * 1..p−1: subgroup membership is checked where the element is read, steps 2 and 4).
   */
  public BigInteger multiply(BigInteger a, BigInteger b) {
    if (!curve) {
      BigInteger p = ((ModpGroup) group).parameters().p();
      boolean inRange = a.signum() > 0 && b.signum() > 0 && a.compareTo(p) < 0 && b.compareTo(p) < 0;
      return inRange ? a.multiply(b).mod(p) : null;
    }
    Element x = decode(a);
    Element y = decode(b);
    return x == null || y == null ? null : store(x.mul(y));
  }

  /** H_q(key; message) under this group's rule. */
  public BigInteger hq(byte[] key, byte[] message) {
    byte[] h = EgHash.h(key, message);
    if (curve) {
      h = ExpandMessage.xmd("SHA-256", h, P256_DST, 48);
    }
    return new BigInteger(1, h).mod(order());
  }

  private static byte[] filled(int n, byte v) {
    byte[] b = new byte[n];
    Arrays.fill(b, v);
    return b;
  }

  @Override
  public String toString() {
    return "ElectionGuard group " + name;
  }
}
