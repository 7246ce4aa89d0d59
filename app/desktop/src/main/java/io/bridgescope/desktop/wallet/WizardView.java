package io.bridgescope.desktop.wallet;

import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.wallet.WizardViewModel.Step;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Binds the send wizard; the password leaves the field as a {@code char[]} and the field clears.
 */
public final class WizardView {

  private static final List<String> STEP_NAMES =
      List.of("1 Details", "2 Preflight", "3 Review", "4 Password", "5 Send", "6 Result");

  private final WizardViewModel vm;
  private final FilePicker files;
  @FXML private Button exportUnsignedButton;
  @FXML private VBox wizardBox;
  @FXML private Label titleLabel;
  @FXML private HBox stepsBar;
  @FXML private ProgressIndicator busyIndicator;
  @FXML private Label messageLabel;
  @FXML private GridPane formGrid;
  @FXML private TextField tokenField;
  @FXML private TextField amountField;
  @FXML private Label amountLabel;
  @FXML private Label nftKindLabel;
  @FXML private HBox nftKindBox;
  @FXML private RadioButton erc721Radio;
  @FXML private RadioButton erc1155Radio;
  @FXML private Label idsLabel;
  @FXML private TextField idsField;
  @FXML private TextField receiverField;
  @FXML private ScrollPane linesScroll;
  @FXML private VBox linesBox;
  @FXML private HBox passwordBox;
  @FXML private PasswordField passwordField;
  @FXML private Button sendButton;
  @FXML private Label errorLabel;
  @FXML private Button backButton;
  @FXML private Button prepareButton;
  @FXML private Button confirmButton;
  @FXML private Button retryButton;
  @FXML private Button closeButton;

  public WizardView(WizardViewModel vm, FilePicker files) {
    this.vm = vm;
    this.files = files;
  }

