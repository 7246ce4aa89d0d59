package io.bridgescope.desktop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.stats.MessageFilter;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.Uint256Column;
import io.bridgescope.core.store.WatchDao;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.core.store.rows.WatchKind;
import io.bridgescope.desktop.AppContext;
import io.bridgescope.desktop.AppWiring;
import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.common.TableViewModel;
import io.bridgescope.desktop.overview.OverviewView;
import io.bridgescope.desktop.ports.DepositRow;
import io.bridgescope.desktop.testing.Fx;
import io.bridgescope.desktop.testing.RecordingClipboard;
import io.bridgescope.desktop.testing.Screenshots;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Overview charts, table filters and sorting, and watch notifications over a real devnet. */
@Tag("devnet")
@Tag("display")
@ExtendWith(ApplicationExtension.class)
class BridgeFeaturesFxTest {

  private static SharedDevnet net;
  private AppContext context;
  private Parent root;

  @BeforeAll
  static void startDevnet() throws Exception {
    net = new SharedDevnet();
    net.awaitTraffic();
  }

  @AfterAll
  static void stopDevnet() {
    if (net != null) {
      net.close();
    }
  }

  @Start
  void start(javafx.stage.Stage stage) {
    context =
        new AppContext(
            AppWiring.of(EnginePorts.over(net.sessions), Platform::runLater, () -> stage)
                .withClipboard(new RecordingClipboard())
                .withNetworks(new EngineNetworks(net.sessions)));
    root = context.viewLoader().load(Screen.MAIN_FXML).root();
    stage.setScene(new Scene(root, 1280, 900));
    stage.show();
  }

  @AfterEach
  void close() {
    context.close();
  }

  private void go(FxRobot robot, Screen s) {
    robot.clickOn("#nav-" + s.name().toLowerCase(Locale.ROOT));
  }

  @Test
  void overviewChartsDrawRealTrafficAndLatency() {
    Fx.waitUntil(() -> context.overview().chartsProperty().get() != null);
    Fx.waitUntil(() -> context.overview().chartsProperty().get().commitmentLatency().size() > 1);
    OverviewView view = (OverviewView) context.screens().get(Screen.OVERVIEW).controller();
    BarChart<String, Number> bars = view.charts().activityChart();
    long deposits =
        Fx.call(
            () ->
                bars.getData().get(0).getData().stream()
                    .mapToLong(d -> d.getYValue().longValue())
                    .sum());
    long indexed = net.session.db().read(c -> new StateSyncDao(c).count());
    assertThat(deposits).isPositive().isLessThanOrEqualTo(indexed);
    assertThat(Fx.call(() -> bars.getData().get(0).getData().get(0).getNode())).isNotNull();
    XYChart.Series<String, Number> wait = view.charts().commitLatencyChart().getData().get(0);
    assertThat(
            Fx.call(() -> wait.getData().stream().allMatch(d -> d.getYValue().doubleValue() >= 0)))
        .isTrue();
    assertThat(Fx.call(() -> wait.getData().size())).isGreaterThan(1);
    Fx.waitUntil(
        () ->
            context.overview().cards().stream()
                .anyMatch(c -> c.title().equals("Last commitment") && c.value().startsWith("#")));
    Screenshots.save(root, "features-overview-charts");
  }

  @Test
  void aStatusFilterShowsOnlyThatStatus(FxRobot robot) {
    go(robot, Screen.DEPOSITS);
    TableViewModel<DepositRow> t = context.deposits().table();
    Fx.waitUntil(() -> t.totalProperty().get() > 0);
    @SuppressWarnings("unchecked")
    ComboBox<String> status = robot.lookup("#filter-status").queryAs(ComboBox.class);
    Fx.run(() -> status.getSelectionModel().select("Executed")); // the control, not the VM
    long executedBefore = net.session.lifecycle().depositCounts().get(Stage.EXECUTED);
    Fx.waitUntil(() -> t.filterStateProperty().get().stage().equals(Optional.of(Stage.EXECUTED)));
    List<DepositRow> rows = firstRows(t);
    assertThat(rows).isNotEmpty().allMatch(r -> r.status().equals("Executed"));
    long shown = Fx.call(() -> t.totalProperty().get());
    long executedAfter = net.session.lifecycle().depositCounts().get(Stage.EXECUTED);
    assertThat(shown).isBetween(executedBefore, executedAfter); // executions only ever add up
    Screenshots.save(root, "features-deposits-executed");
    Fx.run(() -> t.applyFilter(MessageFilter.NONE.withStage(Optional.of(Stage.SENT))));
    Fx.waitUntil(() -> !t.loadingProperty().get());
    assertThat(firstRows(t)).allMatch(r -> r.status().equals("Sent"));
  }

  @Test
  void anAddressFilterCombinedWithAnOrderListsOnlyThatAddressOldestFirst(FxRobot robot) {
    go(robot, Screen.DEPOSITS);
    StateSyncRow two =
        net.session.db().read(c -> new StateSyncDao(c).byId(BigInteger.TWO)).orElseThrow();
    Address a = two.deposit().orElseThrow().to();
    TableViewModel<DepositRow> t = context.deposits().table();
    Fx.waitUntil(() -> t.totalProperty().get() > 0);
    Fx.run(
        () ->
            t.applyFilter(
                MessageFilter.NONE
                    .withAddress(Optional.of(a))
                    .withOrder(MessageFilter.Order.OLDEST_ID)));
    List<DepositRow> rows = firstRows(t);
    // an NFT batch's row names its first receiver; the address may be a later one's
    assertThat(rows).isNotEmpty();
    List<BigInteger> ids = rows.stream().map(DepositRow::stateSyncId).toList();
    assertThat(ids).isSorted().doesNotHaveDuplicates();
    // the same deposits as the wallet's lookup, NFT deposits whose payload names it included
    List<BigInteger> expected =
        net.session.lifecycle().depositsByAddress(a, Optional.empty(), 10_000).stream()
            .map(d -> d.deposit().id())
            .sorted()
            .limit(ids.size())
            .toList();
    assertThat(ids).isEqualTo(expected);
    Screenshots.save(root, "features-deposits-address-oldest");
  }

