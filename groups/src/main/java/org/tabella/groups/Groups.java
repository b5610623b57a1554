package org.tabella.groups;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tabella.groups.ec.EcGroup;
import org.tabella.groups.modp.StandardModpGroups;
import org.tabella.groups.ristretto.Ristretto255Group;

/**
 * The registry of named groups: {@code ristretto255} (the default), {@code decaf448}, {@code P-256},
 * {@code P-384}, {@code secp256k1}, and the standard Schnorr groups ({@code modp-2048-256},
 * {@code modp-3072}, {@code eg-4096}, … — see {@link #names()}). Each group is created (and, for
 * mod-p groups, its parameters validated) on first use and shared afterwards.
 */
public final class Groups {
  /** The project's default group. */
  public static final String DEFAULT = "ristretto255";

  private static final List<String> CURVES = List.of("ristretto255", "decaf448", "P-256", "P-384", "secp256k1");
  private static final Map<String, Group> CACHE = new ConcurrentHashMap<>();

  private Groups() {}

  /**
   * Returns the group with this name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static Group named(String name) {
    Group g = CACHE.get(name);
    if (g != null) {
      return g;
    }
    if (!names().contains(name)) {
      throw new IllegalArgumentException("unknown group: " + name + "; known: " + names());
    }
    return CACHE.computeIfAbsent(name, Groups::create);
  }

  /** Returns the default group, ristretto255. */
  public static Group defaultGroup() {
    return named(DEFAULT);
  }

  /** Returns every registered name, curves first. */
  public static List<String> names() {
    List<String> all = new ArrayList<>(CURVES);
    all.addAll(StandardModpGroups.names());
    return Collections.unmodifiableList(all);
  }

  /** Returns every registered group (mod-p parameters are validated on first call). */
  public static List<Group> all() {
    List<Group> all = new ArrayList<>();
    for (String n : names()) {
      all.add(named(n));
    }
    return all;
  }

  private static Group create(String name) {
    switch (name) {
      case "ristretto255":
        return Ristretto255Group.instance();
      case "decaf448":
        return org.tabella.groups.decaf.Decaf448Group.instance();
      case "P-256":
        return EcGroup.p256();
      case "P-384":
        return EcGroup.p384();
      case "secp256k1":
        return EcGroup.secp256k1();
      default:
        return StandardModpGroups.create(name);
    }
  }
}
