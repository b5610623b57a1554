package org.tabella.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GroupsTest {

  @Test
  @DisplayName("the registry knows the curves and the standard mod-p groups, and nothing else")
  void registry() {
    assertTrue(Groups.names().containsAll(java.util.List.of(
        "ristretto255", "P-256", "P-384", "secp256k1", "modp-2048-256", "modp-3072", "eg-4096")));
    assertSame(Groups.named("P-256"), Groups.named("P-256"));
    assertEquals("ristretto255", Groups.defaultGroup().name());
    assertThrows(IllegalArgumentException.class, () -> Groups.named("P-257"));
  }

  @Test
  @DisplayName("secret scalars never print their value and compare by value")
  void secretScalar() {
    Group g = Groups.named("P-256");
    Scalar s = g.scalar(new BigInteger("123456789abcdef", 16));
    SecretScalar secret = SecretScalar.of(s);
    assertFalse(secret.toString().contains("123456789abcdef"));
    assertFalse(secret.toString().toLowerCase().contains(s.toBigInteger().toString(16)));
    assertEquals(secret, SecretScalar.of(g.scalar(new BigInteger("123456789abcdef", 16))));
    assertFalse(secret.equals(SecretScalar.of(g.scalar(5))));
    assertSame(s, secret.reveal());
  }

  @Test
  @DisplayName("scalar arithmetic is arithmetic modulo q")
  void scalarArithmetic() {
    Group g = Groups.named("secp256k1");
    BigInteger q = g.order();
    Scalar a = g.scalar(q.subtract(BigInteger.TWO));
    Scalar b = g.scalar(5);
    assertEquals(g.scalar(3), a.add(b));
    assertEquals(g.scalar(q.subtract(BigInteger.valueOf(7))), a.subtract(b));
    assertEquals(g.scalar(q.subtract(BigInteger.TEN)), a.multiply(b));
    assertEquals(g.scalar(1), b.multiply(b.inverse()));
    assertEquals(g.scalar(0), b.add(b.negate()));
    assertThrows(ArithmeticException.class, () -> g.scalar(0).inverse());
    assertThrows(IllegalArgumentException.class, () -> a.add(Groups.named("P-256").scalar(1)));
  }
}
