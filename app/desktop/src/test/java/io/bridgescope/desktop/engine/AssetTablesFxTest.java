package io.bridgescope.desktop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bridgescope.core.asset.AssetAction;
import io.bridgescope.core.asset.AssetItem;
import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.asset.AssetMessage;
import io.bridgescope.core.asset.AssetPayload;
import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.stats.MessageFilter;
import io.bridgescope.core.store.AssetDao;
import io.bridgescope.desktop.AppContext;
import io.bridgescope.desktop.AppWiring;
import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.common.TableViewModel;
import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.ports.DepositRow;
import io.bridgescope.desktop.ports.MessageDetail;
import io.bridgescope.desktop.ports.TokenChoice;
import io.bridgescope.desktop.testing.Fx;
import io.bridgescope.desktop.testing.RecordingClipboard;
import io.bridgescope.desktop.testing.Screenshots;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
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
 * Issue 15 (GUI) and issue 16 (CSV) on a real devnet with its traffic of every asset kind: the
 * 6-decimals BUSD shows 12.345678 in the table, the detail pane and the CSV export; the kind and
 * token choosers narrow the list in SQL and stay through live refreshes; NFT rows list their ids;
 * the address filter finds an NFT's receiver; none of the new text is cut at 1280x800.
 */
@Tag("devnet")
@Tag("display")
@ExtendWith(ApplicationExtension.class)
class AssetTablesFxTest {

  private static SharedDevnet net;
  private static Path exportDir;
  private AppContext context;
  private Parent root;

