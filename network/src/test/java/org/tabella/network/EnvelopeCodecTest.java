package org.tabella.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tabella.network.transport.Pipelines;
import org.tabella.network.wire.Envelope;
import org.tabella.crypto.encoding.MalformedEncodingException;

@DisplayName("framing and the envelope codec")
class EnvelopeCodecTest {
  static final Envelope SAMPLE = new Envelope(new byte[] {1, 2, 3}, "dkg", 2, 4, 0, Envelope.MESSAGE,
      "payload".getBytes(StandardCharsets.UTF_8), new byte[] {9, 9});

  static EmbeddedChannel channel(int maxFrame) {
    EmbeddedChannel ch = new EmbeddedChannel();
    Pipelines.addFraming(ch.pipeline(), maxFrame);
    return ch;
  }

  static ByteBuf frame(byte[] body) {
    return Unpooled.buffer().writeInt(body.length).writeBytes(body);
  }

  @Test
  @DisplayName("an envelope survives encoding, framing and decoding")
  void roundTrip() {
    EmbeddedChannel out = channel(1 << 20);
    out.writeOutbound(SAMPLE);
    ByteBuf wire = Unpooled.buffer();
    for (Object o; (o = out.readOutbound()) != null; ) {
      wire.writeBytes((ByteBuf) o);
      ((ByteBuf) o).release();
    }
    EmbeddedChannel in = channel(1 << 20);
    in.writeInbound(wire);
    assertEquals(SAMPLE, in.readInbound());
  }

  @Test
  @DisplayName("a frame split into single bytes is reassembled")
  void splitFrames() {
    byte[] f = new byte[4 + SAMPLE.encode().length];
    frame(SAMPLE.encode()).readBytes(f);
    EmbeddedChannel in = channel(1 << 20);
    for (byte b : f) {
      in.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
    }
    assertEquals(SAMPLE, in.readInbound());
  }

  @Test
  @DisplayName("a frame over the limit is refused without buffering it")
  void oversized() {
    EmbeddedChannel in = channel(1024);
    ByteBuf huge = Unpooled.buffer().writeInt(1 << 30).writeBytes(new byte[100]);
    assertThrows(TooLongFrameException.class, () -> in.writeInbound(huge));
  }

  @Test
  @DisplayName("garbage and truncated envelopes are dropped, and the next good frame still decodes")
  void garbage() {
    EmbeddedChannel in = channel(1 << 20);
    in.writeInbound(frame(new byte[] {1, 2, 3, 4, 5}));
    assertNull(in.readInbound());
    byte[] good = SAMPLE.encode();
    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 3);
    in.writeInbound(frame(truncated));
    assertNull(in.readInbound());
    in.writeInbound(frame(good));
    assertEquals(SAMPLE, in.readInbound());
  }

  @Test
  @DisplayName("envelope decoding bounds every field")
  void bounds() {
    byte[] good = SAMPLE.encode();
    byte[] withTrailing = java.util.Arrays.copyOf(good, good.length + 1);
    assertThrows(MalformedEncodingException.class, () -> Envelope.decode(withTrailing));
    byte[] lying = good.clone();
    lying[0] = 0x7f; // outer length far beyond the data
    assertThrows(MalformedEncodingException.class, () -> Envelope.decode(lying));
    assertThrows(MalformedEncodingException.class, () -> Envelope.decode(new byte[0]));
  }
}
