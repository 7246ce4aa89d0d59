package io.bridgescope.desktop.wallet;

import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.wallet.AirGapViewModel.Step;
import java.util.EnumSet;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Binds the air-gapped panel of the Wallet screen; the password leaves its field as a {@code
 * char[]} and the field clears at once.
 */
public final class AirGapView {

  private final AirGapViewModel vm;
  private final FilePicker files;
  @FXML private Button signFileButton;
  @FXML private Button sendFileButton;
  @FXML private VBox panelBox;
  @FXML private Label airGapTitleLabel;
  @FXML private ProgressIndicator airGapBusyIndicator;
  @FXML private Label airGapMessageLabel;
  @FXML private ScrollPane airGapLinesScroll;
  @FXML private VBox airGapLinesBox;
  @FXML private HBox signBox;
  @FXML private ChoiceBox<String> keyChoice;
  @FXML private PasswordField signPasswordField;
  @FXML private Button signButton;
  @FXML private Label airGapErrorLabel;
  @FXML private Button confirmSendButton;
  @FXML private Button airGapCloseButton;

  public AirGapView(AirGapViewModel vm, FilePicker files) {
    this.vm = vm;
    this.files = files;
  }

  @FXML
  private void initialize() {
    BooleanBinding busy = in(Step.READING, Step.SIGNING, Step.SENDING);
    signFileButton.disableProperty().bind(busy);
    signFileButton.setOnAction(
        e ->
            files
                .openFile("Unsigned transaction to sign", "Unsigned transaction", "*.json", "*")
                .ifPresent(vm::openUnsigned));
    sendFileButton.disableProperty().bind(busy);
    sendFileButton.setOnAction(
        e ->
            files
                .openFile("Signed transaction to send", "Signed transaction", "*.json", "*")
                .ifPresent(vm::openSigned));
    show(panelBox, vm.stepProperty().isNotEqualTo(Step.IDLE));
    airGapTitleLabel.textProperty().bind(vm.titleProperty());
    airGapMessageLabel.textProperty().bind(vm.messageProperty());
    airGapErrorLabel.textProperty().bind(vm.errorProperty());
    show(airGapErrorLabel, vm.errorProperty().isNotEmpty());
    show(airGapBusyIndicator, busy);
    show(airGapLinesScroll, Bindings.isNotEmpty(vm.lines()));
    vm.lines().addListener((ListChangeListener<ReviewLine>) c -> renderLines());
    show(signBox, in(Step.SIGN_REVIEW, Step.SIGNING));
    keyChoice.setItems(vm.keys());
    keyChoice.valueProperty().bindBidirectional(vm.chosenKeyProperty());
    signPasswordField.disableProperty().bind(in(Step.SIGN_REVIEW).not());
    signButton.disableProperty().bind(in(Step.SIGN_REVIEW).not());
    signButton.setOnAction(e -> sign());
    signPasswordField.setOnAction(e -> sign());
    show(confirmSendButton, in(Step.SEND_REVIEW));
    confirmSendButton.setOnAction(e -> vm.confirmSend());
    airGapCloseButton.disableProperty().bind(busy);
    airGapCloseButton.setOnAction(e -> vm.close());
  }

  /** Takes the password out of the field as a {@code char[]}; the field is cleared at once. */
  private void sign() {
    if (signButton.isDisabled()) {
      return;
    }
    char[] pw = signPasswordField.getText().toCharArray();
    signPasswordField.clear();
    vm.sign(pw);
  }

  private void renderLines() {
    airGapLinesBox.getChildren().clear();
    for (ReviewLine l : vm.lines()) {
      Label text = new Label((l.mark().isEmpty() ? "" : l.mark() + "  ") + l.text());
      text.setWrapText(true);
      text.getStyleClass()
          .add("review-" + l.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      airGapLinesBox.getChildren().add(text);
    }
  }

  private BooleanBinding in(Step first, Step... more) {
    EnumSet<Step> set = EnumSet.of(first, more);
    return Bindings.createBooleanBinding(
        () -> set.contains(vm.stepProperty().get()), vm.stepProperty());
  }

  private static void show(Node n, ObservableBooleanValue b) {
    n.visibleProperty().bind(b);
    n.managedProperty().bind(b);
  }
}
