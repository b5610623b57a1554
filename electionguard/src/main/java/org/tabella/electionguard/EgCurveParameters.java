package org.tabella.electionguard;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * A curve's constants as egk-ec states them ({@code constants.json}, type {@code EllipticCurve}),
 * which must be NIST P-256's, and egk-ec's parameter base hash
 * {@code H_P = H(ver; 0x00 ‖ a ‖ b ‖ p ‖ G.x ‖ G.y ‖ h)}, each 32 bytes big-endian.
 *
 * @param a the curve coefficient a
 * @param b the curve coefficient b
 * @param p the field prime
 * @param n the group order
 * @param gx the generator's x
 * @param gy the generator's y
 * @param h the cofactor
 */
public record EgCurveParameters(BigInteger a, BigInteger b, BigInteger p, BigInteger n, BigInteger gx, BigInteger gy,
    BigInteger h) implements EgConstants {

  /** P-256's constants (from Bouncy Castle). */
  public static EgCurveParameters p256() {
    X9ECParameters x = CustomNamedCurves.getByName("secp256r1");
    var g = x.getG().normalize();
    return new EgCurveParameters(x.getCurve().getA().toBigInteger(), x.getCurve().getB().toBigInteger(),
        x.getCurve().getField().getCharacteristic(), x.getN(), g.getAffineXCoord().toBigInteger(),
        g.getAffineYCoord().toBigInteger(), x.getH());
  }

  @Override
  public boolean isStandard() {
    return equals(p256());
  }

  @Override
  public EgGroup group() {
    return EgGroup.p256();
  }

  @Override
  public byte[] parameterBaseHash(String version) {
    return EgHash.h(EgHash.versionKey(version), new EgHash.Message(0x00).number(a, 32).number(b, 32).number(p, 32)
        .number(gx, 32).number(gy, 32).number(h, 32).toByteArray());
  }
}
