package org.tabella.app.cli;

import java.util.concurrent.Callable;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import picocli.CommandLine.Command;

/** {@code tabella groups}: every group a roster, an election or a benchmark can name. */
@Command(name = "groups", mixinStandardHelpOptions = true, description = "List the groups with their sizes and hash.")
final class GroupsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.printf("%-16s %8s %8s %8s  %s%n", "group", "order", "element", "scalar", "hash");
    for (String name : Groups.names()) {
      Group g = Groups.named(name);
      System.out.printf("%-16s %5d bit %6d B %6d B  %s%s%n", name, g.order().bitLength(), g.elementLength(),
          g.scalarLength(), g.hashAlgorithm(), name.equals(Groups.DEFAULT) ? "  (default)" : "");
    }
    return ExitCodes.OK;
  }

  /** The group named {@code name}, or the usage error every command gives for an unknown one. */
  static Group named(String name) {
    if (!Groups.names().contains(name)) {
      throw UserError.usage("unknown group '" + name + "' — run 'tabella groups' for the list");
    }
    return Groups.named(name);
  }
}
