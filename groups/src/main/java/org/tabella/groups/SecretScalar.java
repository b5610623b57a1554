package org.tabella.groups;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * A long-lived secret scalar (private key, key share, polynomial coefficient). It never shows
 * its value in {@code toString}, compares in constant time, and gives the value out only through
 * the explicit {@link #reveal()}.
 */
public final class SecretScalar {
  private final Scalar value;

  private SecretScalar(Scalar value) {
    this.value = value;
  }

  /** Wraps a scalar that must stay secret. */
  public static SecretScalar of(Scalar value) {
    return new SecretScalar(Objects.requireNonNull(value, "value"));
  }

  /**
   * Returns the secret value. Callers take responsibility for not logging or sending it.
   */
  public Scalar reveal() {
    return value;
  }

  /** Returns the modulus of the secret. */
  public java.math.BigInteger order() {
    return value.order();
  }

  /** Constant-time comparison of the encodings. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SecretScalar s
        && s.value.order().equals(value.order())
        && MessageDigest.isEqual(s.value.encode(), value.encode());
  }

  @Override
  public int hashCode() {
    return value.order().hashCode();
  }

  @Override
  public String toString() {
    return "SecretScalar(***)";
  }
}
