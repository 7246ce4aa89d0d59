package io.bridgescope.archtest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** desktop -> core -> crypto; cli and devnet -> core; nothing points back up; no JavaFX below. */
class ModuleDirectionTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importAll() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.bridgescope");
  }

  @Test
  void cryptoDependsOnNothingOfOursNorOnWeb3jOrJavaFx() {
    noClasses()
        .that()
        .resideInAPackage("io.bridgescope.crypto..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.bridgescope.core..",
            "io.bridgescope.devnet..",
            "io.bridgescope.cli..",
            "io.bridgescope.desktop..",
            "org.web3j..",
            "javafx..")
        .check(classes);
  }

  @Test
  void coreKnowsNoScreenNoCommandLineAndNoDevnet() {
    noClasses()
        .that()
        .resideInAPackage("io.bridgescope.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.bridgescope.devnet..",
            "io.bridgescope.cli..",
            "io.bridgescope.desktop..",
            "javafx..",
            "picocli..")
        .check(classes);
  }

  @Test
  void devnetDoesNotUseTheFaces() {
    noClasses()
        .that()
        .resideInAPackage("io.bridgescope.devnet..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.bridgescope.cli..", "io.bridgescope.desktop..", "javafx..")
        .check(classes);
  }

  @Test
  void cliDoesNotUseJavaFxOrTheDesktop() {
    noClasses()
        .that()
        .resideInAPackage("io.bridgescope.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.bridgescope.desktop..", "javafx..")
        .check(classes);
  }

  @Test
  void desktopIsNotUsedByAnyOtherModule() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.bridgescope.desktop..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.bridgescope.desktop..")
        .check(classes);
  }
}
