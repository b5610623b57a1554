package org.tabella.network.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;
import org.tabella.network.wire.Envelope;
import org.tabella.crypto.encoding.MalformedEncodingException;

/**
 * Frame ↔ {@link Envelope}. A frame that is not a well-formed envelope is dropped and logged; the
 * connection stays up (the peer is authenticated, and one bad frame must not cost the protocol).
 */
public final class EnvelopeCodec extends MessageToMessageCodec<ByteBuf, Envelope> {
  private static final System.Logger LOG = System.getLogger(EnvelopeCodec.class.getName());

  @Override
  protected void encode(ChannelHandlerContext ctx, Envelope msg, List<Object> out) {
    out.add(ctx.alloc().buffer().writeBytes(msg.encode()));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
    byte[] bytes = ByteBufUtil.getBytes(frame);
    try {
      out.add(Envelope.decode(bytes));
    } catch (MalformedEncodingException e) {
      LOG.log(System.Logger.Level.WARNING, "dropped a malformed frame from {0}: {1}",
          ctx.channel().remoteAddress(), e.getMessage());
    }
  }
}
