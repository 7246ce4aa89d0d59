package io.bridgescope.desktop.quorum;

import io.bridgescope.desktop.widgets.Copyable;
import java.math.BigInteger;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * Signatures and quorum of one commitment or checkpoint: the validator table (index, address,
 * voting power, share, signed), the signed-power bar against 2/3 with the margin, and the BLS
 * verdict exactly as the caller supplies it ("not verified yet" until then).
 */
public final class QuorumPanel extends VBox {

  static final String NO_DATA = "No signature data";

  private final TableView<ValidatorRow> table = new TableView<>();
  private final QuorumBar bar = new QuorumBar();
  private final Label margin = new Label(NO_DATA);
  private final Label verdict = new Label();
  private final Label scheme = new Label();
  private @Nullable QuorumSummary summary;
  private BlsVerdict blsVerdict = BlsVerdict.notVerifiedYet();

  public QuorumPanel(Copyable copyable) {
    getStyleClass().add("quorum-panel");
    setSpacing(6);
    Label title = new Label("Signatures and quorum");
    title.getStyleClass().add("section-title");
    verdict.getStyleClass().add("verdict");
    scheme.getStyleClass().add("muted");
    Label aggregate = new Label("BLS aggregate:");
    aggregate.setMinWidth(Region.USE_PREF_SIZE);
    scheme.setMinWidth(Region.USE_PREF_SIZE);
    // the verifier's words are never cut: they wrap, and the tooltip holds them too
    verdict.setWrapText(true);
    verdict.setMinWidth(0);
    verdict.setMinHeight(Region.USE_PREF_SIZE);
    verdict.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(verdict, Priority.ALWAYS);
    HBox verdictRow = new HBox(8, aggregate, verdict, scheme);
    verdictRow.setAlignment(Pos.TOP_LEFT);
    margin.setWrapText(true);
    margin.getStyleClass().add("quorum-margin");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label(NO_DATA));
    table.getColumns().addAll(columns(copyable));
    VBox.setVgrow(table, Priority.ALWAYS);
    getChildren().addAll(title, verdictRow, bar, margin, table);
    setVerdict(BlsVerdict.notVerifiedYet());
    setSummary(null);
  }

  private static java.util.List<TableColumn<ValidatorRow, ?>> columns(Copyable copyable) {
    TableColumn<ValidatorRow, Integer> index = new TableColumn<>("#");
    index.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().index()));
    index.setPrefWidth(40);
    index.setMaxWidth(60);
    TableColumn<ValidatorRow, String> address = new TableColumn<>("Address");
    address.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().address()));
    address.setCellFactory(copyable.cells(s -> s));
    address.setPrefWidth(130);
    TableColumn<ValidatorRow, String> power = new TableColumn<>("Voting power");
    power.setCellValueFactory(
        c -> new ReadOnlyObjectWrapper<>(grouped(c.getValue().votingPower())));
    power.setStyle("-fx-alignment: CENTER-RIGHT;");
    TableColumn<ValidatorRow, String> share = new TableColumn<>("Share");
    share.setCellValueFactory(
        c ->
            new ReadOnlyObjectWrapper<>(
                String.format(Locale.ROOT, "%.2f %%", c.getValue().sharePercent())));
    share.setStyle("-fx-alignment: CENTER-RIGHT;");
    TableColumn<ValidatorRow, String> signed = new TableColumn<>("Signed");
    signed.setCellValueFactory(
        c -> new ReadOnlyObjectWrapper<>(c.getValue().signed() ? "✓ signed" : "✗ not signed"));
    return java.util.List.of(index, address, power, share, signed);
  }

  private static String grouped(BigInteger value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** Shows a computed summary; null shows the empty state. */
  public void setSummary(@Nullable QuorumSummary value) {
    summary = value;
    if (value == null) {
      table.getItems().clear();
      bar.setVisible(false);
      margin.setText(NO_DATA);
      return;
    }
    table.getItems().setAll(value.rows());
    bar.setVisible(true);
    bar.show(value.signedFraction(), value.thresholdFraction(), value.reached());
    margin.setText(value.marginText());
  }

  /** Shows the verifier's verdict; the default is "not verified yet". */
  public void setVerdict(BlsVerdict value) {
    blsVerdict = value == null ? BlsVerdict.notVerifiedYet() : value;
    verdict.setText(blsVerdict.text());
    verdict.setTooltip(new javafx.scene.control.Tooltip(blsVerdict.text()));
    scheme.setText(blsVerdict.scheme().isBlank() ? "" : "(" + blsVerdict.scheme() + ")");
    verdict.getStyleClass().removeAll("verdict-pending", "verdict-ok", "verdict-failed");
    verdict
        .getStyleClass()
        .add(
            switch (blsVerdict.status()) {
              case NOT_VERIFIED -> "verdict-pending";
              case VERIFIED -> "verdict-ok";
              case FAILED -> "verdict-failed";
            });
  }

  public @Nullable QuorumSummary summary() {
    return summary;
  }

  public BlsVerdict verdict() {
    return blsVerdict;
  }

  public String marginText() {
    return margin.getText();
  }

  public String verdictText() {
    return verdict.getText();
  }

  public TableView<ValidatorRow> table() {
    return table;
  }

  public QuorumBar bar() {
    return bar;
  }
}
