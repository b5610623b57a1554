package org.tabella.groups.modp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.tabella.groups.InvalidGroupParametersException;

/**
 * The standard Schnorr groups shipped with Tabella (RFC 5114, RFC 3526, RFC 7919 and
 * ElectionGuard parameters; see {@code standard-groups.properties} for sources). Parameters are
 * validated like any others when a group is first created.
 */
public final class StandardModpGroups {
  private static final Properties TABLE = load();

  private StandardModpGroups() {}

  /** Returns the names of the standard mod-p groups, e.g. {@code modp-2048-256}, {@code eg-4096}. */
  public static List<String> names() {
    return Arrays.asList(TABLE.getProperty("names").split(","));
  }

  /** Returns whether {@code name} is a standard mod-p group. */
  public static boolean contains(String name) {
    return TABLE.getProperty(name + ".p") != null;
  }

  /**
   * Returns the parameters of a standard group (not yet validated).
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static SchnorrParameters parameters(String name) {
    if (!contains(name)) {
      throw new IllegalArgumentException("unknown mod-p group: " + name);
    }
    return new SchnorrParameters(hex(name + ".p"), hex(name + ".q"), hex(name + ".g"));
  }

  /** Returns the source (RFC or specification) of a standard group's parameters. */
  public static String source(String name) {
    return TABLE.getProperty(name + ".source", "");
  }

  /**
   * Creates a standard group, validating its parameters.
   *
   * @throws IllegalStateException if the shipped parameters fail validation (a corrupted jar)
   */
  public static ModpGroup create(String name) {
    try {
      return ModpGroup.create(name, parameters(name));
    } catch (InvalidGroupParametersException e) {
      throw new IllegalStateException("shipped parameters of " + name + " are invalid", e);
    }
  }

  private static BigInteger hex(String key) {
    return new BigInteger(TABLE.getProperty(key), 16);
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = StandardModpGroups.class.getResourceAsStream("standard-groups.properties")) {
      if (in == null) {
        throw new IllegalStateException("standard-groups.properties missing from the classpath");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
