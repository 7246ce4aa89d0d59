package io.bridgescope.desktop.wallet;

import io.bridgescope.core.wallet.KeyInfo;
import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.wallet.KeyStoreViewModel.KeySource;
import io.bridgescope.desktop.wallet.WalletPort.AccountDeposit;
import io.bridgescope.desktop.wallet.WalletPort.AccountExit;
import io.bridgescope.desktop.wallet.WalletPort.TxLine;
import io.bridgescope.desktop.widgets.Copyable;
import io.bridgescope.desktop.widgets.ShortHex;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.jspecify.annotations.Nullable;

/**
 * Binds the Wallet screen. Secrets leave their {@link PasswordField}s as {@code char[]} and the
 * fields are cleared at once; nothing here keeps them.
 */
public final class WalletView {

  private final WalletViewModel vm;
  private final KeyStoreViewModel keys;
  private final Copyable copyable;
  private final FilePicker files;
  private @Nullable Path chosenFile;
  @FXML private Label statusLabel;
  @FXML private ListView<KeyInfo> keyList;
  @FXML private TextField renameField;
  @FXML private Button renameButton;
  @FXML private Button exportButton;
  @FXML private Button deleteButton;
  @FXML private ChoiceBox<KeySource> sourceChoice;
  @FXML private TextField keyNameField;
  @FXML private PasswordField secretField;
  @FXML private TextField pathField;
  @FXML private HBox fileBox;
  @FXML private Button chooseFileButton;
  @FXML private Label fileLabel;
  @FXML private PasswordField keyPasswordField;
  @FXML private Button addKeyButton;
  @FXML private Label keyErrorLabel;
  @FXML private Label accountLabel;
  @FXML private Label balancesLabel;
  @FXML private Button withdrawButton;
  @FXML private Button depositButton;
  @FXML private Button nftWithdrawButton;
  @FXML private Button nftDepositButton;
  @FXML private MenuButton childNativeMenu;
  @FXML private MenuItem childDepositItem;
  @FXML private MenuItem childNftDepositItem;
  @FXML private MenuItem rootWithdrawItem;
  @FXML private MenuItem rootNftWithdrawItem;
  @FXML private Button claimAllButton;
  @FXML private Button refreshButton;
  @FXML private TabPane tabs;
  @FXML private TableView<AccountExit> exitTable;
  @FXML private TableView<AccountDeposit> depositTable;
  @FXML private TableView<TxLine> txTable;

  public WalletView(WalletViewModel vm, Copyable copyable, FilePicker files) {
    this.vm = vm;
    this.keys = vm.keyStore();
    this.copyable = copyable;
    this.files = files;
  }

