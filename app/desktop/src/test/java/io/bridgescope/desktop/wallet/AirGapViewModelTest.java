package io.bridgescope.desktop.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.desktop.testing.DirectTaskRunner;
import io.bridgescope.desktop.wallet.WizardViewModel.Signer;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AirGapViewModelTest {

  private final FakeWalletPort port = new FakeWalletPort();

  @Test
  void reviewIsExportedUnsignedAndTheWizardSaysWhatIsNext() {
    WizardViewModel vm = new WizardViewModel(port, new DirectTaskRunner());
    vm.startExit(new Signer("me", FakeWalletPort.ME), BigInteger.valueOf(8));
    assertThat(vm.exportName()).isEqualTo("exit-8.unsigned.json");

    vm.exportUnsigned(Path.of("out", "exit-8.unsigned.json"));

    assertThat(port.exported).hasSize(1);
    assertThat(port.executed).isEmpty();
    assertThat(vm.stepProperty().get()).isEqualTo(WizardViewModel.Step.REVIEW);
    assertThat(vm.exportingProperty().get()).isFalse();
    assertThat(vm.messageProperty().get())
        .contains(Path.of("out", "exit-8.unsigned.json").toString())
        .contains("Nothing was signed")
        .contains("Sign a transaction file")
        .contains("Send a signed file");
  }

  @Test
  void aDepositWaitingForItsApprovalExportsTheApprovalAndSaysTheDepositFollows() {
    WizardViewModel vm = new WizardViewModel(port, new DirectTaskRunner());
    vm.startDeposit(new Signer("me", FakeWalletPort.ME), FakeWalletPort.ME.toString());
    vm.amountProperty().set("1");
    vm.prepare();
    assertThat(vm.stepProperty().get()).isEqualTo(WizardViewModel.Step.REVIEW);

    vm.exportUnsigned(Path.of("d.json"));

    assertThat(port.exported).containsExactly("deposit:fake -> d.json");
    assertThat(vm.messageProperty().get())
        .contains("Nothing was signed")
        .contains("step 1 of 2 only")
        .contains("once it is mined");
  }

  @Test
  void exportIsRefusedBeforeTheReview() {
    WizardViewModel vm = new WizardViewModel(port, new DirectTaskRunner());
    vm.exportUnsigned(Path.of("x.json"));
    assertThat(port.exported).isEmpty();
  }

  @Test
  void damagedFilesAreRefusedNamingTheFileAndNothingIsSignedOrSent() {
    AirGapViewModel vm = new AirGapViewModel(port, new DirectTaskRunner());
    Path bad = Path.of("broken.json");

    vm.openUnsigned(bad);
    assertThat(vm.stepProperty().get()).isEqualTo(AirGapViewModel.Step.FAILED);
    assertThat(vm.errorProperty().get()).contains("broken.json").startsWith("The file cannot");
    assertThat(vm.messageProperty().get()).isEqualTo("Nothing was signed.");
    char[] pw = FakeWalletPort.PASSWORD.toCharArray();
    vm.sign(pw);
    assertThat(new String(pw)).isEqualTo("\0".repeat(pw.length));

    vm.openSigned(bad);
    assertThat(vm.stepProperty().get()).isEqualTo(AirGapViewModel.Step.FAILED);
    assertThat(vm.errorProperty().get()).contains("broken.json");
    vm.confirmSend();
    assertThat(port.executed).isEmpty();

    vm.close();
    assertThat(vm.stepProperty().get()).isEqualTo(AirGapViewModel.Step.IDLE);
  }
}
