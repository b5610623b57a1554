package org.tabella.network;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.network.wire.CryptoWire;
import org.tabella.network.wire.Envelope;
import org.tabella.network.wire.InvalidMessageException;

/**
 * Fuzzes the frame and message decoders: whatever the bytes, only {@link InvalidMessageException}
 * escapes. Tries: {@code jqwik.tries.default} (a million with {@code -Pfuzz}).
 */
class DecoderFuzzProperties {
  static final Group G = Groups.named("ristretto255");

  @Property
  void envelopes(@ForAll @Size(max = 300) byte[] bytes) {
    try {
      Envelope e = Envelope.decode(bytes);
      Envelope.decode(e.encode());
    } catch (InvalidMessageException expected) {
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
      Envelope.decode(b);
    } catch (InvalidMessageException expected) {
      // documented outcome
    }
  }

  @Property
  void protocolMessages(@ForAll @Size(max = 400) byte[] bytes) {
    try {
      CryptoWire.decodeDealerBroadcast(G, bytes);
    } catch (InvalidMessageException expected) {
      // documented outcome
    }
    try {
      CryptoWire.decodePrivateShare(G, bytes);
    } catch (InvalidMessageException expected) {
      // documented outcome
    }
    try {
      CryptoWire.decodeComplaint(bytes);
    } catch (InvalidMessageException expected) {
      // documented outcome
    }
    try {
      CryptoWire.decodeReveal(G, bytes);
    } catch (InvalidMessageException expected) {
      // documented outcome
    }
    try {
      CryptoWire.decodeDecryptionShare(G, bytes);
    } catch (InvalidMessageException expected) {
      // documented outcome
    }
  }
}
