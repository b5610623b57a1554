package org.tabella.crypto.signatures;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;

/**
 * ECDSA P-256 with SHA-256 (SPEC.md §3.2), on Bouncy Castle's custom P-256 arithmetic, with
 * deterministic nonces (RFC 6979) and canonical signatures: 64 bytes {@code r ‖ s}, big-endian,
 * with {@code s ≤ n/2} (a signer producing a high {@code s} replaces it by {@code n − s};
 * verification refuses a high {@code s}), so every signed message has exactly one valid signature.
 * Used for network envelopes and for key-ceremony confirmations in election records.
 */
public final class EcdsaP256 {
  private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
  private static final ECDomainParameters DOMAIN = new ECDomainParameters(P256.getCurve(), P256.getG(),
      P256.getN(), P256.getH());
  private static final BigInteger HALF_N = P256.getN().shiftRight(1);

  private EcdsaP256() {}

  /** Signs SHA-256({@code data}) with private scalar {@code d} (1 ≤ d < n). */
  public static byte[] sign(BigInteger d, byte[] data) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(d, DOMAIN));
    BigInteger[] rs = signer.generateSignature(sha256(data));
    BigInteger s = rs[1].compareTo(HALF_N) > 0 ? P256.getN().subtract(rs[1]) : rs[1];
    byte[] out = new byte[64];
    put(rs[0], out, 0);
    put(s, out, 32);
    return out;
  }

  /**
   * Returns whether {@code signature} is the canonical signature of {@code data} under the public
   * key with affine coordinates (x, y); false for an invalid point, a malformed or high-s signature.
   */
  public static boolean verify(BigInteger x, BigInteger y, byte[] data, byte[] signature) {
    ECPoint q;
    try {
      q = P256.getCurve().validatePoint(x, y);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return verify(q, data, signature);
  }

  /** Like {@link #verify(BigInteger, BigInteger, byte[], byte[])}, the key as a SEC1 encoding (33 or 65 bytes). */
  public static boolean verify(byte[] sec1PublicKey, byte[] data, byte[] signature) {
    ECPoint q;
    try {
      q = P256.getCurve().decodePoint(sec1PublicKey);
      if (q.isInfinity() || !q.isValid()) {
        return false;
      }
    } catch (IllegalArgumentException e) {
      return false;
    }
    return verify(q, data, signature);
  }

  /** The compressed SEC1 encoding (33 bytes) of the public key (x, y). */
  public static byte[] encodePublicKey(BigInteger x, BigInteger y) {
    return P256.getCurve().validatePoint(x, y).getEncoded(true);
  }

  private static boolean verify(ECPoint q, byte[] data, byte[] signature) {
    if (signature == null || signature.length != 64) {
      return false;
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    if (r.signum() == 0 || s.signum() == 0 || s.compareTo(HALF_N) > 0) {
      return false;
    }
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(q, DOMAIN));
    return verifier.verifySignature(sha256(data), r, s);
  }

  private static byte[] sha256(byte[] data) {
    SHA256Digest d = new SHA256Digest();
    d.update(data, 0, data.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  private static void put(BigInteger v, byte[] out, int off) {
    byte[] b = v.toByteArray();
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, out, off + 32 - n, n);
  }
}