  @FXML
  private void initialize() {
    statusLabel.textProperty().bind(vm.statusProperty());
    bindKeys();
    bindAddKey();
    BooleanBinding noKey = keys.selectedProperty().isNull();
    accountLabel
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  KeyInfo k = keys.selectedProperty().get();
                  return k == null ? "No key chosen" : k.name() + " · " + k.address();
                },
                keys.selectedProperty()));
    balancesLabel.textProperty().bind(vm.balancesProperty());
    BooleanBinding wizardBusy =
        Bindings.createBooleanBinding(
            () ->
                vm.wizard().stepProperty().get() == WizardViewModel.Step.SENDING
                    || vm.wizard().stepProperty().get() == WizardViewModel.Step.PREPARING,
            vm.wizard().stepProperty());
    withdrawButton.disableProperty().bind(noKey.or(wizardBusy));
    withdrawButton.setOnAction(e -> vm.withdraw());
    depositButton.disableProperty().bind(noKey.or(wizardBusy));
    depositButton.setOnAction(e -> vm.deposit());
    nftWithdrawButton.disableProperty().bind(noKey.or(wizardBusy));
    nftWithdrawButton.setOnAction(e -> vm.nftWithdraw());
    nftDepositButton.disableProperty().bind(noKey.or(wizardBusy));
    nftDepositButton.setOnAction(e -> vm.nftDeposit());
    childNativeMenu.disableProperty().bind(noKey.or(wizardBusy));
    childDepositItem.setOnAction(e -> vm.childNative(WizardViewModel.Action.CHILD_DEPOSIT));
    childNftDepositItem.setOnAction(e -> vm.childNative(WizardViewModel.Action.CHILD_NFT_DEPOSIT));
    rootWithdrawItem.setOnAction(e -> vm.childNative(WizardViewModel.Action.ROOT_WITHDRAW));
    rootNftWithdrawItem.setOnAction(e -> vm.childNative(WizardViewModel.Action.ROOT_NFT_WITHDRAW));
    claimAllButton.disableProperty().bind(vm.hasReadyProperty().not().or(wizardBusy));
    claimAllButton.setOnAction(e -> vm.claimAll());
    refreshButton.setOnAction(
        e -> {
          keys.refreshKeys();
          vm.refreshAccount();
        });
    // While the wizard is open it has the user's attention; the lists come back when it closes.
    show(tabs, vm.wizard().stepProperty().isEqualTo(WizardViewModel.Step.IDLE));
    WalletTables.exits(exitTable, x -> vm.claimExit(x.id()));
    exitTable.setItems(vm.exits());
    WalletTables.deposits(depositTable, d -> vm.selfExecute(d.id()));
    depositTable.setItems(vm.deposits());
    WalletTables.transactions(txTable, copyable);
    txTable.setItems(vm.transactions());
  }

  private void bindKeys() {
    keyList.setItems(keys.keys());
    keyList.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(KeyInfo k, boolean empty) {
                super.updateItem(k, empty);
                setText(
                    empty || k == null
                        ? null
                        : k.name()
                            + "\n"
                            + ShortHex.of(k.address().toString())
                            + k.problem().map(p -> "\n⚠ " + p).orElse(""));
              }
            });
    keyList.setPlaceholder(new Label("No keys yet: add one below."));
    keys.selectedProperty()
        .addListener(
            (obs, old, now) -> {
              if (keyList.getSelectionModel().getSelectedItem() != now) {
                keyList.getSelectionModel().select(now);
              }
            });
    keyList
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                keys.selectedProperty().set(now);
              }
            });
    BooleanBinding noKey = keys.selectedProperty().isNull();
    renameButton.disableProperty().bind(noKey.or(renameField.textProperty().isEmpty()));
    renameButton.setOnAction(
        e -> {
          keys.rename(renameField.getText());
          renameField.clear();
        });
    exportButton.disableProperty().bind(noKey);
    exportButton.setOnAction(
        e -> {
          KeyInfo k = keys.selectedProperty().get();
          files
              .saveFile("Export key " + k.name(), k.name() + ".json", "V3 keystore", "*.json")
              .ifPresent(keys::export);
        });
    deleteButton.disableProperty().bind(noKey);
    deleteButton.setOnAction(e -> keys.delete());
  }

  private void bindAddKey() {
    sourceChoice.getItems().setAll(KeySource.values());
    sourceChoice.setValue(KeySource.PRIVATE_KEY);
    show(secretField, is(KeySource.PRIVATE_KEY).or(is(KeySource.MNEMONIC)));
    show(pathField, is(KeySource.MNEMONIC));
    show(fileBox, is(KeySource.V3_FILE));
    sourceChoice
        .valueProperty()
        .addListener(
            (obs, old, now) ->
                secretField.setPromptText(
                    now == KeySource.MNEMONIC
                        ? "mnemonic words (12 or 24)"
                        : "private key (64 hex digits)"));
    chooseFileButton.setOnAction(
        e ->
            files
                .openFile("V3 keystore file", "Keystore", "*.json", "*")
                .ifPresent(
                    p -> {
                      chosenFile = p;
                      fileLabel.setText(p.getFileName().toString());
                    }));
    addKeyButton.disableProperty().bind(keys.keyBusyProperty());
    addKeyButton.setOnAction(e -> addKey());
    keyErrorLabel.textProperty().bind(keys.keyErrorProperty());
    show(keyErrorLabel, keys.keyErrorProperty().isNotEmpty());
  }

  private void addKey() {
    char[] secret = secretField.getText().toCharArray();
    char[] password = keyPasswordField.getText().toCharArray();
    secretField.clear();
    keyPasswordField.clear();
    keys.addKey(
        sourceChoice.getValue(),
        keyNameField.getText(),
        secret,
        pathField.getText(),
        chosenFile,
        password);
  }

  private BooleanBinding is(KeySource s) {
    return sourceChoice.valueProperty().isEqualTo(s);
  }

  private static void show(Node n, ObservableBooleanValue b) {
    n.visibleProperty().bind(b);
    n.managedProperty().bind(b);
  }
}
