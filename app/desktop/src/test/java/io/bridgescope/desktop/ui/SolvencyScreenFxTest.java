package io.bridgescope.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.asset.TokenMetadata;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.solvency.AssetKind;
import io.bridgescope.core.solvency.SolvencyReport;
import io.bridgescope.core.solvency.TokenSolvency;
import io.bridgescope.desktop.AppContext;
import io.bridgescope.desktop.AppWiring;
import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.common.Tables;
import io.bridgescope.desktop.ports.AccountabilitySource;
import io.bridgescope.desktop.ports.DetailSource;
import io.bridgescope.desktop.ports.SolvencySource;
import io.bridgescope.desktop.ports.UiPorts;
import io.bridgescope.desktop.ports.WatchSource;
import io.bridgescope.desktop.testing.Fx;
import io.bridgescope.desktop.testing.Screenshots;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Solvency screen at 1280x800 (issue 16 item 6): amounts in the token's decimals with its
 * symbol (raw units said as such when the decimals are unknown), and no header or cell cut.
 */
@Tag("display")
@ExtendWith(ApplicationExtension.class)
class SolvencyScreenFxTest {

  private static final BigInteger E18 = BigInteger.TEN.pow(18);
  private static final Address TKN = Address.ofLow(0x7001);
  private static final Address USDC = Address.ofLow(0x7002);
  private static final Address ODD = Address.ofLow(0x7003);

  private AppContext context;
  private Parent root;

  private static BigInteger tokens(String decimal, int decimals) {
    return new java.math.BigDecimal(decimal).movePointRight(decimals).toBigIntegerExact();
  }

  @Start
  void start(Stage stage) {
    SolvencyReport report =
        new SolvencyReport(
            412,
            1_873,
            List.of(
                new TokenSolvency(
                    AssetKind.ERC20,
                    TKN,
                    Optional.of(Address.ofLow(0x8001)),
                    tokens("1250.5", 18),
                    tokens("1200", 18),
                    tokens("40.5", 18),
                    BigInteger.ZERO,
                    tokens("10", 18),
                    BigInteger.ZERO),
                new TokenSolvency(
                    AssetKind.ERC20,
                    USDC,
                    Optional.of(Address.ofLow(0x8002)),
                    tokens("99.25", 6),
                    tokens("100.484", 6),
                    BigInteger.ZERO,
                    BigInteger.ZERO,
                    BigInteger.ZERO,
                    BigInteger.ZERO),
                new TokenSolvency(
                    AssetKind.ERC20,
                    ODD,
                    Optional.empty(),
                    BigInteger.valueOf(5000),
                    BigInteger.ZERO,
                    BigInteger.valueOf(5000),
                    BigInteger.ZERO,
                    BigInteger.ZERO,
                    BigInteger.ZERO)),
            Optional.empty());
    SolvencySource solvency =
        new SolvencySource() {
          @Override
          public boolean isConnected() {
            return true;
          }

          @Override
          public Optional<SolvencyReport> check() {
            return Optional.of(report);
          }

          @Override
          public Optional<TokenMetadata> metadata(Address rootToken) {
            if (rootToken.equals(TKN)) {
              return Optional.of(meta(TKN, "TKN", 18));
            }
            if (rootToken.equals(USDC)) {
              return Optional.of(meta(USDC, "USDC", 6));
            }
            return Optional.empty();
          }

          @Override
          public List<io.bridgescope.core.solvency.SolvencyHistory.Entry> history(int limit) {
            // a verdict an earlier session kept, at child block 5
            return List.of(
                new io.bridgescope.core.solvency.SolvencyHistory.Entry(
                    1,
                    java.time.Instant.ofEpochMilli(1_000),
                    4,
                    5,
                    TKN.toString(),
                    AssetKind.ERC20,
                    io.bridgescope.core.asset.TokenHome.ROOT,
                    TKN,
                    Optional.empty(),
                    Optional.empty(),
                    BigInteger.TEN,
                    BigInteger.ONE,
                    TokenSolvency.Status.SURPLUS));
          }

          @Override
          public AutoCloseable subscribe(Runnable changed) {
            return () -> {};
          }
        };
    UiPorts n = UiPorts.notConnected();
    UiPorts ports =
        new UiPorts(
            n.status(),
            n.search(),
            n.overview(),
            n.deposits(),
            n.exits(),
            n.commitments(),
            n.checkpoints(),
            n.validators(),
            DetailSource.NOT_CONNECTED,
            WatchSource.NOT_CONNECTED,
            AccountabilitySource.NOT_CONNECTED,
            solvency);
    context = new AppContext(AppWiring.of(ports, Platform::runLater, () -> stage));
    root = context.viewLoader().load(Screen.MAIN_FXML).root();
    stage.setScene(new Scene(root, 1280, 800));
    stage.show();
    context.main().navigate(Screen.SOLVENCY);
  }

