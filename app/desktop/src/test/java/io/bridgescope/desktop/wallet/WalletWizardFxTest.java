package io.bridgescope.desktop.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.lifecycle.ExitStatus;
import io.bridgescope.core.model.Address;
import io.bridgescope.desktop.AppContext;
import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.engine.EngineNetworks;
import io.bridgescope.desktop.engine.EnginePorts;
import io.bridgescope.desktop.testing.Fx;
import io.bridgescope.desktop.testing.RecordingClipboard;
import io.bridgescope.desktop.testing.Screenshots;
import io.bridgescope.desktop.wallet.WizardViewModel.Step;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Wallet screen over a real devnet: import a development key, see its exits, claim an unclaimed
 * checkpointed exit through the wizard (a wrong password first: nothing is sent), and the root
 * token balance grows by the exit's amount.
 */
@Tag("devnet")
@Tag("display")
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalletWizardFxTest {

  private static final String PASSWORD = "gui-wallet-test-pw";
  private static WalletDevnet net;
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
    FilePicker none =
        new FilePicker() {
          @Override
          public Optional<Path> saveFile(String title, String name, String kind, String pattern) {
            return Optional.empty();
          }

          @Override
          public Optional<Path> openFile(String title, String kind, String... patterns) {
            return Optional.empty();
          }
        };
    context =
        new AppContext(
            EnginePorts.over(net.sessions),
            Platform::runLater,
            () -> stage,
            new RecordingClipboard(),
            none,
            url -> {},
            net.port);
    context.setNetworks(new EngineNetworks(net.sessions));
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

  private void type(FxRobot robot, String id, String text) {
    TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
    Fx.run(() -> field.setText(text));
  }

  private WizardViewModel wizard() {
    return context.wallet().wizard();
  }

  @Test
  @Order(1)
  void importedKeyClaimsItsExitAfterAWrongPasswordSentNothing(FxRobot robot) throws Exception {
    ExitStatus exit = net.awaitUnclaimedCheckpointedExit();
    BigInteger id = exit.exit().id();
    Address user = exit.exit().withdrawal().orElseThrow().to();
    BigInteger amount = exit.exit().withdrawal().orElseThrow().amount();

    robot.clickOn("#nav-wallet");
    type(robot, "#keyNameField", "demo-user");
    type(robot, "#secretField", net.privateKeyOf(user));
    type(robot, "#keyPasswordField", PASSWORD);
    robot.clickOn("#addKeyButton");
    await(
        30, () -> context.wallet().exits().stream().anyMatch(e -> e.id().equals(id) && e.ready()));
    assertThat(context.wallet().selectedProperty().get().address()).isEqualTo(user);
    assertThat(robot.lookup("#secretField").queryAs(TextInputControl.class).getText()).isEmpty();
    assertThat(robot.lookup("#keyPasswordField").queryAs(TextInputControl.class).getText())
        .isEmpty();
    assertThat(context.wallet().balancesProperty().get()).contains("Demo token");
    Screenshots.save(root, "wallet-0-keys-and-exits");

    // From the exit's detail pane: its action opens the wizard on the Wallet screen.
    robot.clickOn("#nav-exits");
    Fx.run(() -> context.exits().table().reveal(id.toString()));
    Fx.waitUntil(() -> context.exits().detail().detailProperty().get() != null);
    robot.clickOn("#detail-action");
    await(60, () -> wizard().stepProperty().get() == Step.REVIEW);
    assertThat(wizard().lines()).anyMatch(l -> l.text().startsWith("ExitHelper"));
    assertThat(wizard().lines())
        .filteredOn(l -> l.kind() == ReviewLine.Kind.CHECK_PASSED)
        .extracting(ReviewLine::text)
        .anyMatch(t -> t.contains("not processed"))
        .anyMatch(t -> t.contains("gas limit"));
    Screenshots.save(root, "wallet-1-review");

    robot.clickOn("#confirmButton");
    assertThat(wizard().stepProperty().get()).isEqualTo(Step.PASSWORD);
    Screenshots.save(root, "wallet-2-password");

    type(robot, "#passwordField", "not-the-password");
    robot.clickOn("#sendButton");
    await(
        30,
        () ->
            wizard().stepProperty().get() == Step.PASSWORD
                && !wizard().errorProperty().get().isEmpty());
    assertThat(wizard().errorProperty().get()).startsWith("Wrong password");
    assertThat(net.port.transactions()).isEmpty();
    assertThat(net.session.lifecycle().exit(id).orElseThrow().stage())
        .isEqualTo(io.bridgescope.core.lifecycle.Stage.CHECKPOINTED);
    Screenshots.save(root, "wallet-3-wrong-password");

    type(robot, "#passwordField", PASSWORD);
    robot.doubleClickOn("#sendButton");
    await(
        90,
        () ->
            wizard().stepProperty().get() == Step.DONE
                || wizard().stepProperty().get() == Step.FAILED);
    Screenshots.save(root, "wallet-4-done");
    assertThat(wizard().errorProperty().get()).isEmpty();
    assertThat(wizard().stepProperty().get()).isEqualTo(Step.DONE);
    assertThat(wizard().lines()).anyMatch(l -> l.text().equals("exit " + id + " processed"));
    // a double click sent one transaction; its block moved exactly the exit's amount
    WalletPort.TxLine tx = net.port.transactions().get(0);
    assertThat(net.port.transactions()).hasSize(1);
    assertThat(tx.purpose()).isEqualTo("exit " + id);
    long block = net.rootBlockOf(tx.hash());
    assertThat(
            net.rootTokenBalanceAt(user, block).subtract(net.rootTokenBalanceAt(user, block - 1)))
        .isEqualTo(amount);

    robot.clickOn("#closeButton");
    robot.clickOn("Transactions");
    await(30, () -> !context.wallet().transactions().isEmpty());
    Screenshots.save(root, "wallet-5-transactions");
  }

  @Test
  @Order(2)
  void committedDepositIsSelfExecutedFromItsDetailPane(FxRobot robot) throws Exception {
    var deposit = net.awaitCommittedDepositAfterPausingTheRelayer();
    BigInteger id = deposit.deposit().id();
    Address payer = deposit.deposit().deposit().orElseThrow().to();
    if (net.port.keys().stream().noneMatch(k -> k.address().equals(payer))) {
      net.port.importPrivateKey(
          "payer-" + id, net.privateKeyOf(payer).toCharArray(), PASSWORD.toCharArray());
    }
    Fx.run(() -> context.wallet().refreshKeys());
    await(20, () -> context.wallet().keys().stream().anyMatch(k -> k.address().equals(payer)));
    Fx.run(
        () ->
            context
                .wallet()
                .selectedProperty()
                .set(
                    context.wallet().keys().stream()
                        .filter(k -> k.address().equals(payer))
                        .findFirst()
                        .orElseThrow()));

    robot.clickOn("#nav-deposits");
    Fx.run(() -> context.deposits().table().reveal(id.toString()));
    Fx.waitUntil(() -> context.deposits().detail().detailProperty().get() != null);
    // Fired once it is shown and enabled, not clicked: under load the robot's mouse travel raced
    // with a refresh of the detail pane (the button it aimed at had left the scene).
    Fx.waitUntil(
        () ->
            Fx.call(
                () ->
                    robot
                        .lookup("#detail-action")
                        .tryQuery()
                        .map(n -> n.getScene() != null && n.isVisible() && !n.isDisabled())
                        .orElse(false)));
    Button action = robot.lookup("#detail-action").queryButton();
    Fx.run(action::fire);
    await(60, () -> wizard().stepProperty().get() == Step.REVIEW);
    assertThat(wizard().lines()).anyMatch(l -> l.text().startsWith("StateReceiver"));
    Screenshots.save(root, "wallet-6-self-execute-review");
    robot.clickOn("#confirmButton");
    type(robot, "#passwordField", PASSWORD);
    robot.clickOn("#sendButton");
    await(
        90,
        () ->
            wizard().stepProperty().get() == Step.DONE
                || wizard().stepProperty().get() == Step.FAILED);
    Screenshots.save(root, "wallet-7-self-execute-done");
    assertThat(wizard().errorProperty().get()).isEmpty();
    assertThat(wizard().lines()).anyMatch(l -> l.text().equals("deposit " + id + " processed"));
    assertThat(net.stateSyncProcessed(id)).isTrue();
    net.devnet.setRelayerPaused(false);
  }
}
