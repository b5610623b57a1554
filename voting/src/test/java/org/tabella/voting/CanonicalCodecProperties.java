package org.tabella.voting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.crypto.encoding.ProtocolCodecProperties;

/**
 * Every decoder of this module accepts only canonical bytes: for arbitrary input (random bytes,
 * and valid encodings with bytes changed, cut or appended), decoding either throws the typed
 * exception or re-encodes to exactly the input.
 */
public class CanonicalCodecProperties {
  static final byte[] BALLOT = BallotCodec.encode(Fixtures.mixedBallot("fuzz", 1, 1, new int[] {0, 1, 1, 0}));
  static final byte[] ELECTION = Fixtures.MIXED.encode();

  @Property
  void ballotDecodingIsCanonical(@ForAll("ballotLike") byte[] bytes) {
    try {
      Ballot b = BallotCodec.decode(Fixtures.G, bytes);
      assertArrayEquals(bytes, BallotCodec.encode(b));
    } catch (MalformedEncodingException expected) {
      // refused with the typed exception
    }
  }

  @Property
  void electionDecodingIsCanonical(@ForAll("electionLike") byte[] bytes) {
    try {
      assertArrayEquals(bytes, ElectionParameters.decode(bytes).encode());
    } catch (MalformedEncodingException expected) {
      // refused with the typed exception
    }
  }

  @Provide
  Arbitrary<byte[]> ballotLike() {
    return mutations(BALLOT);
  }

  @Provide
  Arbitrary<byte[]> electionLike() {
    return mutations(ELECTION);
  }

  /** Random bytes, and the valid encoding with one byte changed, cut short, or extended. */
  public static Arbitrary<byte[]> mutations(byte[] valid) {
    return ProtocolCodecProperties.mutations(valid);
  }
}