  @Test
  void sortingByIdAndTimeFollowsTheChosenDirection(FxRobot robot) {
    go(robot, Screen.EXITS);
    var t = context.exits().table();
    Fx.waitUntil(() -> t.totalProperty().get() > 1);
    @SuppressWarnings("unchecked")
    ComboBox<String> order = robot.lookup("#filter-order").queryAs(ComboBox.class);
    Fx.run(() -> order.getSelectionModel().select("Oldest first"));
    Fx.waitUntil(() -> t.filterStateProperty().get().order() == MessageFilter.Order.OLDEST_ID);
    var oldest = firstRows(t);
    assertThat(oldest.get(0).exitId()).isEqualTo(BigInteger.ONE);
    assertThat(oldest.stream().map(r -> r.exitId()).toList()).isSorted();
    Fx.run(() -> t.applyFilter(MessageFilter.NONE.withOrder(MessageFilter.Order.NEWEST_TIME)));
    var newest = firstRows(t);
    assertThat(newest.stream().map(r -> r.childBlock()).toList())
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    Screenshots.save(root, "features-exits-newest-by-time");
  }

  @Test
  void aWatchedDepositThatMovesOnProducesANotification(FxRobot robot) throws Exception {
    go(robot, Screen.DEPOSITS);
    // With the relayer paused a committed deposit cannot move on before the watcher has taken its
    // baseline (a deposit that is executed first would never notify): the test, not the machine's
    // speed, decides when it moves on.
    net.devnet.setRelayerPaused(true);
    BigInteger id;
    try {
      id = awaitCommittedDepositAfterPausing();
      Fx.run(() -> context.deposits().detail().show(id));
      Fx.waitUntil(() -> context.deposits().detail().detailProperty().get() != null);
      robot.clickOn("#watch-toggle");
      Fx.waitUntil(() -> context.deposits().detail().watchedProperty().get());
      ToggleButton toggle = robot.lookup("#watch-toggle").queryAs(ToggleButton.class);
      assertThat(Fx.call(toggle::isSelected)).isTrue();
      Fx.waitUntil(() -> isWatchStored(id)); // stored, and the watcher asked for its baseline
    } finally {
      net.devnet.setRelayerPaused(false);
    }
    String title = "Deposit " + id + ": ";
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                Fx.call(
                    () ->
                        context.notifications().notices().stream()
                            .anyMatch(n -> n.title().startsWith(title))));
    var notice =
        Fx.call(
            () ->
                context.notifications().notices().stream()
                    .filter(n -> n.title().startsWith(title))
                    .findFirst()
                    .orElseThrow());
    assertThat(notice.text()).startsWith("was ");
    assertThat(Fx.call(() -> context.notifications().unreadProperty().get())).isPositive();
    Screenshots.save(root, "features-watch-notified");
    // Opening the bell marks everything read; the watched deposit may move on again meanwhile, so
    // only notices that arrive after the click may be unread.
    java.util.concurrent.atomic.AtomicInteger arrivedAfter =
        new java.util.concurrent.atomic.AtomicInteger();
    javafx.collections.ListChangeListener<Object> counter =
        ch -> {
          while (ch.next()) {
            arrivedAfter.addAndGet(ch.getAddedSize());
          }
        };
    Fx.run(() -> context.notifications().notices().addListener(counter));
    robot.clickOn("#bell");
    Screenshots.save(root, "features-bell-open");
    assertThat(Fx.call(() -> context.notifications().unreadProperty().get()))
        .isLessThanOrEqualTo(arrivedAfter.get());
  }

  /**
   * A deposit committed after the relayer was paused (newer than the newest deposit at the pause,
   * since a relayer run already under way may still execute older ones).
   */
  private static BigInteger awaitCommittedDepositAfterPausing() {
    BigInteger newest =
        net.session.lifecycle().deposits(Optional.empty(), 1).stream()
            .map(d -> d.deposit().id())
            .findFirst()
            .orElse(BigInteger.ZERO);
    return await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                net.session.lifecycle().deposits(Optional.empty(), 50).stream()
                    .filter(d -> d.deposit().id().compareTo(newest) > 0)
                    .filter(d -> d.stage() == Stage.COMMITTED)
                    .map(d -> d.deposit().id())
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  private static boolean isWatchStored(BigInteger id) {
    Bytes key = Bytes.of(Uint256Column.encode(id));
    return net.session.db().read(c -> new WatchDao(c).all()).stream()
        .anyMatch(w -> w.kind() == WatchKind.DEPOSIT && w.value().equals(key));
  }

  /**
   * The rows of the first page once loaded. A filter change empties the rows, so rows that are
   * there again come from the new filter; the table need not be idle (with live traffic on a loaded
   * machine it reloads again before it ever reads as idle), only an empty result waits for that.
   */
  private static <R> List<R> firstRows(TableViewModel<R> t) {
    Fx.waitUntil(
        () ->
            Fx.call(
                () -> t.rows().isEmpty() ? !t.loadingProperty().get() : t.rows().peek(0) != null));
    return Fx.call(
        () -> {
          List<R> out = new ArrayList<>();
          for (int i = 0; i < Math.min(t.rows().size(), 50); i++) {
            R r = t.rows().peek(i);
            if (r != null) {
              out.add(r);
            }
          }
          return out;
        });
  }
}
