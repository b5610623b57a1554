package org.tabella.crypto.threshold;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.tabella.crypto.encoding.ByteReader;
import org.tabella.crypto.encoding.ByteWriter;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.groups.Group;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.Scalar;
import org.tabella.groups.SecretScalar;

/**
 * A trustee's key share sealed at rest under a passphrase (SPEC.md §2.11): Argon2id (RFC 9106,
 * Bouncy Castle) derives a 256-bit key from the passphrase and a fresh 16-byte salt; AES-256-GCM
 * with a fresh 12-byte nonce encrypts the share, authenticating the whole public header — format,
 * KDF parameters, salt, nonce, group, trustee and the election key's fingerprint — so a wrong
 * passphrase and any altered byte fail alike, with one clear error and nothing decrypted. The
 * header can be read without the passphrase ({@link #header}).
 *
 * <pre>
 * sealed = LP("tabella-sealed-share-v1") ‖ header ‖ LP(ciphertext ‖ tag)
 * header = I2OSP(memory KiB,4) ‖ I2OSP(iterations,4) ‖ I2OSP(parallelism,4) ‖ LP(salt) ‖ LP(nonce)
 *          ‖ LP(group name) ‖ I2OSP(trustee,4) ‖ LP(SHA-256(encode(joint public key)))
 * plaintext = LP(encode(x_i))        AAD = LP("tabella-sealed-share-v1") ‖ header
 * </pre>
 */
public final class SealedKeyShare {
  static final String FORMAT = "tabella-sealed-share-v1";

  /**
   * Argon2id cost.
   *
   * @param memoryKiB memory in KiB (at least 1024, at most 4 GiB)
   * @param iterations passes (1..64)
   * @param parallelism lanes (1..16)
   */
  public record Cost(int memoryKiB, int iterations, int parallelism) {
    /** Checks the bounds (a file asking for more than 4 GiB or 64 passes is refused, not attempted). */
    public Cost {
      if (memoryKiB < 1024 || memoryKiB > (4 << 20) || iterations < 1 || iterations > 64 || parallelism < 1
          || parallelism > 16 || memoryKiB < 8 * parallelism) {
        throw new IllegalArgumentException("Argon2id cost out of range: " + memoryKiB + " KiB, " + iterations
            + " passes, " + parallelism + " lanes");
      }
    }

    /** The default: 64 MiB, 3 passes, 1 lane (RFC 9106's second recommended option). */
    public static Cost standard() {
      return new Cost(64 << 10, 3, 1);
    }
  }

  /**
   * What anyone can read from a sealed share without the passphrase.
   *
   * @param cost the KDF cost
   * @param group the group's name
   * @param trustee the trustee's index
   * @param keyFingerprint SHA-256 of the joint public key's encoding
   */
  public record Header(Cost cost, String group, int trustee, byte[] keyFingerprint) {
    /** Copies. */
    public Header {
      keyFingerprint = keyFingerprint.clone();
    }

    @Override
    public byte[] keyFingerprint() {
      return keyFingerprint.clone();
    }
  }

  /** A wrong passphrase or an altered file: the two cannot be told apart, by design. */
  public static final class UnsealException extends Exception {
    private static final long serialVersionUID = 1L;

    UnsealException(String message) {
      super(message);
    }
  }

  private SealedKeyShare() {}

  /** SHA-256 of the joint public key's encoding: what a sealed share names its election key by. */
  public static byte[] fingerprint(ThresholdKey key) {
    return sha256(key.publicKey().element().encode());
  }

