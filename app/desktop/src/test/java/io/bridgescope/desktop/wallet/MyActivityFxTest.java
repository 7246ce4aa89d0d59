package io.bridgescope.desktop.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.lifecycle.ExitStatus;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.desktop.AppContext;
import io.bridgescope.desktop.AppWiring;
import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.activity.ActivityAccount;
import io.bridgescope.desktop.activity.ActivityItem;
import io.bridgescope.desktop.activity.ActivityViewModel;
import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.engine.EngineNetworks;
import io.bridgescope.desktop.engine.EnginePorts;
import io.bridgescope.desktop.testing.Fx;
import io.bridgescope.desktop.testing.RecordingClipboard;
import io.bridgescope.desktop.testing.Screenshots;
import io.bridgescope.desktop.wallet.WizardViewModel.Step;
import io.bridgescope.devnet.DevnetConfig;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * My activity over a real devnet with no exit bot (every withdrawal stays for the wallet): a demo
 * user's key lists its deposits and exits with their stages, the selection stays on its item while
 * the index grows, and "Claim all ready" claims every ready exit of the key in one batchExit
 * through the Wallet wizard, whose review shows the call decoded before the password.
 */
@Tag("devnet")
@Tag("display")
@ExtendWith(ApplicationExtension.class)
class MyActivityFxTest {

  private static final String PASSWORD = "activity-test-pw";
  private static final String KEY = "activity-user";
  private static WalletDevnet net;
  private AppContext context;
  private Parent root;

