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

  public OverviewView(OverviewViewModel vm) {
    this.vm = vm;
  }

  @FXML
  private void initialize() {
    messageLabel.textProperty().bind(vm.messageProperty());
    vm.cards().addListener((ListChangeListener<OverviewCard>) c -> render());
    render();
    vm.start();
  }

  private void render() {
    cardPane.getChildren().setAll(vm.cards().stream().map(OverviewView::tile).toList());
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
