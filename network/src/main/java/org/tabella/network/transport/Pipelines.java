package org.tabella.network.transport;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;

/**
 * The framing layer shared by both ends: a 4-byte big-endian length prefix and a hard maximum
 * frame size; a longer frame is refused without being buffered.
 */
public final class Pipelines {
  /** Largest frame accepted: 16 MiB. */
  public static final int MAX_FRAME = 16 << 20;

  private Pipelines() {}

  /** Adds framing and the envelope codec after whatever is already in the pipeline (TLS). */
  public static void addFraming(ChannelPipeline p, int maxFrame) {
    p.addLast("frame-decoder", new LengthFieldBasedFrameDecoder(maxFrame, 0, 4, 0, 4));
    p.addLast("frame-encoder", new LengthFieldPrepender(4));
    p.addLast("envelope-codec", new EnvelopeCodec());
  }
}
