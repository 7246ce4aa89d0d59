package io.bridgescope.desktop.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.desktop.dialogs.Dialogs;
import io.bridgescope.desktop.testing.DirectTaskRunner;
import io.bridgescope.desktop.wallet.KeyStoreViewModel.KeySource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WalletViewModelTest {

  private final FakeWalletPort port = new FakeWalletPort();
  private final List<String> asked = new ArrayList<>();
  private boolean answer;

  private final Dialogs dialogs =
      new Dialogs() {
        @Override
        public void showError(String title, String message) {}

        @Override
        public void showInfo(String title, String message) {}

        @Override
        public void confirm(String title, String message, Consumer<Boolean> onAnswer) {
          asked.add(title + ": " + message);
          onAnswer.accept(answer);
        }
      };

  private static boolean zeroed(char[] a) {
    return new String(a).chars().allMatch(c -> c == 0);
  }

  @Test
  void importingAKeyZeroesSecretsAndSelectsIt() {
    WalletViewModel vm = new WalletViewModel(port, new DirectTaskRunner(), dialogs);
    char[] key = "ab".repeat(32).toCharArray();
    char[] password = "pw-123456".toCharArray();
    vm.keyStore().addKey(KeySource.PRIVATE_KEY, " alice ", key, "", null, password);

    assertThat(zeroed(key)).isTrue();
    assertThat(zeroed(password)).isTrue();
    assertThat(vm.keyStore().selectedProperty().get().name()).isEqualTo("alice");
    assertThat(vm.exits()).hasSize(1);
    assertThat(vm.hasReadyProperty().get()).isTrue();
    assertThat(vm.balancesProperty().get()).startsWith("Root: 1 ETH");
  }

  @Test
  void aShortPasswordForANewKeyIsRefusedAndWiped() {
    WalletViewModel vm = new WalletViewModel(port, new DirectTaskRunner(), dialogs);
    char[] key = "ab".repeat(32).toCharArray();
    char[] shortPw = "1234567".toCharArray();
    vm.keyStore().addKey(KeySource.PRIVATE_KEY, "alice", key, "", null, shortPw);

    assertThat(vm.keyStore().keyErrorProperty().get()).contains("at least 8 characters");
    assertThat(zeroed(key)).isTrue();
    assertThat(zeroed(shortPw)).isTrue();
    assertThat(vm.keyStore().keys()).isEmpty();
  }

  @Test
  void aDuplicateNameIsReportedInPlainWords() {
    WalletViewModel vm = new WalletViewModel(port, new DirectTaskRunner(), dialogs);
    vm.keyStore().addKey(KeySource.NEW, "alice", null, "", null, "pw-12345678".toCharArray());
    char[] again = "pw-12345678".toCharArray();
    vm.keyStore().addKey(KeySource.NEW, "alice", null, "", null, again);

    assertThat(vm.keyStore().keyErrorProperty().get()).startsWith("Already in the key store.");
    assertThat(zeroed(again)).isTrue();
    assertThat(vm.keyStore().keys()).hasSize(1);
  }

  @Test
  void deleteAsksFirstAndKeepsTheKeyOnNo() {
    WalletViewModel vm = new WalletViewModel(port, new DirectTaskRunner(), dialogs);
    vm.keyStore().addKey(KeySource.NEW, "alice", null, "", null, "pw-12345678".toCharArray());
    answer = false;
    vm.keyStore().delete();
    assertThat(asked).singleElement().asString().contains("cannot be spent");
    assertThat(port.deleted).isEmpty();

    answer = true;
    vm.keyStore().delete();
    assertThat(port.deleted).containsExactly(FakeWalletPort.ME.toString());
    assertThat(vm.keyStore().keys()).isEmpty();
  }

  @Test
  void balancesAreCutToSixDecimalsAndSayWhenDigitsAreLeftOut() {
    assertThat(WalletViewModel.shortAmount(new java.math.BigInteger("1500000000000000000")))
        .isEqualTo("1.5");
    assertThat(WalletViewModel.shortAmount(new java.math.BigInteger("999999999999999999")))
        .isEqualTo("0.999999…");
  }

  @Test
  void claimingWithoutAKeyAsksForOne() {
    WalletViewModel vm = new WalletViewModel(port, new DirectTaskRunner(), dialogs);
    vm.claimExit(java.math.BigInteger.valueOf(8));

    assertThat(vm.wizard().stepProperty().get()).isEqualTo(WizardViewModel.Step.IDLE);
    assertThat(vm.statusProperty().get()).contains("Choose or import a key first");
    assertThat(port.prepared).isEmpty();
  }
}
