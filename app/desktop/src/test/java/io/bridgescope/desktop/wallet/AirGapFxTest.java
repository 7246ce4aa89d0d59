package io.bridgescope.desktop.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.lifecycle.ExitStatus;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.AirGap;
import io.bridgescope.desktop.AppContext;
import io.bridgescope.desktop.AppWiring;
import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.engine.EngineNetworks;
import io.bridgescope.desktop.engine.EnginePorts;
import io.bridgescope.desktop.testing.Fx;
import io.bridgescope.desktop.testing.RecordingClipboard;
import io.bridgescope.desktop.testing.Screenshots;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The air-gapped flow in the GUI over a real devnet, for one exit claim: export it unsigned from
 * the wizard's review (nothing sent), sign the file on the Wallet screen with the sender's key,
 * refuse a damaged file and a tampered signed file (nothing sent), send the signed file, and the
 * exit is processed on chain.
 */
@Tag("devnet")
@Tag("display")
@ExtendWith(ApplicationExtension.class)
class AirGapFxTest {

  private static final String PASSWORD = "gui-airgap-test-pw";
  private static WalletDevnet net;
  private final AtomicReference<Path> nextFile = new AtomicReference<>();
  private AppContext context;
  private Parent root;

  @BeforeAll
  static void startDevnet() throws Exception {
    net = new WalletDevnet();
  }

  @AfterAll
  static void stopDevnet() {
    if (net != null) {
      net.close();
    }
  }

  @Start
  void start(Stage stage) {
    // the chooser answers the file the test put there, once
    FilePicker picker =
        new FilePicker() {
          @Override
          public Optional<Path> saveFile(String title, String name, String kind, String pattern) {
            return Optional.ofNullable(nextFile.getAndSet(null));
          }

          @Override
          public Optional<Path> openFile(String title, String kind, String... patterns) {
            return Optional.ofNullable(nextFile.getAndSet(null));
          }
        };
    context =
        new AppContext(
            AppWiring.of(EnginePorts.over(net.sessions), Platform::runLater, () -> stage)
                .withClipboard(new RecordingClipboard())
                .withFiles(picker)
                .withWallet(net.port)
                .withNetworks(new EngineNetworks(net.sessions)));
    root = context.viewLoader().load(Screen.MAIN_FXML).root();
    stage.setScene(new Scene(root, 1280, 800));
    stage.show();
  }

  @AfterEach
  void close() {
    context.close();
  }