  @FXML
  private void initialize() {
    show(wizardBox, vm.stepProperty().isNotEqualTo(Step.IDLE));
    titleLabel.textProperty().bind(vm.titleProperty());
    messageLabel.textProperty().bind(vm.messageProperty());
    errorLabel.textProperty().bind(vm.errorProperty());
    show(errorLabel, vm.errorProperty().isNotEmpty());
    show(busyIndicator, in(Step.PREPARING, Step.SENDING).or(vm.exportingProperty()));
    show(formGrid, in(Step.FORM));
    // Space rows by margins, not the grid's vgap: a grid keeps its vgap around a row whose nodes
    // are hidden (the amount for ERC-721, the NFT rows for ERC-20), which left a gap in the form.
    formGrid.setVgap(0);
    formGrid
        .getChildren()
        .forEach(n -> GridPane.setMargin(n, new javafx.geometry.Insets(3, 0, 3, 0)));
    tokenField.textProperty().bindBidirectional(vm.tokenProperty());
    amountField.textProperty().bindBidirectional(vm.amountProperty());
    receiverField.textProperty().bindBidirectional(vm.receiverProperty());
    bindNftFields();
    show(passwordBox, in(Step.PASSWORD, Step.SENDING));
    passwordField.disableProperty().bind(in(Step.PASSWORD).not());
    sendButton.disableProperty().bind(in(Step.PASSWORD).not());
    sendButton.setOnAction(e -> send());
    passwordField.setOnAction(e -> send());
    show(prepareButton, in(Step.FORM));
    prepareButton.setOnAction(e -> vm.prepare());
    show(confirmButton, in(Step.REVIEW));
    confirmButton.setOnAction(e -> vm.confirmReview());
    confirmButton.disableProperty().bind(vm.exportingProperty());
    show(exportUnsignedButton, in(Step.REVIEW));
    exportUnsignedButton.disableProperty().bind(vm.exportingProperty());
    exportUnsignedButton.setOnAction(
        e ->
            files
                .saveFile(
                    "Export the unsigned transaction",
                    vm.exportName(),
                    "Unsigned transaction",
                    "*.json")
                .ifPresent(vm::exportUnsigned));
    show(retryButton, in(Step.FAILED).and(vm.canRetryProperty()));
    retryButton.setOnAction(e -> vm.retry());
    BooleanBinding formAction =
        Bindings.createBooleanBinding(
            () -> vm.actionProperty().get() != null && vm.actionProperty().get().hasForm(),
            vm.actionProperty());
    show(backButton, in(Step.REVIEW, Step.PASSWORD, Step.FAILED).and(formAction));
    backButton.setOnAction(e -> vm.back());
    closeButton.disableProperty().bind(in(Step.PREPARING, Step.SENDING).or(vm.exportingProperty()));
    closeButton.setOnAction(e -> vm.close());
    show(linesScroll, Bindings.isNotEmpty(vm.lines()));
    // as tall as the lines, up to 300 px; longer reviews scroll inside
    linesScroll
        .prefViewportHeightProperty()
        .bind(
            Bindings.createDoubleBinding(
                () -> Math.min(300, linesBox.getHeight()), linesBox.heightProperty()));
    vm.lines().addListener((ListChangeListener<ReviewLine>) c -> renderLines());
    vm.stepProperty().addListener((obs, old, now) -> renderSteps(now));
    // at the password step the field has the focus, so typing and Enter sign (not Close)
    vm.stepProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == Step.PASSWORD) {
                javafx.application.Platform.runLater(passwordField::requestFocus);
              }
            });
    renderSteps(vm.stepProperty().get());
  }

  /**
   * The NFT rows (standard, ids) show for the NFT forms only; the amount row shows for ERC-20 and
   * ERC-1155 (one amount per id), and its label and hint say which.
   */
  private void bindNftFields() {
    ToggleGroup kinds = new ToggleGroup();
    erc721Radio.setToggleGroup(kinds);
    erc1155Radio.setToggleGroup(kinds);
    erc721Radio.setUserData(AssetKind.ERC721);
    erc1155Radio.setUserData(AssetKind.ERC1155);
    Runnable showKind =
        () ->
            kinds.selectToggle(
                vm.nftKindProperty().get() == AssetKind.ERC1155 ? erc1155Radio : erc721Radio);
    showKind.run();
    vm.nftKindProperty().addListener((obs, old, now) -> showKind.run());
    kinds
        .selectedToggleProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                vm.nftKindProperty().set((AssetKind) now.getUserData());
              }
            });
    idsField.textProperty().bindBidirectional(vm.idsProperty());
    BooleanBinding nft =
        Bindings.createBooleanBinding(
            () -> vm.actionProperty().get() != null && vm.actionProperty().get().isNft(),
            vm.actionProperty());
    for (javafx.scene.Node n : List.of(nftKindLabel, nftKindBox, idsLabel, idsField)) {
      show(n, nft);
    }
    BooleanBinding erc1155 =
        Bindings.createBooleanBinding(
            () -> vm.nftKindProperty().get() == AssetKind.ERC1155, vm.nftKindProperty());
    BooleanBinding amounts = nft.not().or(erc1155);
    show(amountLabel, amounts);
    show(amountField, amounts);
    amountLabel.textProperty().bind(Bindings.when(nft).then("Amounts").otherwise("Amount"));
    amountField
        .promptTextProperty()
        .bind(
            Bindings.when(nft)
                .then("one per id, in token units, e.g. 10, 5")
                .otherwise("e.g. 1.5 (whole tokens, at the token's decimals)"));
  }

  /** Takes the password out of the field as a {@code char[]}; the field is cleared at once. */
  private void send() {
    if (sendButton.isDisabled()) {
      return;
    }
    char[] pw = passwordField.getText().toCharArray();
    passwordField.clear();
    vm.submit(pw);
  }

  private BooleanBinding in(Step first, Step... more) {
    EnumSet<Step> set = EnumSet.of(first, more);
    return Bindings.createBooleanBinding(
        () -> set.contains(vm.stepProperty().get()), vm.stepProperty());
  }

  private static void show(javafx.scene.Node n, javafx.beans.value.ObservableBooleanValue b) {
    n.visibleProperty().bind(b);
    n.managedProperty().bind(b);
  }

  private void renderLines() {
    linesBox.getChildren().clear();
    for (ReviewLine l : vm.lines()) {
      Label text = new Label((l.mark().isEmpty() ? "" : l.mark() + "  ") + l.text());
      text.setWrapText(true);
      text.getStyleClass()
          .add("review-" + l.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      linesBox.getChildren().add(text);
    }
  }

  private void renderSteps(Step now) {
    stepsBar.getChildren().clear();
    int current =
        switch (now) {
          case IDLE, FORM -> 0;
          case PREPARING -> 1;
          case REVIEW -> 2;
          case PASSWORD -> 3;
          case SENDING -> 4;
          case DONE, FAILED -> 5;
        };
    for (int i = 0; i < STEP_NAMES.size(); i++) {
      Label s = new Label(STEP_NAMES.get(i));
      s.getStyleClass().add(i == current ? "wizard-step-current" : "wizard-step");
      if (i == current && now == Step.FAILED) {
        s.setText("6 Failed");
        s.getStyleClass().add("wizard-step-failed");
      }
      stepsBar.getChildren().add(s);
    }
  }
}
