package org.tabella.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.network.roster.Identity;
import org.tabella.network.roster.Roster;
import org.tabella.network.roster.RosterTool;

class RosterTest {
  @TempDir
  Path dir;

  @Test
  @DisplayName("a created roster loads back; keys are owner-only and match their certificates")
  void createAndLoad() throws IOException {
    Roster r = RosterTool.create(dir, 2, "ristretto255", "127.0.0.1", List.of(7001, 7002, 7003));
    Roster loaded = Roster.load(dir.resolve("roster.json"));
    assertArrayEquals(r.sessionId(), loaded.sessionId());
    assertEquals(3, loaded.size());
    assertEquals(2, loaded.quorum());
    assertEquals(r.party(2).certificate(), loaded.party(2).certificate());
    assertEquals(7003, loaded.party(3).port());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(RosterTool.keyFile(dir, 1))));
    Identity id = Identity.load(loaded, 1, RosterTool.keyFile(dir, 1));
    assertFalse(id.toString().contains("PRIVATE"));
    assertThrows(IOException.class, () -> Identity.load(loaded, 2, RosterTool.keyFile(dir, 1)));
  }

  @Test
  @DisplayName("invalid rosters are refused with a reason")
  void invalid() throws IOException {
    RosterTool.create(dir, 2, "ristretto255", "127.0.0.1", List.of(7001, 7002));
    Path f = dir.resolve("roster.json");
    String json = Files.readString(f);
    Files.writeString(f, json.replace("\"quorum\" : 2", "\"quorum\" : 3"));
    assertThrows(IOException.class, () -> Roster.load(f));
    Files.writeString(f, json.replace("\"id\" : 2", "\"id\" : 5"));
    assertThrows(IOException.class, () -> Roster.load(f));
    Files.writeString(f, json.replace("BEGIN CERTIFICATE-----\\n", "BEGIN CERTIFICATE-----\\nAAAA"));
    assertThrows(IOException.class, () -> Roster.load(f));
  }
}
