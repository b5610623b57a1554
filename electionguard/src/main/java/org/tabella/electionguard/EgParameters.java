package org.tabella.electionguard;

import java.math.BigInteger;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.groups.modp.ModpGroup;

/**
 * The group of an ElectionGuard 2.0 record: p, q, g (and r) as its {@code constants.json} states
 * them, which must be the standard 4096-bit baseline parameters ({@code eg-4096} in
 * {@code tabella-groups}), and the parameter base hash {@code H_P = H(ver; 0x00 ‖ p ‖ q ‖ g)} under
 * each of the two version strings in use for "2.0" ({@link EgGroup#versions()}).
 *
 * @param p the large prime
 * @param q the small prime
 * @param g the generator
 */
public record EgParameters(BigInteger p, BigInteger q, BigInteger g) implements EgConstants {
  /** The standard parameters, from {@code tabella-groups}. */
  public static EgParameters standard() {
    var s = ((ModpGroup) Groups.named("eg-4096")).parameters();
    return new EgParameters(s.p(), s.q(), s.g());
  }

  /** The group in {@code tabella-groups} (validated decoding, fixed-base tables, multi-exponentiation). */
  public static Group modpGroup() {
    return Groups.named("eg-4096");
  }

  @Override
  public EgGroup group() {
    return EgGroup.integer4096();
  }

  /** Whether these are the standard baseline parameters. */
  @Override
  public boolean isStandard() {
    return equals(standard());
  }

  /** H_P under {@code version}. */
  @Override
  public byte[] parameterBaseHash(String version) {
    return EgHash.h(EgHash.versionKey(version), new EgHash.Message(0x00).number(p, 512).number(q, 32).number(g, 512)
        .toByteArray());
  }
}
