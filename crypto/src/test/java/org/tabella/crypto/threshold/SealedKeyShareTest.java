package org.tabella.crypto.threshold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.crypto.threshold.SealedKeyShare.Cost;
import org.tabella.crypto.threshold.SealedKeyShare.UnsealException;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;

/**
 * Sealed key shares (SPEC.md §2.11): the round trip, a wrong passphrase, every single byte of the
 * file altered, a share sealed for another key, and the header readable without the passphrase.
 * Tests use a small Argon2id cost (1 MiB, 1 pass); the command line seals with {@link Cost#standard()}.
 */
@DisplayName("sealed key shares: Argon2id + AES-256-GCM, nothing opens without the passphrase and the intact file")
class SealedKeyShareTest {
  static final Group G = Groups.named("ristretto255");
  static final Cost CHEAP = new Cost(1024, 1, 1);

  static TrustedDealer.Dealt setup() {
    return TrustedDealer.deal(G, 5, 3);
  }

  @Test
  void aSealedShareOpensWithItsPassphraseOnly() throws Exception {
    var s = setup();
    KeyShare share = s.shares().get(1);
    byte[] sealed = SealedKeyShare.seal(share, s.key(), "correct horse".toCharArray(), CHEAP);
    KeyShare back = SealedKeyShare.unseal(sealed, s.key(), "correct horse".toCharArray());
    assertEquals(share.index(), back.index());
    assertEquals(share.value(), back.value());
    UnsealException wrong = assertThrows(UnsealException.class,
        () -> SealedKeyShare.unseal(sealed, s.key(), "correct horsf".toCharArray()));
    assertTrue(wrong.getMessage().contains("wrong passphrase"));
    assertFalse(wrong.getMessage().contains("horse"), "the passphrase is never in a message");
    // Two seals of one share differ (fresh salt and nonce).
    assertFalse(java.util.Arrays.equals(sealed, SealedKeyShare.seal(share, s.key(), "correct horse".toCharArray(), CHEAP)));
  }

  @Test
  void everyAlteredByteIsRefused() throws Exception {
    var s = setup();
    byte[] sealed = SealedKeyShare.seal(s.shares().get(2), s.key(), "pw".toCharArray(), CHEAP);
    for (int i = 0; i < sealed.length; i++) {
      byte[] bad = sealed.clone();
      bad[i] ^= 0x01;
      int at = i;
      Exception e = assertThrows(Exception.class, () -> SealedKeyShare.unseal(bad, s.key(), "pw".toCharArray()),
          "byte " + at);
      assertTrue(e instanceof UnsealException || e instanceof MalformedEncodingException
          || e instanceof IllegalArgumentException, "byte " + at + ": " + e);
    }
    assertThrows(MalformedEncodingException.class,
        () -> SealedKeyShare.unseal(java.util.Arrays.copyOf(sealed, sealed.length - 1), s.key(), "pw".toCharArray()));
    assertThrows(MalformedEncodingException.class,
        () -> SealedKeyShare.unseal(java.util.Arrays.copyOf(sealed, sealed.length + 1), s.key(), "pw".toCharArray()));
  }

  @Test
  void theHeaderNamesTrusteeGroupAndKeyAndAShareOpensOnlyForItsKey() throws Exception {
    var s = setup();
    byte[] sealed = SealedKeyShare.seal(s.shares().get(3), s.key(), "pw".toCharArray(), CHEAP);
    SealedKeyShare.Header h = SealedKeyShare.header(sealed);
    assertEquals(4, h.trustee());
    assertEquals("ristretto255", h.group());
    assertEquals(CHEAP, h.cost());
    assertArrayEquals(SealedKeyShare.fingerprint(s.key()), h.keyFingerprint());
    var other = setup();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SealedKeyShare.unseal(sealed, other.key(), "pw".toCharArray()));
    assertTrue(e.getMessage().contains("another election key"));
    // A share is sealed only for its own key.
    assertThrows(IllegalArgumentException.class,
        () -> SealedKeyShare.seal(s.shares().get(0), other.key(), "pw".toCharArray(), CHEAP));
  }

  @Test
  void anAbsurdCostIsRefusedBeforeAnyWork() {
    assertThrows(IllegalArgumentException.class, () -> new Cost(512, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Cost(1 << 30, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Cost(1024, 65, 1));
    assertEquals(List.of(65536, 3, 1), List.of(Cost.standard().memoryKiB(), Cost.standard().iterations(),
        Cost.standard().parallelism()));
  }
}
