package io.bridgescope.desktop.overview;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Binds the Overview tiles. */
public final class OverviewView {

  private final OverviewViewModel vm;
  @FXML private FlowPane cardPane;
  @FXML private Label messageLabel;
  @FXML private javafx.scene.layout.StackPane chartHost;
  private final OverviewChartsPane charts = new OverviewChartsPane();

  public OverviewView(OverviewViewModel vm) {
    this.vm = vm;
  }

  @FXML
  private void initialize() {
    messageLabel.textProperty().bind(vm.messageProperty());
    vm.cards().addListener((ListChangeListener<OverviewCard>) c -> render());
    render();
    chartHost.getChildren().setAll(charts);
    vm.chartsProperty().addListener((obs, old, now) -> charts.show(now));
    if (vm.chartsProperty().get() != null) {
      charts.show(vm.chartsProperty().get());
    }
    vm.start();
  }

  private void render() {
    cardPane.getChildren().setAll(vm.cards().stream().map(OverviewView::tile).toList());
  }

  /** The charts (tests read their series). */
  public OverviewChartsPane charts() {
    return charts;
  }

  private static VBox tile(OverviewCard card) {
    Label title = new Label(card.title());
    title.getStyleClass().add("card-title");
    Label value = new Label(card.value());
    value.getStyleClass().add("card-value");
    Label detail = new Label(card.detail());
    detail.getStyleClass().add("card-detail");
    detail.setWrapText(true);
    VBox box = new VBox(4, title, value, detail);
    box.getStyleClass().add("card");
    if (card.warning()) {
      box.getStyleClass().add("card-warning");
    }
    return box;
  }
}
