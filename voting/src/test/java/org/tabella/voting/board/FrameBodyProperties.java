package org.tabella.voting.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.voting.CanonicalCodecProperties;

/** The board's frame bodies decode canonically: refused, or re-encoded to exactly the input. */
class FrameBodyProperties {
  static final byte[] BODY = BoardLog.encodeBody(List.of(new byte[] {1, 2, 3}, new byte[40], new byte[] {9}));

  @Property
  void frameBodiesAreCanonical(@ForAll("bodies") byte[] bytes) {
    try {
      assertArrayEquals(bytes, BoardLog.encodeBody(BoardLog.decodeBody(bytes)));
    } catch (MalformedEncodingException expected) {
      // refused
    }
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return CanonicalCodecProperties.mutations(BODY);
  }
}
