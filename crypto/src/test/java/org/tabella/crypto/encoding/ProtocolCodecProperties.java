package org.tabella.crypto.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tabella.crypto.dkg.ComplaintBroadcast;
import org.tabella.crypto.dkg.DkgParameters;
import org.tabella.crypto.dkg.DkgParty;
import org.tabella.crypto.dkg.RevealBroadcast;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.ElGamal;
import org.tabella.crypto.threshold.JointBlinding;
import org.tabella.crypto.threshold.ThresholdDecryption;
import org.tabella.crypto.threshold.TrustedDealer;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;

/**
 * Every protocol decoder accepts only canonical bytes: for random bytes and for valid messages
 * with a byte changed, cut or appended, decoding throws {@link MalformedEncodingException} or
 * re-encodes to exactly the input.
 */
public class ProtocolCodecProperties {
  static final Group G = Groups.named("ristretto255");
  static final DkgParty.Dealing DEALING = new DkgParty(new DkgParameters(G, 3, 2,
      "codec".getBytes(StandardCharsets.UTF_8)), 1).deal();
  static final TrustedDealer.Dealt DEALT = TrustedDealer.deal(G, 3, 2);
  static final Ciphertext CT = ElGamal.encrypt(DEALT.key().publicKey(), 1);

  static final byte[] DEALER = ProtocolCodec.encode(DEALING.broadcast());
  static final byte[] PRIVATE = ProtocolCodec.encode(DEALING.privateShares().get(0));
  static final byte[] COMPLAINT = ProtocolCodec.encode(new ComplaintBroadcast(2, List.of(1, 3),
      java.util.Map.of(1, new byte[32], 3, new byte[32])));
  static final byte[] REVEAL = ProtocolCodec.encode(new RevealBroadcast(1, java.util.Map.of(2, G.scalar(5), 3, G.scalar(7))));
  static final byte[] SHARE = ProtocolCodec.encode(ThresholdDecryption.share(DEALT.shares().get(0), CT, new byte[] {1}));
  static final byte[] STEP = ProtocolCodec.encode(JointBlinding.blind(1, CT, new byte[] {1}));
  static final byte[] CIPHERTEXT = ProtocolCodec.encode(CT);

  @Property
  void dealerBroadcasts(@ForAll("dealer") byte[] b) {
    try {
      assertArrayEquals(b, ProtocolCodec.encode(ProtocolCodec.decodeDealerBroadcast(G, 2, b)));
    } catch (MalformedEncodingException expected) {
      // refused
    }
  }

  @Property
  void privateShares(@ForAll("privateShare") byte[] b) {
    try {
      assertArrayEquals(b, ProtocolCodec.encode(ProtocolCodec.decodePrivateShare(G, b)));
    } catch (MalformedEncodingException expected) {
      // refused
    }
  }

  @Property
  void complaints(@ForAll("complaint") byte[] b) {
    try {
      assertArrayEquals(b, ProtocolCodec.encode(ProtocolCodec.decodeComplaint(b)));
    } catch (MalformedEncodingException expected) {
      // refused
    }
  }

  @Property
  void reveals(@ForAll("reveal") byte[] b) {
    try {
      assertArrayEquals(b, ProtocolCodec.encode(ProtocolCodec.decodeReveal(G, b)));
    } catch (MalformedEncodingException expected) {
      // refused
    }
  }

  @Property
  void decryptionShares(@ForAll("share") byte[] b) {
    try {
      assertArrayEquals(b, ProtocolCodec.encode(ProtocolCodec.decodeDecryptionShare(G, b)));
    } catch (MalformedEncodingException expected) {
      // refused
    }
  }

  @Property
  void blindingSteps(@ForAll("step") byte[] b) {
    try {
      assertArrayEquals(b, ProtocolCodec.encode(ProtocolCodec.decodeBlindingStep(G, CT, b)));
    } catch (MalformedEncodingException expected) {
      // refused
    }
  }

  @Property
  void ciphertexts(@ForAll("ciphertext") byte[] b) {
    try {
      assertArrayEquals(b, ProtocolCodec.encode(ProtocolCodec.decodeCiphertext(G, b)));
    } catch (MalformedEncodingException expected) {
      // refused
    }
  }

  @Provide
  Arbitrary<byte[]> dealer() {
    return mutations(DEALER);
  }

  @Provide
  Arbitrary<byte[]> privateShare() {
    return mutations(PRIVATE);
  }

  @Provide
  Arbitrary<byte[]> complaint() {
    return mutations(COMPLAINT);
  }

  @Provide
  Arbitrary<byte[]> reveal() {
    return mutations(REVEAL);
  }

  @Provide
  Arbitrary<byte[]> share() {
    return mutations(SHARE);
  }

  @Provide
  Arbitrary<byte[]> step() {
    return mutations(STEP);
  }

  @Provide
  Arbitrary<byte[]> ciphertext() {
    return mutations(CIPHERTEXT);
  }

  /** Random bytes, and the valid encoding with one byte changed, cut short, or extended. */
  public static Arbitrary<byte[]> mutations(byte[] valid) {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(valid.length + 8);
    Arbitrary<byte[]> changed = Arbitraries.integers().between(0, valid.length - 1).flatMap(i ->
        Arbitraries.bytes().map(v -> {
          byte[] b = valid.clone();
          b[i] = v;
          return b;
        }));
    Arbitrary<byte[]> cut = Arbitraries.integers().between(0, valid.length).map(n -> Arrays.copyOf(valid, n));
    Arbitrary<byte[]> extended = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8).map(tail -> {
      byte[] b = Arrays.copyOf(valid, valid.length + tail.length);
      System.arraycopy(tail, 0, b, valid.length, tail.length);
      return b;
    });
    return Arbitraries.oneOf(random, changed, cut, extended, Arbitraries.just(valid.clone()));
  }
}
