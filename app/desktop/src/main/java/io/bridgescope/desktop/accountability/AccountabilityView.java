package io.bridgescope.desktop.accountability;

import io.bridgescope.core.verify.Participation;
import io.bridgescope.core.verify.SetChange;
import io.bridgescope.desktop.accountability.AccountabilityViewModel.TimelineRow;
import io.bridgescope.desktop.common.Tables;
import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.widgets.Copyable;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** Binds the Accountability screen: range fields, participation, timeline, set history. */
public final class AccountabilityView {

  private static final PseudoClass BELOW = PseudoClass.getPseudoClass("below-threshold");

  private final AccountabilityViewModel vm;
  private final Copyable copyable;
  @FXML private TextField from;
  @FXML private TextField to;
  @FXML private TextField threshold;
  @FXML private Label message;
  @FXML private TableView<Participation> participation;
  @FXML private TableView<TimelineRow> timeline;
  @FXML private TableView<SetChange> history;

  private final FilePicker files;
  @FXML private Button report;
  @FXML private ProgressBar reportProgress;

  public AccountabilityView(AccountabilityViewModel vm, Copyable copyable, FilePicker files) {
    this.vm = vm;
    this.copyable = copyable;
    this.files = files;
  }

  @FXML
  private void initialize() {
    from.textProperty().bindBidirectional(vm.from());
    to.textProperty().bindBidirectional(vm.to());
    threshold.textProperty().bindBidirectional(vm.threshold());
    message.textProperty().bind(vm.message());
    report.disableProperty().bind(vm.reportRunning());
    reportProgress.progressProperty().bind(vm.reportProgress());
    reportProgress.visibleProperty().bind(vm.reportRunning());
    reportProgress.managedProperty().bind(vm.reportRunning());
    participation
        .getColumns()
        .setAll(
            List.of(
                Tables.hex("Validator", Participation::address, copyable),
                Tables.text("Signed", Participation::signed),
                Tables.text("Missed", Participation::missed),
                Tables.text("Of", Participation::eligible),
                Tables.text("Participation", p -> percent(p.ratio())),
                Tables.text("", p -> p.belowThreshold() ? "below threshold" : "")));
    participation.setRowFactory(
        t ->
            new TableRow<>() {
              @Override
              protected void updateItem(Participation p, boolean empty) {
                super.updateItem(p, empty);
                pseudoClassStateChanged(BELOW, !empty && p != null && p.belowThreshold());
                setStyle(
                    !empty && p != null && p.belowThreshold()
                        ? "-fx-background-color: #f8d7da;"
                        : "");
              }
            });
    participation.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    participation.setItems(vm.participation());
    timeline
        .getColumns()
        .setAll(
            List.of(
                Tables.text("Kind", r -> r.subject().kind()),
                Tables.text("Ids / epoch", r -> r.subject().key()),
                Tables.text("Child block", r -> r.subject().childBlock()),
                Tables.text("Signers (● signed, ○ missed, set order)", TimelineRow::marks),
                Tables.text("Missed", TimelineRow::missed),
                Tables.text("Validator set", r -> r.subject().setLabel()),
                Tables.hex("Transaction", r -> r.subject().tx(), copyable)));
    timeline.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    timeline.setItems(vm.timeline());
    history
        .getColumns()
        .setAll(
            List.of(
                Tables.text("From epoch", SetChange::fromEpoch),
                Tables.text("Set", SetChange::label),
                Tables.text("Validators", c -> c.validators().size()),
                Tables.text("Total power", c -> c.concentration().totalPower()),
                Tables.text("Changes", AccountabilityViewModel::diff),
                Tables.text("> 1/3 of power", c -> few(c.concentration().exceedingOneThird())),
                Tables.text("> 2/3 of power", c -> few(c.concentration().exceedingTwoThirds()))));
    history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    history.setItems(vm.history());
    vm.load();
  }

  @FXML
  private void onLoad() {
    vm.load();
  }

  @FXML
  private void onReport() {
    files
        .saveFile("Save the audit report", "audit-report.pdf", "PDF (or .html)", "*.pdf")
        .ifPresent(vm::writeReport);
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
  }

  /** "2 validators": the fewest whose power together passes the mark. */
  private static String few(int n) {
    return n == 0 ? "no power" : n + (n == 1 ? " validator" : " validators");
  }
}
