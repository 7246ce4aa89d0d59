package io.bridgescope.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.model.Address;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import io.bridgescope.desktop.quorum.BlsVerdict;
import io.bridgescope.desktop.quorum.QuorumPanel;
import io.bridgescope.desktop.quorum.QuorumSummary;
import io.bridgescope.desktop.quorum.ValidatorEntry;
import io.bridgescope.desktop.testing.Fx;
import io.bridgescope.desktop.testing.RecordingClipboard;
import io.bridgescope.desktop.testing.Screenshots;
import io.bridgescope.desktop.widgets.Copyable;
import java.math.BigInteger;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("display")
@ExtendWith(ApplicationExtension.class)
class QuorumPanelFxTest {

  private QuorumPanel panel;

  @Start
  void start(Stage stage) {
    panel = new QuorumPanel(new Copyable(new RecordingClipboard()));
    stage.setScene(new Scene(panel, 760, 340));
    stage.getScene().getStylesheets().addAll(css("base.css"), css("light.css"));
    stage.show();
  }

  private static String css(String name) {
    return QuorumPanel.class.getResource("/io/bridgescope/desktop/theme/" + name).toExternalForm();
  }

  private static List<ValidatorEntry> validators() {
    return List.of(
        new ValidatorEntry(Address.ofLow(0xA1), BigInteger.valueOf(40)),
        new ValidatorEntry(Address.ofLow(0xA2), BigInteger.valueOf(30)),
        new ValidatorEntry(Address.ofLow(0xA3), BigInteger.valueOf(20)),
        new ValidatorEntry(Address.ofLow(0xA4), BigInteger.valueOf(10)));
  }

  @Test
  void showsSignersPowerAgainstTwoThirdsAndTheCallersVerdictOnly() {
    QuorumSummary below =
        QuorumSummary.compute(validators(), ValidatorBitmap.encode(List.of(1, 2, 3)));
    Fx.run(() -> panel.setSummary(below));
    assertThat(panel.verdictText()).isEqualTo("not verified yet");
    assertThat(panel.marginText()).contains("No quorum", "signed 60 of 100", "missing 7");
    assertThat(panel.table().getItems()).hasSize(4);
    assertThat(panel.bar().signedFraction()).isEqualTo(0.6);
    Screenshots.save(panel, "quorum-below-threshold");

    QuorumSummary reached =
        QuorumSummary.compute(validators(), ValidatorBitmap.encode(List.of(0, 1)));
    Fx.run(() -> panel.setSummary(reached));
    assertThat(panel.marginText()).startsWith("Quorum reached").contains("spare 3");
    assertThat(panel.verdictText()).isEqualTo("not verified yet"); // quorum is not a BLS check
    Fx.run(
        () ->
            panel.setVerdict(
                new BlsVerdict(
                    BlsVerdict.Status.FAILED, "signature does not verify", "BN254 (Edge)")));
    assertThat(panel.verdictText()).isEqualTo("signature does not verify");
    Screenshots.save(panel, "quorum-reached-verdict-from-caller");
  }
}