  @BeforeAll
  static void startDevnet() throws Exception {
    net = new SharedDevnet();
    exportDir = Files.createTempDirectory("bs-gui-assets-");
    await("a BUSD deposit and an ERC-721 deposit indexed")
        .atMost(Duration.ofSeconds(300))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> busdDeposit().isPresent() && nftDeposit().isPresent());
  }

  @AfterAll
  static void stopDevnet() {
    if (net != null) {
      net.close();
    }
  }

  @Start
  void start(javafx.stage.Stage stage) {
    FilePicker files =
        new FilePicker() {
          @Override
          public Optional<Path> saveFile(String title, String name, String kind, String pattern) {
            return Optional.of(exportDir.resolve(name));
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
                .withFiles(files)
                .withNetworks(new EngineNetworks(net.sessions)));
    root = context.viewLoader().load(Screen.MAIN_FXML).root();
    stage.setScene(new Scene(root, 1280, 800));
    stage.show();
  }

  @AfterEach
  void close() {
    context.close();
  }

  /** The newest indexed deposit of 12,345,678 base units of a token whose symbol is BUSD. */
  private static Optional<AssetMessage> busdDeposit() {
    return net.session
        .db()
        .read(
            c -> {
              for (AssetMessage m :
                  new AssetDao(c)
                      .page(
                          Direction.TO_CHILD,
                          Optional.of(AssetKind.ERC20),
                          Optional.empty(),
                          Optional.empty(),
                          500)) {
                if (m.payload() instanceof AssetPayload.Transfer t
                    && t.action() == AssetAction.DEPOSIT
                    && t.items().get(0).amount().equals(BigInteger.valueOf(12_345_678))) {
                  return Optional.of(m);
                }
              }
              return Optional.<AssetMessage>empty();
            });
  }

  private static Optional<AssetMessage> nftDeposit() {
    return net.session
        .db()
        .read(
            c ->
                new AssetDao(c)
                        .page(
                            Direction.TO_CHILD,
                            Optional.of(AssetKind.ERC721),
                            Optional.empty(),
                            Optional.empty(),
                            50)
                        .stream()
                        .filter(m -> m.payload() instanceof AssetPayload.Transfer)
                        .findFirst());
  }

  private static Address token(AssetMessage m) {
    return ((AssetPayload.Transfer) m.payload()).token();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSixDecimalsTokenShowsItsOwnAmountsAndTheFiltersSurviveLiveRefreshes(FxRobot robot)
      throws Exception {
    robot.clickOn("#nav-deposits");
    TableViewModel<DepositRow> t = context.deposits().table();
    Fx.waitUntil(() -> t.totalProperty().get() > 0);
    Address busd = token(busdDeposit().orElseThrow());
    ComboBox<String> kind = robot.lookup("#filter-kind").queryAs(ComboBox.class);
    ComboBox<TokenChoice> token = robot.lookup("#filter-token").queryAs(ComboBox.class);
    // the chooser lists the mapped tokens by symbol (read on a worker thread); its list may have
    // been read before BUSD's mapping was indexed, and opening it reads the list again
    // (again each second until it is there: the mapping may be indexed after the first opening)
    org.awaitility.Awaitility.await("BUSD offered by the token chooser")
        .atMost(java.time.Duration.ofSeconds(120))
        .pollInterval(java.time.Duration.ofSeconds(1))
        .until(
            () -> {
              if (Fx.call(() -> token.getItems().stream().anyMatch(c -> c.token().equals(busd)))) {
                return true;
              }
              Fx.run(
                  () -> {
                    token.show();
                    token.hide();
                  });
              return false;
            });
    TokenChoice busdChoice =
        Fx.call(
            () ->
                token.getItems().stream()
                    .filter(c -> c.token().equals(busd))
                    .findFirst()
                    .orElseThrow());
    assertThat(busdChoice.label()).startsWith("BUSD · ERC-20 · ");
    long busdBefore = busdCount(busd);
    Fx.run(() -> kind.getSelectionModel().select("ERC-20")); // the controls, not the VM
    Fx.run(() -> token.getSelectionModel().select(busdChoice));
    MessageFilter wanted =
        MessageFilter.NONE.withKind(Optional.of(AssetKind.ERC20)).withToken(Optional.of(busd));
    Fx.waitUntil(() -> t.filterStateProperty().get().equals(wanted));
    List<DepositRow> rows = firstRows(t);
    assertThat(rows).isNotEmpty();
    assertThat(rows)
        .allSatisfy(
            r -> {
              assertThat(r.asset().kind()).isEqualTo("ERC-20");
              assertThat(r.asset().label()).isEqualTo("ERC-20 · BUSD");
              // the token's own MAP_TOKEN message is one of its messages too
              assertThat(r.amount())
                  .matches(a -> a.endsWith(" BUSD") || a.equals("token mapping (BUSD)"))
                  .doesNotContain("raw");
            });
    DepositRow dep =
        rows.stream()
            .filter(r -> r.asset().amountRaw().equals("12345678"))
            .findFirst()
            .orElseThrow();
    assertThat(dep.amount()).isEqualTo("12.345678 BUSD");
    assertThat(dep.asset().amountDecimal()).isEqualTo("12.345678");
    long total = Fx.call(() -> t.totalProperty().get());
    // counted in SQL: BUSD deposits may have arrived since the table counted, none went away
    assertThat(total).isBetween(busdBefore, busdCount(busd));
    // The detail pane of the selected row: kind, symbol and the amount in 6 decimals.
    TableView<DepositRow> table =
        (TableView<DepositRow>) robot.lookup(".table-view").match(Node::isVisible).query();
    // selected as a click does, by its row (found by id: its status may move on meanwhile)
    Fx.waitUntil(
        () ->
            Fx.call(
                () -> {
                  MessageDetail d = context.deposits().detail().detailProperty().get();
                  if (d != null && d.title().equals("Deposit " + dep.stateSyncId())) {
                    return true;
                  }
                  for (int i = 0; i < t.rows().size(); i++) {
                    DepositRow r = t.rows().peek(i);
                    if (r != null && r.stateSyncId().equals(dep.stateSyncId())) {
                      if (table.getSelectionModel().getSelectedIndex() != i) {
                        table.getSelectionModel().clearAndSelect(i);
                      }
                      break;
                    }
                  }
                  return false;
                }));
    MessageDetail d = Fx.call(() -> context.deposits().detail().detailProperty().get());
    assertThat(d.payload())
        .contains(
            new MessageDetail.Field("Kind", "ERC-20", false),
            new MessageDetail.Field("Symbol", "BUSD (6 decimals)", false),
            new MessageDetail.Field("Item", "12.345678 BUSD to " + dep.receiver(), false));
    Fx.waitUntil(() -> shownText(root).contains("12.345678 BUSD to " + dep.receiver()));
    assertThat(cutTexts(robot)).as("cut-off texts").isEmpty();
    Screenshots.save(root, "assets-deposits-busd");

    // Live refreshes keep the filter: a new BUSD deposit arrives behind "N new rows" (or is
    // shown), and every row listed is still a BUSD one.
    await("a BUSD deposit indexed after the filter was set")
        .atMost(Duration.ofSeconds(240))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> Fx.call(() -> t.newRowsProperty().get() > 0 || t.totalProperty().get() > total));
    assertThat(Fx.call(() -> t.filterStateProperty().get())).isEqualTo(wanted);
    assertThat(Fx.call(kind::getValue)).isEqualTo("ERC-20");
    assertThat(Fx.call(token::getValue)).isEqualTo(busdChoice);
    Fx.run(t::showNewRows);
    assertThat(firstRows(t)).isNotEmpty().allMatch(r -> r.asset().label().equals("ERC-20 · BUSD"));

    // The CSV export: ISO-8601 UTC time, block, kind, token, decimal and raw amounts.
    robot.clickOn(robot.lookup("#exportButton").match(Node::isVisible).queryAs(Node.class));
    Path csv = exportDir.resolve("deposits.csv");
    Fx.waitUntil(() -> shownText(root).contains("Exported "));
    List<String> lines = lines(csv);
    assertThat(lines.get(0))
        .isEqualTo(
            "state_sync_id,root_block,root_time_utc,status,from,to,tx_hash,kind,action,token,"
                + "symbol,amount,amount_raw,token_ids,amount_text");
    String line =
        lines.stream().filter(l -> l.startsWith(dep.stateSyncId() + ",")).findFirst().orElseThrow();
    assertThat(line)
        .matches(
            dep.stateSyncId()
                + ","
                + dep.blockNumber()
                + ",\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ,.*")
        .contains(",ERC-20,deposit," + busd + ",BUSD,12.345678,12345678,,12.345678 BUSD");
    assertThat(lines.subList(1, lines.size())).allMatch(l -> l.contains(",BUSD,"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void nftRowsListTheirIdsAndTheirReceiversFindThem(FxRobot robot) {
    robot.clickOn("#nav-deposits");
    TableViewModel<DepositRow> t = context.deposits().table();
    Fx.waitUntil(() -> t.totalProperty().get() > 0);
    ComboBox<String> kind = robot.lookup("#filter-kind").queryAs(ComboBox.class);
    Fx.run(() -> kind.getSelectionModel().select("ERC-721"));
    Fx.waitUntil(() -> t.filterStateProperty().get().kind().equals(Optional.of(AssetKind.ERC721)));
    List<DepositRow> rows = firstRows(t);
    assertThat(rows).isNotEmpty();
    assertThat(rows).allMatch(r -> r.asset().kind().equals("ERC-721"));
    rows = rows.stream().filter(r -> !r.asset().action().equals("map token")).toList();
    assertThat(rows).isNotEmpty();
    for (DepositRow r : rows) {
      List<AssetItem> items = items(r.stateSyncId());
      String ids =
          items.stream()
              .map(i -> i.tokenId().orElseThrow().toString())
              .collect(Collectors.joining(";"));
      assertThat(r.asset().tokenIds()).isEqualTo(ids);
      assertThat(r.amount()).startsWith("BSK #" + items.get(0).tokenId().orElseThrow());
    }
    DepositRow nft = rows.get(0);
    Fx.run(() -> context.deposits().detail().show(nft.stateSyncId()));
    Fx.waitUntil(
        () -> {
          MessageDetail d = context.deposits().detail().detailProperty().get();
          return d != null && d.title().equals("Deposit " + nft.stateSyncId());
        });
    MessageDetail d = Fx.call(() -> context.deposits().detail().detailProperty().get());
    AssetItem first = items(nft.stateSyncId()).get(0);
    assertThat(d.payload())
        .contains(new MessageDetail.Field("Kind", "ERC-721", false))
        .anyMatch(
            f ->
                f.name().startsWith("Item")
                    && f.value()
                        .equals("BSK #" + first.tokenId().orElseThrow() + " to " + first.to()));
    Fx.waitUntil(() -> shownText(root).contains("BSK #" + first.tokenId().orElseThrow()));
    assertThat(cutTexts(robot)).as("cut-off texts").isEmpty();
    Screenshots.save(root, "assets-deposits-erc721");

    // The NFT's receiver, with the kind filter and oldest first: the same deposits as the
    // wallet's lookup of that address finds (its payload names the receiver, no column does).
    Address receiver = first.to();
    MessageFilter f =
        MessageFilter.NONE
            .withAddress(Optional.of(receiver))
            .withKind(Optional.of(AssetKind.ERC721))
            .withOrder(MessageFilter.Order.OLDEST_ID);
    Fx.run(() -> t.applyFilter(f));
    List<BigInteger> ids = firstRows(t).stream().map(DepositRow::stateSyncId).toList();
    List<BigInteger> expected =
        net.session.lifecycle().depositsByAddress(receiver, Optional.empty(), 10_000).stream()
            .map(x -> x.deposit().id())
            .filter(id -> !items(id).isEmpty() && isNft(id))
            .sorted()
            .limit(ids.size())
            .toList();
    assertThat(ids).isNotEmpty().contains(nft.stateSyncId()).isEqualTo(expected);

    // The Exits table has the same columns and asset row, whole at 1280x800 too.
    robot.clickOn("#nav-exits");
    Fx.waitUntil(() -> context.exits().table().totalProperty().get() > 0);
    Fx.waitUntil(
        () -> {
          var x = context.exits().table().rows();
          return !x.isEmpty() && x.peek(0) != null;
        });
    assertThat(cutTexts(robot)).as("cut-off texts on Exits").isEmpty();
    Screenshots.save(root, "assets-exits");
  }

  private static long busdCount(Address busd) {
    return net.session
        .db()
        .read(
            c ->
                new AssetDao(c)
                    .page(
                        Direction.TO_CHILD,
                        Optional.of(AssetKind.ERC20),
                        Optional.of(busd),
                        Optional.empty(),
                        10_000))
        .size();
  }

  private static boolean isNft(BigInteger id) {
    return net.session
        .db()
        .read(c -> new AssetDao(c).payload(Direction.TO_CHILD, id))
        .map(p -> p.kind() == AssetKind.ERC721)
        .orElse(false);
  }

  private static List<AssetItem> items(BigInteger id) {
    return net.session
        .db()
        .read(c -> new AssetDao(c).payload(Direction.TO_CHILD, id))
        .filter(p -> p instanceof AssetPayload.Transfer)
        .map(p -> ((AssetPayload.Transfer) p).items())
        .orElse(List.of());
  }

  private static List<String> lines(Path p) {
    try {
      return Files.readAllLines(p);
    } catch (java.io.IOException e) {
      return List.of();
    }
  }

  /** Every text shown under {@code n}. */
  private static String shownText(Node n) {
    return Fx.call(
        () -> {
          StringBuilder sb = new StringBuilder();
          collectText(n, sb);
          return sb.toString();
        });
  }

  private static void collectText(Node n, StringBuilder sb) {
    if (n instanceof Labeled l && l.getText() != null) {
      sb.append(l.getText()).append('\n');
    }
    if (n instanceof Parent p) {
      p.getChildrenUnmodifiable().forEach(c -> collectText(c, sb));
    }
  }

  /**
   * The new texts cut at 1280x800 (ShellFxTest's rule: a one-line text is clipped exactly when its
   * laid-out width is less than its preferred width; a wrapping one when its height is less than
   * its preferred height at its width): the filter rows, the detail pane's timeline, payload and
   * actions, the column headers.
   */
  private List<String> cutTexts(FxRobot robot) {
    robot.interact(root::layout);
    List<String> cut = new ArrayList<>();
    List<Node> parts = new ArrayList<>(root.lookupAll(".filter-bar"));
    parts.addAll(root.lookupAll(".detail-payload"));
    parts.addAll(root.lookupAll(".detail-actions"));
    parts.addAll(root.lookupAll(".detail-timeline"));
    parts.addAll(root.lookupAll(".column-header"));
    for (Node n : parts) {
      Fx.run(() -> collectCut(n, cut));
    }
    return cut;
  }

  private static void collectCut(Node n, List<String> cut) {
    if (!n.isVisible()) {
      return;
    }
    if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
      boolean clipped =
          l.isWrapText()
              ? l.getHeight() + 0.5 < l.prefHeight(l.getWidth())
              : l.getWidth() + 0.5 < l.prefWidth(-1);
      if (clipped) {
        cut.add(l.getText() + " (" + l.getWidth() + "x" + l.getHeight() + ")");
      }
    }
    if (n instanceof Parent p && !(n instanceof Labeled)) {
      p.getChildrenUnmodifiable().forEach(c -> collectCut(c, cut));
    }
  }

  /** The first page's rows once loaded (as BridgeFeaturesFxTest reads them). */
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
