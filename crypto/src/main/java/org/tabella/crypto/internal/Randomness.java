package org.tabella.crypto.internal;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where every prover, encryptor and dealer in the crypto module draws its randomness: one shared
 * {@link SecureRandom}. Tests (and only tests: this package is not API) may run a block with a
 * deterministic source to produce known-answer vectors.
 */
public final class Randomness {
  private static final SecureRandom DEFAULT = new SecureRandom();
  private static final ThreadLocal<SecureRandom> OVERRIDE = new ThreadLocal<>();

  private Randomness() {}

  /** Returns the source for the current thread. */
  public static SecureRandom current() {
    SecureRandom r = OVERRIDE.get();
    return r != null ? r : DEFAULT;
  }

  /** Runs {@code body} with {@code source} as this thread's randomness (known-answer tests). */
  public static <T> T withSource(SecureRandom source, Supplier<T> body) {
    Objects.requireNonNull(source, "source");
    SecureRandom previous = OVERRIDE.get();
    OVERRIDE.set(source);
    try {
      return body.get();
    } finally {
      if (previous == null) {
        OVERRIDE.remove();
      } else {
        OVERRIDE.set(previous);
      }
    }
  }
}
