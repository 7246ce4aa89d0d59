package io.bridgescope.desktop.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.bridgescope.core.lifecycle.ExitStatus;
import io.bridgescope.core.model.Address;
import io.bridgescope.desktop.AppContext;
import io.bridgescope.desktop.AppWiring;
import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.engine.EngineNetworks;
import io.bridgescope.desktop.engine.EnginePorts;
import io.bridgescope.desktop.testing.Fx;
import io.bridgescope.desktop.testing.RecordingClipboard;
import io.bridgescope.desktop.testing.Screenshots;
import io.bridgescope.desktop.wallet.WizardViewModel.Step;
import io.bridgescope.devnet.DevnetAssets;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
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
            AppWiring.of(EnginePorts.over(net.sessions), Platform::runLater, () -> stage)
                .withClipboard(new RecordingClipboard())
                .withFiles(none)
                .withWallet(net.port)
                .withNetworks(new EngineNetworks(net.sessions)));
    root = context.viewLoader().load(Screen.MAIN_FXML).root();
    stage.setScene(new Scene(root, 1280, 800));
    stage.show();
  }

  @AfterEach
  void close() {
    context.close();
    net.devnet.setTrafficPaused(false); // a test that failed while it was paused
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
    assertThat(context.wallet().keyStore().selectedProperty().get().address()).isEqualTo(user);
    assertThat(robot.lookup("#secretField").queryAs(TextInputControl.class).getText()).isEmpty();
    assertThat(robot.lookup("#keyPasswordField").queryAs(TextInputControl.class).getText())
        .isEmpty();
    assertThat(context.wallet().balancesProperty().get()).contains("Demo token");
    Screenshots.save(root, "wallet-0-keys-and-exits");

    // From the exit's detail pane: its action opens the wizard on the Wallet screen.
    robot.clickOn("#nav-exits");
    Fx.run(() -> context.exits().table().reveal(id.toString()));
    // this exit's detail, not whichever was shown before: the action acts on the pane's item
    Fx.waitUntil(
        () ->
            Fx.call(
                () -> {
                  var d = context.exits().detail().detailProperty().get();
                  return d != null && d.title().equals("Exit " + id);
                }));
    assertThat(Fx.call(() -> context.exits().table().selectedProperty().get().exitId()))
        .isEqualTo(id);
    fireDetailAction(robot, Screen.EXITS);
    await(60, () -> wizard().stepProperty().get() == Step.REVIEW);
    // the dialog names the item it acts on
    assertThat(Fx.call(() -> wizard().titleProperty().get())).contains(" · " + id + " ");
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

    // The key is a demo user's: its traffic pauses, or a demo transaction races the claim's nonce.
    net.devnet.setTrafficPaused(true);
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

    net.devnet.setTrafficPaused(false);
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
    net.useKey(context.wallet(), payer, "payer-" + id, PASSWORD);

    robot.clickOn("#nav-deposits");
    Fx.run(() -> context.deposits().table().reveal(id.toString()));
    // This deposit's detail, not the one shown before (reveal finds the row in the background,
    // and on a loaded machine the earlier detail was still there: the action ran on it).
    Fx.waitUntil(
        () ->
            Fx.call(
                () -> {
                  var d = context.deposits().detail().detailProperty().get();
                  return d != null && d.title().equals("Deposit " + id);
                }));
    fireDetailAction(robot, Screen.DEPOSITS);
    await(60, () -> wizard().stepProperty().get() == Step.REVIEW);
    assertThat(Fx.call(() -> wizard().titleProperty().get())).contains(" · " + id + " ");
    assertThat(wizard().lines()).anyMatch(l -> l.text().startsWith("StateReceiver"));
    Screenshots.save(root, "wallet-6-self-execute-review");
    net.devnet.setTrafficPaused(true); // the payer is a demo user: no nonce race with its traffic
    sendWithPassword(robot);
    Screenshots.save(root, "wallet-7-self-execute-done");
    assertThat(wizard().lines()).anyMatch(l -> l.text().equals("deposit " + id + " processed"));
    assertThat(net.stateSyncProcessed(id)).isTrue();
    net.devnet.setTrafficPaused(false);
    net.devnet.setRelayerPaused(false);
  }

  @Test
  @Order(3)
  void anNftGoesToTheChildAndBackThroughTheWizard(FxRobot robot) throws Exception {
    net.devnet.setRelayerPaused(false); // the deposit is executed by the relayer
    Address me = net.account(6); // no demo traffic signs for it: no nonce race
    BigInteger id = BigInteger.valueOf(880_001);
    net.mintRootNft(me, id);
    net.useKey(context.wallet(), me, "nft-owner", PASSWORD);
    robot.clickOn("#nav-wallet");

    // Deposit: the form asks for the standard and the ids; the review shows both calls decoded.
    Fx.run(() -> robot.lookup("#nftDepositButton").queryButton().fire());
    await(10, () -> wizard().stepProperty().get() == Step.FORM);
    assertThat(robot.lookup("#idsField").query().isVisible()).isTrue();
    type(robot, "#tokenField", net.devnet.assets().nft().toString());
    type(robot, "#idsField", id.toString());
    // the hidden amount row (ERC-721) leaves no gap: ids to receiver as token to standard
    assertThat(Fx.call(() -> rowGap(robot, "#idsField", "#receiverField")))
        .isCloseTo(Fx.call(() -> rowGap(robot, "#tokenField", "#nftKindBox")), within(1.0));
    Screenshots.save(root, "wallet-8-nft-deposit-form");
    robot.clickOn("#prepareButton");
    await(60, () -> wizard().stepProperty().get() == Step.REVIEW);
    assertThat(wizard().lines())
        .extracting(ReviewLine::text)
        .anyMatch(t -> t.contains("setApprovalForAll"))
        .anyMatch(t -> t.startsWith("RootERC721Predicate"))
        .contains("tokenId (uint256) = " + id);
    Screenshots.save(root, "wallet-9-nft-deposit-review");
    sendWithPassword(robot);
    assertThat(net.rootNftOwner(id))
        .as("held in escrow by the root predicate")
        .isEqualTo(net.devnet.assets().rootErc721Predicate());

    // Withdraw: once the child clone holds the id, burn it there through the same form.
    try {
      await(180, () -> me.equals(net.childNftOwner(id)));
    } catch (AssertionError e) {
      throw new AssertionError(
          "the NFT did not reach the child; newest deposits: "
              + net.session.lifecycle().deposits(Optional.empty(), 5).stream()
                  .map(d -> d.deposit().id() + " " + d.status())
                  .toList()
              + ", child clone "
              + net.childNft(),
          e);
    }
    robot.clickOn("#closeButton");
    Fx.run(() -> robot.lookup("#nftWithdrawButton").queryButton().fire());
    await(10, () -> wizard().stepProperty().get() == Step.FORM);
    type(robot, "#tokenField", net.childNft().toString());
    type(robot, "#idsField", id.toString());
    robot.clickOn("#prepareButton");
    await(60, () -> wizard().stepProperty().get() == Step.REVIEW);
    assertThat(wizard().lines())
        .extracting(ReviewLine::text)
        .anyMatch(t -> t.startsWith("ChildERC721Predicate"))
        .contains("tokenId (uint256) = " + id);
    sendWithPassword(robot);
    assertThat(net.childNftOwner(id)).as("burnt on the child").isEqualTo(Address.ZERO);
  }

  @Test
  @Order(4)
  void aChildNativeTokenLeavesTheChildThroughTheWizard(FxRobot robot) throws Exception {
    Address me = net.account(6); // no demo traffic signs for it: no nonce race
    BigInteger ether = BigInteger.TEN.pow(18);
    net.mintChildNative(me, ether.multiply(BigInteger.TEN));
    net.mapChildNative(me);
    net.useKey(context.wallet(), me, "nft-owner", PASSWORD);
    robot.clickOn("#nav-wallet");
    BigInteger held = net.childNativeBalance(me);

    Fx.run(() -> item(robot, "childDepositItem").fire());
    await(10, () -> wizard().stepProperty().get() == Step.FORM);
    assertThat(robot.lookup("#idsField").query().isVisible()).isFalse();
    type(robot, "#tokenField", net.devnet.assets().childNative().toString());
    type(robot, "#amountField", "2.5");
    robot.clickOn("#prepareButton");
    await(60, () -> wizard().stepProperty().get() == Step.REVIEW);
    // approve on the child, then the deposit through Edge's predicate at 0x…1009, amounts at the
    // token's own decimals
    assertThat(wizard().lines())
        .extracting(ReviewLine::text)
        .anyMatch(t -> t.contains("approve"))
        .anyMatch(t -> t.startsWith("RootMintableERC20Predicate"))
        .anyMatch(t -> t.contains("2500000000000000000 (2.5"));
    Screenshots.save(root, "wallet-10-child-native-deposit-review");
    sendWithPassword(robot);
    // the demo traffic moves the shared escrow too: the sender's own balance says it exactly
    assertThat(net.childNativeBalance(me))
        .as("2.5 tokens left the sender into the child's RootMintableERC20Predicate")
        .isEqualTo(held.subtract(ether.multiply(BigInteger.valueOf(25)).divide(BigInteger.TEN)));
  }

  @Test
  @Order(5)
  void aChildNativeNftLeavesTheChildThroughTheWizard(FxRobot robot) throws Exception {
    Address me = net.account(6);
    BigInteger id = BigInteger.valueOf(90_001);
    net.mintChildNativeNft(me, id);
    net.useKey(context.wallet(), me, "nft-owner", PASSWORD);
    robot.clickOn("#nav-wallet");

    Fx.run(() -> item(robot, "childNftDepositItem").fire());
    await(10, () -> wizard().stepProperty().get() == Step.FORM);
    assertThat(wizard().titleProperty().get()).startsWith("Deposit child-native NFTs to the root");
    assertThat(robot.lookup("#idsField").query().isVisible()).isTrue();
    type(robot, "#tokenField", net.devnet.assets().childNativeNft().toString());
    type(robot, "#idsField", id.toString());
    robot.clickOn("#prepareButton");
    await(60, () -> wizard().stepProperty().get() == Step.REVIEW);
    // the child's RootMintableERC721Predicate (0x…100a) becomes an operator, then takes the id
    assertThat(wizard().lines())
        .extracting(ReviewLine::text)
        .anyMatch(t -> t.contains("setApprovalForAll"))
        .anyMatch(t -> t.startsWith("RootMintableERC721Predicate"))
        .contains("tokenId (uint256) = " + id);
    Screenshots.save(root, "wallet-11-child-native-nft-deposit-review");
    sendWithPassword(robot);
    assertThat(net.childNativeNftOwner(id))
        .as("escrowed by the child's RootMintableERC721Predicate")
        .isEqualTo(DevnetAssets.ROOT_MINTABLE_ERC721_PREDICATE);
  }

  /** A menu item of the wallet's "Child-native tokens…" menu, by its id. */
  private static MenuItem item(FxRobot robot, String id) {
    MenuButton menu = robot.lookup("#childNativeMenu").queryAs(MenuButton.class);
    return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
  }

  /** From the review: confirm, type the password, send, and wait for a successful end. */
  private void sendWithPassword(FxRobot robot) {
    robot.clickOn("#confirmButton");
    type(robot, "#passwordField", PASSWORD);
    robot.clickOn("#sendButton");
    await(
        90,
        () ->
            wizard().stepProperty().get() == Step.DONE
                || wizard().stepProperty().get() == Step.FAILED);
    assertThat(wizard().errorProperty().get()).isEmpty();
    assertThat(wizard().stepProperty().get()).isEqualTo(Step.DONE);
  }

  /** The space between the bottom of {@code upper} and the top of {@code lower}, in the scene. */
  private static double rowGap(FxRobot robot, String upper, String lower) {
    javafx.scene.Node a = robot.lookup(upper).query();
    javafx.scene.Node b = robot.lookup(lower).query();
    return b.localToScene(b.getBoundsInLocal()).getMinY()
        - a.localToScene(a.getBoundsInLocal()).getMaxY();
  }

  /**
   * The detail pane's action, fired once it is shown and enabled, not clicked: under load the
   * robot's mouse travel raced with a refresh of the detail pane (the button it aimed at had left
   * the scene). It checks that the button is in view without scrolling.
   */
  private void fireDetailAction(FxRobot robot, Screen screen) {
    javafx.scene.Parent pane = context.screens().get(screen).root();
    Fx.waitUntil(
        () ->
            Fx.call(
                () ->
                    robot
                        .from(pane)
                        .lookup("#detail-action")
                        .tryQuery()
                        .map(n -> n.getScene() != null && n.isVisible() && !n.isDisabled())
                        .orElse(false)));
    Button action = robot.from(pane).lookup("#detail-action").queryButton();
    // the action sits under the status, in view without scrolling at 1280x800
    assertThat(
            Fx.call(
                () -> {
                  javafx.scene.Node scroll = action.getParent();
                  while (!(scroll instanceof javafx.scene.control.ScrollPane)) {
                    scroll = scroll.getParent();
                  }
                  return scroll.localToScene(scroll.getBoundsInLocal()).getMaxY()
                      - action.localToScene(action.getBoundsInLocal()).getMaxY();
                }))
        .as("room below the detail action inside its scroll pane's view")
        .isGreaterThanOrEqualTo(0.0);
    Fx.run(action::fire);
  }
}
