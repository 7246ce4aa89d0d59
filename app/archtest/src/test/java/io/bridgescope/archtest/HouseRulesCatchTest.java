package io.bridgescope.archtest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.bridgescope.archtest.samples.HandMadeThreads;
import io.bridgescope.archtest.samples.MutableStatics;
import io.bridgescope.archtest.samples.Printer;
import io.bridgescope.archtest.samples.screen.LeakyView;
import io.bridgescope.archtest.samples.screen.NosyView;
import io.bridgescope.archtest.samples.wallet.BareWrap;
import org.junit.jupiter.api.Test;

/**
 * Each house rule fails on a class that breaks it (the samples package, test code only), so a rule
 * that silently matches nothing, or checks the wrong thing, is caught here.
 */
class HouseRulesCatchTest {

  private static void failsOn(ArchRule rule, Class<?> sample, String... mentions) {
    JavaClasses classes = new ClassFileImporter().importClasses(sample);
    var failure = assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class);
    for (String m : mentions) {
      failure.hasMessageContaining(m);
    }
  }

  @Test
  void aReassignableStaticFails() {
    failsOn(HouseRules.STATIC_FIELDS_ARE_FINAL, MutableStatics.class, "MutableStatics.counter");
  }

  @Test
  void aSharedStaticArrayFails() {
    failsOn(HouseRules.STATIC_ARRAYS_ARE_PRIVATE, MutableStatics.class, "MutableStatics.TABLE");
  }

  @Test
  void aStaticMutableCollectionFails() {
    failsOn(
        HouseRules.NO_STATIC_MUTABLE_HOLDERS,
        MutableStatics.class,
        "MutableStatics.NAMES has the mutable type java.util.ArrayList");
  }

  @Test
  void aViewThatUsesTheEngineFails() {
    failsOn(HouseRules.VIEWS_USE_NO_SERVICES, LeakyView.class, "SessionManager");
  }

  @Test
  void aViewThatBindsAnotherScreensViewModelFails() {
    failsOn(
        HouseRules.VIEWS_BIND_ONLY_THEIR_VIEWMODEL,
        NosyView.class,
        "uses io.bridgescope.desktop.wallet.WalletViewModel of another screen");
  }

  @Test
  void aHandMadeThreadAnExecutorAndTheCommonPoolFail() {
    failsOn(
        HouseRules.THREADS_ONLY_FROM_THE_FACTORY,
        HandMadeThreads.class,
        "Thread.<init>",
        "Executors.newSingleThreadExecutor",
        "CompletableFuture.runAsync");
  }

  @Test
  void printingOutsideTheCliFails() {
    failsOn(HouseRules.ONLY_THE_CLI_PRINTS, Printer.class, "System.out", "printStackTrace");
  }

  @Test
  void aBareWrapInTheWalletFails() {
    failsOn(HouseRules.WALLET_ERRORS_ARE_TYPED, BareWrap.class, "IllegalStateException.<init>");
  }
}
