package io.bridgescope.desktop.solvency;

import io.bridgescope.core.solvency.TokenSolvency;
import io.bridgescope.desktop.common.Tables;
import io.bridgescope.desktop.solvency.SolvencyViewModel.Point;
import io.bridgescope.desktop.widgets.Copyable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

/** Binds the Solvency screen: the alarm, the per-token table and the difference chart. */
public final class SolvencyView {

  private final SolvencyViewModel vm;
  private final Copyable copyable;
  @FXML private Label alarm;
  @FXML private Label message;
  @FXML private TableView<TokenSolvency> tokens;
  @FXML private LineChart<Number, Number> chart;

  public SolvencyView(SolvencyViewModel vm, Copyable copyable) {
    this.vm = vm;
    this.copyable = copyable;
  }

  @FXML
  private void initialize() {
    alarm.textProperty().bind(vm.alarmText());
    alarm.visibleProperty().bind(vm.alarm());
    alarm.managedProperty().bind(vm.alarm());
    message.textProperty().bind(vm.message());
    tokens
        .getColumns()
        .setAll(
            List.of(
                Tables.text("Token", vm::token),
                Tables.hex("Root token", TokenSolvency::rootToken, copyable),
                Tables.text("Escrow", t -> vm.amount(t, t.escrow())),
                Tables.text("Mirror supply", t -> vm.amount(t, t.childSupply())),
                Tables.text(
                    "In flight",
                    t ->
                        vm.amount(t, t.depositsInFlight())
                            + " / "
                            + vm.amount(t, t.exitsInFlight())),
                Tables.text(
                    "Failed",
                    t -> vm.amount(t, t.depositsFailed()) + " / " + vm.amount(t, t.exitsFailed())),
                Tables.text("Difference", t -> vm.amount(t, t.difference())),
                Tables.text("Status", t -> t.status().key())));
    tokens.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    tokens.setItems(vm.tokens());
    chart.setAnimated(false);
    chart.setCreateSymbols(false);
    Map<String, XYChart.Series<Number, Number>> series = new HashMap<>();
    vm.history()
        .addListener(
            (ListChangeListener<Point>)
                c -> {
                  series.values().forEach(s -> s.getData().clear());
                  for (Point p : vm.history()) {
                    series
                        .computeIfAbsent(
                            p.token(),
                            t -> {
                              XYChart.Series<Number, Number> s = new XYChart.Series<>();
                              s.setName(vm.label(t));
                              chart.getData().add(s);
                              return s;
                            })
                        .getData()
                        .add(new XYChart.Data<>(p.childBlock(), p.difference()));
                  }
                  // a series drawn from kept verdicts before the first check learns its name later
                  series.forEach((key, s) -> s.setName(vm.label(key)));
                });
    vm.start();
  }

  @FXML
  private void onCheck() {
    vm.check();
  }
}