  /**
   * Seals {@code share} of {@code key} under {@code passphrase}.
   *
   * @throws IllegalArgumentException if the share is not the key's (its g^x is not the trustee's
   *     verification key)
   */
  public static byte[] seal(KeyShare share, ThresholdKey key, char[] passphrase, Cost cost) {
    Objects.requireNonNull(passphrase, "passphrase");
    requireBelongs(share, key);
    SecureRandom rng = new SecureRandom();
    byte[] salt = new byte[16];
    byte[] nonce = new byte[12];
    rng.nextBytes(salt);
    rng.nextBytes(nonce);
    byte[] aad = aad(cost, salt, nonce, share.group().name(), share.index(), fingerprint(key));
    byte[] plain = new ByteWriter().writeBytes(share.value().reveal().encode()).toByteArray();
    byte[] k = derive(passphrase, salt, cost);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"), new GCMParameterSpec(128, nonce));
      c.updateAAD(aad);
      byte[] sealed = c.doFinal(plain);
      return new ByteWriter().writeRaw(aad).writeBytes(sealed).toByteArray();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM unavailable", e);
    } finally {
      Arrays.fill(k, (byte) 0);
      Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * Reads the public header.
   *
   * @throws MalformedEncodingException if the bytes are not a sealed share
   */
  public static Header header(byte[] sealed) throws MalformedEncodingException {
    return parse(sealed).header;
  }

  /**
   * Opens a sealed share and checks it against the election key.
   *
   * @throws MalformedEncodingException if the bytes are not a sealed share
   * @throws UnsealException for a wrong passphrase or an altered file
   * @throws IllegalArgumentException if the share is for another group, key or trustee set
   */
  public static KeyShare unseal(byte[] sealed, ThresholdKey key, char[] passphrase)
      throws MalformedEncodingException, UnsealException {
    Parsed p = parse(sealed);
    Group g = key.publicKey().group();
    if (!p.header.group().equals(g.name())) {
      throw new IllegalArgumentException("the share is for group " + p.header.group() + ", the key is on " + g.name());
    }
    if (!MessageDigest.isEqual(p.header.keyFingerprint(), fingerprint(key))) {
      throw new IllegalArgumentException("the share is for another election key");
    }
    if (!key.verificationKeys().containsKey(p.header.trustee())) {
      throw new IllegalArgumentException("the key has no trustee " + p.header.trustee());
    }
    byte[] k = derive(passphrase, p.salt, p.header.cost());
    byte[] plain = null;
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k, "AES"), new GCMParameterSpec(128, p.nonce));
      c.updateAAD(p.aad);
      plain = c.doFinal(p.ciphertext);
      ByteReader r = new ByteReader(plain);
      Scalar x = g.decodeScalar(r.readBytes(g.scalarLength()));
      r.end();
      KeyShare share = new KeyShare(g, p.header.trustee(), SecretScalar.of(x));
      requireBelongs(share, key);
      return share;
    } catch (AEADBadTagException e) {
      throw new UnsealException("cannot open the sealed key share: wrong passphrase, or the file was altered");
    } catch (InvalidEncodingException | MalformedEncodingException e) {
      // Authenticated, so written by someone holding the passphrase: still refused, without detail.
      throw new UnsealException("the sealed key share holds no valid scalar");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM unavailable", e);
    } finally {
      Arrays.fill(k, (byte) 0);
      if (plain != null) {
        Arrays.fill(plain, (byte) 0);
      }
    }
  }

  private record Parsed(Header header, byte[] salt, byte[] nonce, byte[] aad, byte[] ciphertext) {}

  private static Parsed parse(byte[] sealed) throws MalformedEncodingException {
    ByteReader r = new ByteReader(sealed);
    if (!FORMAT.equals(r.readString(64))) {
      throw new MalformedEncodingException("not a " + FORMAT + " file");
    }
    int memory = r.readInt();
    int iterations = r.readInt();
    int parallelism = r.readInt();
    byte[] salt = r.readBytes(16);
    byte[] nonce = r.readBytes(12);
    String group = r.readString(64);
    int trustee = r.readInt();
    byte[] fp = r.readBytes(32);
    int headerEnd = sealed.length - r.remaining();
    byte[] ciphertext = r.readBytes(1024);
    r.end();
    if (salt.length != 16 || nonce.length != 12 || fp.length != 32 || trustee < 1 || ciphertext.length < 16) {
      throw new MalformedEncodingException("a sealed share has a 16-byte salt, a 12-byte nonce, a 32-byte key"
          + " fingerprint, a positive trustee index and a tagged ciphertext");
    }
    Cost cost;
    try {
      cost = new Cost(memory, iterations, parallelism);
    } catch (IllegalArgumentException e) {
      throw new MalformedEncodingException(e.getMessage());
    }
    return new Parsed(new Header(cost, group, trustee, fp), salt, nonce, Arrays.copyOf(sealed, headerEnd), ciphertext);
  }

  private static byte[] aad(Cost cost, byte[] salt, byte[] nonce, String group, int trustee, byte[] fingerprint) {
    return new ByteWriter().writeString(FORMAT).writeInt(cost.memoryKiB()).writeInt(cost.iterations())
        .writeInt(cost.parallelism()).writeBytes(salt).writeBytes(nonce).writeString(group).writeInt(trustee)
        .writeBytes(fingerprint).toByteArray();
  }

  private static byte[] derive(char[] passphrase, byte[] salt, Cost cost) {
    ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
    byte[] pw = new byte[b.remaining()];
    b.get(pw);
    if (b.hasArray()) {
      Arrays.fill(b.array(), (byte) 0);
    }
    try {
      Argon2BytesGenerator gen = new Argon2BytesGenerator();
      gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
          .withMemoryAsKB(cost.memoryKiB()).withIterations(cost.iterations()).withParallelism(cost.parallelism())
          .withSalt(salt).build());
      byte[] k = new byte[32];
      gen.generateBytes(pw, k);
      return k;
    } finally {
      Arrays.fill(pw, (byte) 0);
    }
  }

  private static void requireBelongs(KeyShare share, ThresholdKey key) {
    var vk = key.verificationKeys().get(share.index());
    if (vk == null || !share.group().equals(key.publicKey().group())
        || !share.group().generatorTable().exp(share.value().reveal()).equals(vk)) {
      throw new IllegalArgumentException("this key share does not belong to this election key (trustee "
          + share.index() + ")");
    }
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