  private static void await(int seconds, BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
      WaitForAsyncUtils.waitForFxEvents();
    } catch (Exception e) {
      throw new AssertionError("condition not met in " + seconds + " s", e);
    }
  }

  private void fire(FxRobot robot, String id) {
    Button b = robot.lookup(id).queryButton();
    Fx.waitUntil(() -> Fx.call(() -> b.isVisible() && !b.isDisabled()));
    Fx.run(b::fire);
  }

  private AirGapViewModel airGap() {
    return context.wallet().airGap();
  }

  private void awaitAirGap(AirGapViewModel.Step... ends) {
    await(
        120,
        () -> {
          AirGapViewModel.Step s = airGap().stepProperty().get();
          for (AirGapViewModel.Step e : ends) {
            if (s == e) {
              return true;
            }
          }
          return false;
        });
  }

  @Test
  void exitIsExportedSignedFromAFileAndSentOnlyAsReviewed(FxRobot robot, @TempDir Path dir)
      throws Exception {
    ExitStatus exit = net.awaitUnclaimedCheckpointedExit();
    BigInteger id = exit.exit().id();
    Address user = exit.exit().withdrawal().orElseThrow().to();
    // the key is a demo user's: its traffic stops first, or a demo transaction would take the
    // nonce the offline signature fixes at export
    net.devnet.setTrafficPaused(true);
    robot.clickOn("#nav-wallet");
    net.useKey(context.wallet(), user, "airgap-user", PASSWORD);

    // 1. the wizard's review exports the claim unsigned: nothing is signed or sent
    Fx.run(() -> context.wallet().claimExit(id));
    await(90, () -> context.wallet().wizard().stepProperty().get() == WizardViewModel.Step.REVIEW);
    Path unsigned = dir.resolve("exit-" + id + ".unsigned.json");
    nextFile.set(unsigned);
    fire(robot, "#exportUnsignedButton");
    await(60, () -> context.wallet().wizard().messageProperty().get().contains("written to"));
    assertThat(context.wallet().wizard().errorProperty().get()).isEmpty();
    assertThat(context.wallet().wizard().messageProperty().get())
        .contains(unsigned.toString())
        .contains("Sign a transaction file")
        .contains("Send a signed file");
    assertThat(unsigned).exists();
    assertThat(net.port.transactions()).isEmpty();
    Screenshots.save(root, "airgap-1-exported");
    Fx.run(() -> context.wallet().wizard().close());

    // 2. a damaged file is refused in plain words naming it; the app keeps going
    Path damaged = dir.resolve("damaged.json");
    Files.writeString(
        damaged, "{\"format\": \"bridgescope-unsigned-tx/1\", \"to\": 12", StandardCharsets.UTF_8);
    nextFile.set(damaged);
    fire(robot, "#signFileButton");
    awaitAirGap(AirGapViewModel.Step.FAILED);
    assertThat(airGap().errorProperty().get()).contains(damaged.toString());

    // 3. sign the exported file: its bytes decoded, the sender's key offered
    nextFile.set(unsigned);
    fire(robot, "#signFileButton");
    awaitAirGap(AirGapViewModel.Step.SIGN_REVIEW, AirGapViewModel.Step.FAILED);
    assertThat(airGap().errorProperty().get()).isEmpty();
    assertThat(airGap().stepProperty().get()).isEqualTo(AirGapViewModel.Step.SIGN_REVIEW);
    assertThat(airGap().keys()).containsExactly("airgap-user");
    assertThat(airGap().lines())
        .extracting(ReviewLine::text)
        .anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains("exit"));
    Screenshots.save(root, "airgap-2-sign-review");
    TextInputControl pw = robot.lookup("#signPasswordField").queryAs(TextInputControl.class);
    Fx.run(() -> pw.setText(PASSWORD));
    fire(robot, "#signButton");
    awaitAirGap(AirGapViewModel.Step.SIGNED, AirGapViewModel.Step.FAILED);
    assertThat(airGap().errorProperty().get()).isEmpty();
    String left = Fx.call(pw::getText);
    assertThat(left).isEmpty();
    Path signed = AirGap.signedPath(unsigned);
    assertThat(airGap().messageProperty().get()).contains(signed.toString());
    assertThat(signed).exists();
    assertThat(net.port.transactions()).isEmpty();
    Screenshots.save(root, "airgap-3-signed");

    // 3b. the signer refuses a file sent to another contract, and says why
    Path foreign = dir.resolve("foreign.unsigned.json");
    Files.writeString(
        foreign,
        Files.readString(unsigned)
            .replaceFirst(
                "(\"to\"\\s*:\\s*\")0x[0-9a-fA-F]{40}",
                "$10x000000000000000000000000000000000000dead"),
        StandardCharsets.UTF_8);
    nextFile.set(foreign);
    fire(robot, "#signFileButton");
    awaitAirGap(AirGapViewModel.Step.FAILED, AirGapViewModel.Step.SIGN_REVIEW);
    assertThat(airGap().stepProperty().get()).isEqualTo(AirGapViewModel.Step.FAILED);
    assertThat(airGap().errorProperty().get()).startsWith("Refused:").contains("to");
    assertThat(airGap().lines()).anyMatch(l -> l.kind() == ReviewLine.Kind.CHECK_FAILED);
    assertThat(AirGap.signedPath(foreign)).doesNotExist();

    // 3c. another priority fee is signable offline, but those bytes were never reviewed here
    Path regassed = dir.resolve("regassed.unsigned.json");
    String text = Files.readString(unsigned);
    java.util.regex.Matcher tip =
        java.util.regex.Pattern.compile("\"maxPriorityFeePerGas\"\\s*:\\s*\"(\\d+)\"")
            .matcher(text);
    assertThat(tip.find()).isTrue();
    BigInteger was = new BigInteger(tip.group(1));
    BigInteger other = was.signum() > 0 ? was.subtract(BigInteger.ONE) : BigInteger.ONE;
    Files.writeString(
        regassed,
        text.substring(0, tip.start(1)) + other + text.substring(tip.end(1)),
        StandardCharsets.UTF_8);
    nextFile.set(regassed);
    fire(robot, "#signFileButton");
    awaitAirGap(AirGapViewModel.Step.SIGN_REVIEW, AirGapViewModel.Step.FAILED);
    assertThat(airGap().errorProperty().get()).isEmpty();
    Fx.run(() -> pw.setText(PASSWORD));
    fire(robot, "#signButton");
    awaitAirGap(AirGapViewModel.Step.SIGNED, AirGapViewModel.Step.FAILED);
    assertThat(AirGap.signedPath(regassed)).exists();
    nextFile.set(AirGap.signedPath(regassed));
    fire(robot, "#sendFileButton");
    awaitAirGap(AirGapViewModel.Step.FAILED, AirGapViewModel.Step.SEND_REVIEW);
    assertThat(airGap().stepProperty().get()).isEqualTo(AirGapViewModel.Step.FAILED);
    assertThat(airGap().errorProperty().get())
        .startsWith("Refused:")
        .contains("maxPriorityFeePerGas")
        .contains("Nothing was sent");
    assertThat(net.port.transactions()).isEmpty();

    // 4. a signed file whose call data was changed is refused, nothing sent
    Path tampered = dir.resolve("tampered.signed.json");
    Files.writeString(tampered, tamperData(Files.readString(signed)), StandardCharsets.UTF_8);
    nextFile.set(tampered);
    fire(robot, "#sendFileButton");
    awaitAirGap(AirGapViewModel.Step.FAILED, AirGapViewModel.Step.SEND_REVIEW);
    assertThat(airGap().stepProperty().get()).isEqualTo(AirGapViewModel.Step.FAILED);
    assertThat(airGap().errorProperty().get()).isNotEmpty();
    assertThat(net.port.transactions()).isEmpty();
    assertThat(net.exitProcessed(id)).isFalse();
    Screenshots.save(root, "airgap-4-tampered-refused");

    // 5. the signed file as written: decoded, matched with the export, confirmed, sent
    nextFile.set(signed);
    fire(robot, "#sendFileButton");
    awaitAirGap(AirGapViewModel.Step.SEND_REVIEW, AirGapViewModel.Step.FAILED);
    assertThat(airGap().errorProperty().get()).isEmpty();
    assertThat(airGap().lines())
        .extracting(ReviewLine::text)
        .contains("the signed bytes equal the transaction exported for review");
    fire(robot, "#confirmSendButton");
    awaitAirGap(AirGapViewModel.Step.SENT, AirGapViewModel.Step.FAILED);
    Screenshots.save(root, "airgap-5-sent");
    assertThat(airGap().errorProperty().get()).isEmpty();
    assertThat(airGap().stepProperty().get()).isEqualTo(AirGapViewModel.Step.SENT);
    assertThat(airGap().lines()).anyMatch(l -> l.text().equals("exit " + id + " processed"));
    assertThat(net.exitProcessed(id)).isTrue();
    assertThat(net.port.transactions()).hasSize(1);
  }

  /** Flips one hex digit in the middle of the signed bytes: inside the call data (the proof). */
  private static String tamperData(String json) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"raw\"\\s*:\\s*\"0x([0-9a-fA-F]+)\"").matcher(json);
    assertThat(m.find()).isTrue();
    String raw = m.group(1);
    int at = raw.length() / 2;
    char c = raw.charAt(at);
    char flipped = c == '0' ? '1' : '0';
    String changed = raw.substring(0, at) + flipped + raw.substring(at + 1);
    return json.substring(0, m.start(1)) + changed + json.substring(m.end(1));
  }
}
