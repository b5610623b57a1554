package org.tabella.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The module graph {@code groups ← crypto ← {network, voting} ← app}, kept by the compiler's
 * classpath and checked here on the main classes of every module: no layer reaches up or
 * sideways, the library does not reach Netty or picocli, and {@code internal} packages stay
 * inside their module.
 */
@DisplayName("the architecture")
class ArchitectureTest {
  static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.tabella");

  @Test
  @DisplayName("groups depends on no other Tabella module")
  void groups() {
    noClasses().that().resideInAPackage("org.tabella.groups..")
        .should().dependOnClassesThat().resideInAnyPackage("org.tabella.crypto..", "org.tabella.network..",
            "org.tabella.voting..", "org.tabella.app..", "org.tabella.vectors..")
        .check(MAIN);
  }

  @Test
  @DisplayName("crypto depends only on groups")
  void crypto() {
    noClasses().that().resideInAPackage("org.tabella.crypto..")
        .should().dependOnClassesThat().resideInAnyPackage("org.tabella.network..", "org.tabella.voting..",
            "org.tabella.app..", "org.tabella.vectors..")
        .check(MAIN);
  }

  @Test
  @DisplayName("network and voting stand side by side: neither uses the other or the app")
  void sideBySide() {
    noClasses().that().resideInAPackage("org.tabella.network..")
        .should().dependOnClassesThat().resideInAnyPackage("org.tabella.voting..", "org.tabella.app..")
        .check(MAIN);
    noClasses().that().resideInAPackage("org.tabella.voting..")
        .should().dependOnClassesThat().resideInAnyPackage("org.tabella.network..", "org.tabella.app..",
            "org.tabella.vectors..", "io.netty..", "picocli..")
        .check(MAIN);
  }

  @Test
  @DisplayName("the ElectionGuard verifier stands apart: only groups, crypto and Jackson, none of Tabella's formats")
  void electionGuardApart() {
    noClasses().that().resideInAPackage("org.tabella.electionguard..")
        .should().dependOnClassesThat().resideInAnyPackage("org.tabella.network..", "org.tabella.voting..",
            "org.tabella.app..", "io.netty..", "picocli..")
        .check(MAIN);
  }

  @Test
  @DisplayName("the record verifier depends on nothing that writes: not on the board")
  void verifierDoesNotWrite() {
    noClasses().that().resideInAPackage("org.tabella.voting.record..")
        .should().dependOnClassesThat().haveFullyQualifiedName("org.tabella.voting.board.BulletinBoard")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.tabella.voting.board.BoardLog")
        .check(MAIN);
  }

  @Test
  @DisplayName("internal packages are used only inside their own module")
  void internals() {
    noClasses().that().resideOutsideOfPackage("org.tabella.groups..")
        .should().dependOnClassesThat().resideInAPackage("org.tabella.groups.internal..")
        .check(MAIN);
    noClasses().that().resideOutsideOfPackage("org.tabella.crypto..")
        .should().dependOnClassesThat().resideInAPackage("org.tabella.crypto.internal..")
        .check(MAIN);
  }
}
