package org.tabella.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.crypto.encoding.ProtocolCodecProperties;

/** Ballot views (round 2 of the boardroom election) decode canonically. */
class BallotViewProperties {
  static final byte[] VIEW = BallotAgreement.encodeView(Map.of(1, new byte[32], 4, BallotAgreement.digest(new byte[] {7})));

  @Property
  void viewsAreCanonical(@ForAll("views") byte[] bytes) {
    try {
      assertArrayEquals(bytes, BallotAgreement.encodeView(BallotAgreement.decodeView(bytes)));
    } catch (MalformedEncodingException expected) {
      // refused
    }
  }

  @Provide
  Arbitrary<byte[]> views() {
    return ProtocolCodecProperties.mutations(VIEW);
  }
}
