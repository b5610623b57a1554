package org.tabella.groups.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tabella.vectors.VectorFiles;

@DisplayName("expand_message_xof with SHAKE256 reproduces RFC 9380 K.6")
class ExpandMessageXofTest {
  @Test
  void reproducesRfc9380() {
    JsonNode doc = VectorFiles.load("groups/expand-message-xof-shake256-36-rfc9380.json");
    byte[] dst = doc.get("dst").asText().getBytes(StandardCharsets.UTF_8);
    int n = 0;
    for (JsonNode v : doc.get("vectors")) {
      byte[] out = ExpandMessageXof.shake256().expand(v.get("msg").asText().getBytes(StandardCharsets.UTF_8), dst,
          v.get("length").asInt());
      assertEquals(v.get("output").asText(), VectorFiles.hex(out), v.toString());
      n++;
    }
    assertEquals(10, n);
  }

  @Test
  void oversizeTagsAreHashedAndBadArgumentsRefused() {
    byte[] longDst = new byte[300];
    byte[] shortDst = new byte[] {1};
    assertEquals(64, ExpandMessageXof.shake256().expand(new byte[0], longDst, 64).length);
    assertNotEquals(VectorFiles.hex(ExpandMessageXof.shake256().expand(new byte[0], longDst, 32)),
        VectorFiles.hex(ExpandMessageXof.shake256().expand(new byte[0], new byte[299], 32)));
    assertThrows(IllegalArgumentException.class, () -> ExpandMessageXof.shake256().expand(new byte[0], shortDst, 0));
    assertThrows(IllegalArgumentException.class, () -> ExpandMessageXof.shake256().expand(new byte[0], shortDst, 65536));
    assertThrows(IllegalArgumentException.class, () -> ExpandMessageXof.shake256().expand(new byte[0], new byte[0], 32));
  }
}