  @BeforeAll
  static void startDevnet() throws Exception {
    net = new WalletDevnet(DevnetConfig.defaults().toBuilder().autoExit(false).build());
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
                .withActivity(net.port)
                .withNetworks(new EngineNetworks(net.sessions)));
    root = context.viewLoader().load(Screen.MAIN_FXML).root();
    stage.setScene(new Scene(root, 1280, 800));
    stage.show();
  }

  @AfterEach
  void close() {
    context.close();
  }

  /** A demo user with at least two checkpointed withdrawals (nobody claims them here). */
  private static Address userWithTwoCheckpointedExits() {
    return await("a demo user with two checkpointed withdrawals")
        .atMost(Duration.ofSeconds(300))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              Map<Address, Long> byUser =
                  net.session.lifecycle().exits(Optional.empty(), 500).stream()
                      .filter(s -> s.stage() == io.bridgescope.core.lifecycle.Stage.CHECKPOINTED)
                      .map(ExitStatus::exit)
                      .filter(x -> x.withdrawal().isPresent())
                      .collect(
                          Collectors.groupingBy(
                              x -> x.withdrawal().get().to(), Collectors.counting()));
              return byUser.entrySet().stream()
                  .filter(e -> e.getValue() >= 2)
                  .map(Map.Entry::getKey)
                  .findFirst();
            },
            Optional::isPresent)
        .orElseThrow();
  }

  /** The rows My activity shows now (FX thread reads). */
  private List<ActivityItem> shown() {
    return Fx.call(
        () -> {
          List<ActivityItem> out = new ArrayList<>();
          var rows = vm().table().rows();
          for (int i = 0; i < rows.size(); i++) {
            ActivityItem r = rows.peek(i);
            if (r != null) {
              out.add(r);
            }
          }
          return out;
        });
  }

  private ActivityViewModel vm() {
    return context.activity();
  }

  private WizardViewModel wizard() {
    return context.wallet().wizard();
  }

  private Optional<ActivityItem> item(String key) {
    return shown().stream().filter(i -> i.key().equals(key)).findFirst();
  }

  /** The exit ids a batchExit's calldata carries: the id word of each input's unhashed leaf. */
  private static Set<BigInteger> batchExitIds(byte[] calldata) {
    assertThat(Arrays.copyOf(calldata, 4)).isEqualTo(Abi.selector(BridgeAbi.BATCH_EXIT));
    AbiReader inputs = AbiReader.ofCalldata(calldata).tail("inputs", 0);
    int n = inputs.arrayLength("inputs");
    AbiReader body = inputs.arrayBody();
    Set<BigInteger> ids = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      byte[] leaf = body.tail("input", i).bytes("unhashedLeaf", 2);
      ids.add(new AbiReader(leaf).uint("id", 0));
    }
    return ids;
  }

  @Test
  void aKeysDepositsAndExitsAreListedAndItsReadyExitsClaimedInOneBatchExit(FxRobot robot)
      throws Exception {
    Address user = userWithTwoCheckpointedExits();
    net.port.importPrivateKey(KEY, net.privateKeyOf(user).toCharArray(), PASSWORD.toCharArray());

    robot.clickOn("#nav-activity");
    Fx.waitUntil(
        () ->
            Fx.call(
                () -> vm().accounts().stream().anyMatch(a -> a.key().equals(Optional.of(KEY)))));
    ActivityAccount account =
        Fx.call(
            () ->
                vm().accounts().stream()
                    .filter(a -> a.key().equals(Optional.of(KEY)))
                    .findFirst()
                    .orElseThrow());
    robot.clickOn(KEY + "\n" + io.bridgescope.desktop.widgets.ShortHex.of(user.toString()));
    assertThat(Fx.call(() -> vm().selectedAccountProperty().get())).isEqualTo(account);

    // its exits (checkpointed, ready) and deposits, with their stages in words
    Fx.waitUntil(
        () ->
            shown().stream()
                    .filter(i -> i.kind() == ActivityItem.Kind.EXIT)
                    .filter(i -> i.action() == ActivityItem.NextAction.CLAIM)
                    .count()
                >= 2);
    Fx.waitUntil(() -> shown().stream().anyMatch(i -> i.kind() == ActivityItem.Kind.DEPOSIT));
    assertThat(shown()).allMatch(i -> i.account().equals(user));
    assertThat(shown())
        .filteredOn(i -> i.action() == ActivityItem.NextAction.CLAIM)
        .allMatch(i -> i.stage().equals("Checkpointed"));
    assertThat(shown()).extracting(ActivityItem::stage).contains("Executed");
    Screenshots.save(root, "activity-0-listed");

    // the countdowns follow a one-second timeline while the screen is shown
    java.time.Instant before = Fx.call(() -> vm().nowProperty().get());
    Fx.waitUntil(() -> Fx.call(() -> vm().nowProperty().get().isAfter(before)));

    // the selection stays on its item (by key) while the index grows and the list reloads
    ActivityItem chosen =
        shown().stream()
            .filter(i -> i.kind() == ActivityItem.Kind.DEPOSIT)
            .reduce((a, b) -> b)
            .orElseThrow();
    @SuppressWarnings("unchecked")
    TableView<ActivityItem> table = robot.lookup("#table").queryAs(TableView.class);
    Fx.run(() -> table.getSelectionModel().clearAndSelect(shown().indexOf(chosen)));
    assertThat(vm().table().selectedKey()).contains(chosen.key());
    long total = Fx.call(() -> vm().table().totalProperty().get());
    int generation = Fx.call(() -> vm().table().generationProperty().get());
    Fx.waitUntil(
        () ->
            Fx.call(
                () ->
                    vm().table().totalProperty().get() > total
                        && vm().table().generationProperty().get() > generation + 1));
    assertThat(Fx.call(() -> vm().table().selectedKey())).contains(chosen.key());
    assertThat(Fx.call(() -> table.getSelectionModel().getSelectedItem().key()))
        .isEqualTo(chosen.key());

    // the key is a demo user's: its traffic stops first, so the claim's nonce is not raced
    net.devnet.setTrafficPaused(true);
    // Claim all ready: the Wallet wizard reviews one batchExit of every ready exit of the key
    Set<BigInteger> ready =
        shown().stream()
            .filter(i -> i.action() == ActivityItem.NextAction.CLAIM)
            .map(ActivityItem::id)
            .collect(Collectors.toCollection(TreeSet::new));
    Fx.waitUntil(() -> Fx.call(() -> vm().canClaimAllProperty().get()));
    robot.clickOn("#claimAllButton");
    Fx.waitUntil(() -> Fx.call(() -> wizard().stepProperty().get() == Step.REVIEW));
    assertThat(Fx.call(() -> context.main().screenProperty().get())).isEqualTo(Screen.WALLET);
    assertThat(Fx.call(() -> context.wallet().keyStore().selectedProperty().get().name()))
        .isEqualTo(KEY);
    Review review = Fx.call(() -> wizard().review());
    assertThat(review.steps()).hasSize(1);
    io.bridgescope.core.wallet.Step step = review.steps().get(0);
    assertThat(step.purpose()).isEqualTo(TxPurpose.BATCH_EXIT);
    assertThat(step.call().function()).isEqualTo("batchExit");
    Set<BigInteger> signed = batchExitIds(step.data().value());
    // what was ready on My activity is in the batch (exits checkpointed since may join it)
    assertThat(signed).containsAll(ready);
    String idText = signed.stream().map(BigInteger::toString).collect(Collectors.joining(", "));
    assertThat(Fx.call(() -> List.copyOf(wizard().lines())))
        .extracting(ReviewLine::text)
        .anyMatch(t -> t.startsWith("ExitHelper ") && t.endsWith(" · batchExit"))
        .anyMatch(t -> t.contains(signed.size() + " exits: " + idText));
    Screenshots.save(root, "activity-1-batch-review");

    robot.clickOn("#confirmButton");
    TextInputControl pw = robot.lookup("#passwordField").queryAs(TextInputControl.class);
    Fx.run(() -> pw.setText(PASSWORD));
    robot.clickOn("#sendButton");
    Fx.waitUntil(
        () ->
            Fx.call(
                () ->
                    wizard().stepProperty().get() == Step.DONE
                        || wizard().stepProperty().get() == Step.FAILED));
    assertThat(Fx.call(() -> wizard().errorProperty().get())).isEmpty();
    for (BigInteger id : signed) {
      assertThat(net.exitProcessed(id)).as("exit %s processed on the root", id).isTrue();
    }
    List<WalletPort.TxLine> txs = net.port.transactions();
    assertThat(txs).hasSize(1);
    assertThat(txs.get(0).purpose()).isEqualTo("batch_exit");
    Screenshots.save(root, "activity-2-claimed");

    // back on My activity the claimed exits move on to Exited as the index sees them
    robot.clickOn("#closeButton");
    robot.clickOn("#nav-activity");
    Fx.waitUntil(
        () ->
            ready.stream()
                .allMatch(
                    id ->
                        item(ActivityItem.key(ActivityItem.Kind.EXIT, id))
                            .map(i -> i.stage().equals("Exited"))
                            .orElse(false)));
    assertThat(Fx.call(() -> vm().table().selectedKey())).contains(chosen.key());
    Screenshots.save(root, "activity-3-exited");
  }
}