  private static TokenMetadata meta(Address token, String symbol, int decimals) {
    return new TokenMetadata(
        ChainRole.ROOT,
        token,
        Optional.of(symbol + " token"),
        Optional.of(symbol),
        OptionalInt.of(decimals),
        Optional.empty());
  }

  @AfterEach
  void close() {
    context.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void amountsCarryDecimalsAndSymbolsAndNoColumnIsCutAt1280x800() {
    Fx.waitUntil(
        () -> Fx.call(() -> tokenTable().map(t -> t.getItems().size() == 3).orElse(false)));
    TableView<TokenSolvency> table = Fx.call(() -> tokenTable().orElseThrow());
    List<String> tkn = Fx.call(() -> Tables.cells(table, table.getItems().get(0)));
    assertThat(tkn)
        .contains(
            "TKN",
            "1250.5 TKN",
            "1200 TKN",
            "40.5 TKN / 10 TKN",
            "0 TKN / 0 TKN",
            "0 TKN",
            "balanced");
    List<String> usdc = Fx.call(() -> Tables.cells(table, table.getItems().get(1)));
    assertThat(usdc).contains("USDC", "99.25 USDC", "100.484 USDC", "-1.234 USDC", "deficit");
    List<String> odd = Fx.call(() -> Tables.cells(table, table.getItems().get(2)));
    assertThat(odd).contains("5000 raw", "5000 raw / 0 raw");
    assertThat(
            Fx.call(
                () ->
                    ((javafx.scene.control.Label) root.lookup(".alarm")) == null
                        ? ""
                        : ((javafx.scene.control.Label) root.lookup(".alarm")).getText()))
        .isNotNull();

    Fx.run(
        () -> {
          root.applyCss();
          root.layout();
        });
    List<String> cut = Fx.call(() -> cut(table));
    assertThat(cut).as("cut-off headers or cells").isEmpty();
    Screenshots.save(root, "solvency-decimals-1280x800");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theChartStartsWithTheVerdictsEarlierSessionsKept() {
    Fx.waitUntil(
        () -> Fx.call(() -> tokenTable().map(t -> t.getItems().size() == 3).orElse(false)));
    Fx.waitUntil(
        () ->
            Fx.call(
                () ->
                    root.lookupAll(".chart").stream()
                        .filter(c -> c instanceof javafx.scene.chart.LineChart<?, ?>)
                        .map(c -> (javafx.scene.chart.LineChart<Number, Number>) c)
                        .flatMap(c -> c.getData().stream())
                        .filter(series -> series.getName().equals("TKN"))
                        .anyMatch(
                            series ->
                                series.getData().size() == 2
                                    && series.getData().get(0).getXValue().longValue() == 5
                                    && series.getData().get(0).getYValue().longValue() == 9)));
  }

  /** The Solvency screen's token table (the one with an "Escrow" column). */
  @SuppressWarnings("unchecked")
  private Optional<TableView<TokenSolvency>> tokenTable() {
    return root.lookupAll(".table-view").stream()
        .filter(n -> n instanceof TableView<?> t && Tables.headers(t).contains("Escrow"))
        .map(n -> (TableView<TokenSolvency>) n)
        .findFirst();
  }

  /** A text is cut exactly when its control is laid out narrower than its text needs. */
  private static List<String> cut(Node n) {
    List<String> out = new ArrayList<>();
    collect(n, out);
    return out;
  }

  private static void collect(Node n, List<String> out) {
    if (!n.isVisible()) {
      return;
    }
    if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
      // a table cell's preferred width is its column's, so the drawn text is checked too: the
      // skin draws an ellipsis in place of what does not fit
      javafx.scene.text.Text drawn = (javafx.scene.text.Text) l.lookup(".text");
      if (l.getWidth() + 0.5 < l.prefWidth(-1)
          || (drawn != null && !drawn.getText().equals(l.getText()))) {
        out.add(l.getText() + " (" + l.getWidth() + " < " + l.prefWidth(-1) + ")");
      }
    }
    if (n instanceof Parent p && !(n instanceof Labeled)) {
      p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
    }
  }
}
