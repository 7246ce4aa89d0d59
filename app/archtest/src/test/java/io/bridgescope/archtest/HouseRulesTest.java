package io.bridgescope.archtest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules ({@link HouseRules}) hold for the production code of every module. */
class HouseRulesTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importAll() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.bridgescope");
  }

  @Test
  void noStaticFieldIsReassignable() {
    HouseRules.STATIC_FIELDS_ARE_FINAL.check(classes);
  }

  @Test
  void noStaticArrayIsSharedBeyondItsClass() {
    HouseRules.STATIC_ARRAYS_ARE_PRIVATE.check(classes);
  }

  @Test
  void noStaticFieldHoldsAMutableCollection() {
    HouseRules.NO_STATIC_MUTABLE_HOLDERS.check(classes);
  }

  @Test
  void viewsUseNoServices() {
    HouseRules.VIEWS_USE_NO_SERVICES.check(classes);
  }

  @Test
  void viewsBindOnlyTheirOwnViewModels() {
    HouseRules.VIEWS_BIND_ONLY_THEIR_VIEWMODEL.check(classes);
  }

  @Test
  void threadsComeOnlyFromTheFactory() {
    HouseRules.THREADS_ONLY_FROM_THE_FACTORY.check(classes);
  }

  @Test
  void onlyTheCliPrints() {
    HouseRules.ONLY_THE_CLI_PRINTS.check(classes);
  }

  @Test
  void walletErrorsAreTyped() {
    HouseRules.WALLET_ERRORS_ARE_TYPED.check(classes);
  }
}
