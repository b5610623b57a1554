package org.tabella.network;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.crypto.encoding.ProtocolCodec;
import org.tabella.network.wire.Envelope;
import org.tabella.crypto.encoding.MalformedEncodingException;

/**
 * Fuzzes the envelope and message decoders: whatever the bytes, only {@link MalformedEncodingException}
 * escapes, and what decodes re-encodes to exactly the input (canonical). Tries: {@code jqwik.tries.default} (a million with {@code -Pfuzz}).
 */
class DecoderFuzzProperties {
  static final Group G = Groups.named("ristretto255");

  @Property
  void envelopes(@ForAll @Size(max = 300) byte[] bytes) {
    try {
      org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, Envelope.decode(bytes).encode());
    } catch (MalformedEncodingException expected) {
      // documented outcome
    }
  }

  @Property
  void mutatedEnvelopes(@ForAll long seed, @ForAll @Size(min = 1, max = 4) byte[] xors) throws Exception {
    java.util.Random r = new java.util.Random(seed);
    byte[] b = EnvelopeCodecTest.SAMPLE.encode();
    for (byte x : xors) {
      b[r.nextInt(b.length)] ^= (byte) (x == 0 ? 1 : x);
    }
    try {
      org.junit.jupiter.api.Assertions.assertArrayEquals(b, Envelope.decode(b).encode(), "canonical");
    } catch (MalformedEncodingException expected) {
      // documented outcome
    }
  }

  @Property
  void protocolMessages(@ForAll @Size(max = 400) byte[] bytes) {
    try {
      ProtocolCodec.decodeDealerBroadcast(G, 2, bytes);
    } catch (MalformedEncodingException expected) {
      // documented outcome
    }
    try {
      ProtocolCodec.decodePrivateShare(G, bytes);
    } catch (MalformedEncodingException expected) {
      // documented outcome
    }
    try {
      ProtocolCodec.decodeComplaint(bytes);
    } catch (MalformedEncodingException expected) {
      // documented outcome
    }
    try {
      ProtocolCodec.decodeReveal(G, bytes);
    } catch (MalformedEncodingException expected) {
      // documented outcome
    }
    try {
      ProtocolCodec.decodeDecryptionShare(G, bytes);
    } catch (MalformedEncodingException expected) {
      // documented outcome
    }
  }
}
