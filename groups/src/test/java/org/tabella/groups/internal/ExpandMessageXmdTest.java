package org.tabella.groups.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tabella.vectors.VectorFiles;

class ExpandMessageXmdTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "groups/expand-message-xmd-sha256-38-rfc9380.json",
      "groups/expand-message-xmd-sha256-256-rfc9380.json",
      "groups/expand-message-xmd-sha512-38-rfc9380.json"})
  void reproducesRfc9380(String file) {
    JsonNode doc = VectorFiles.load(file);
    ExpandMessageXmd xmd = ExpandMessageXmd.forHash(doc.get("hash").asText());
    byte[] dst = doc.get("dst").asText().getBytes(StandardCharsets.UTF_8);
    for (JsonNode v : doc.get("vectors")) {
      byte[] out = xmd.expand(v.get("msg").asText().getBytes(StandardCharsets.UTF_8), dst,
          v.get("length").asInt());
      assertEquals(v.get("output").asText(), VectorFiles.hex(out), v.toString());
    }
  }

  @Test
  void refusesBadArguments() {
    ExpandMessageXmd xmd = ExpandMessageXmd.forHash("SHA-256");
    assertThrows(IllegalArgumentException.class, () -> xmd.expand(new byte[0], new byte[] {1}, 0));
    assertThrows(IllegalArgumentException.class, () -> xmd.expand(new byte[0], new byte[] {1}, 255 * 32 + 1));
    assertThrows(IllegalArgumentException.class, () -> xmd.expand(new byte[0], new byte[0], 32));
    assertThrows(IllegalArgumentException.class, () -> ExpandMessageXmd.forHash("MD5"));
  }
}
