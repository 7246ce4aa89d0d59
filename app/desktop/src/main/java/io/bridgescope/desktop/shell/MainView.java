package io.bridgescope.desktop.shell;

import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.Theme;
import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.status.RpcHealth;
import io.bridgescope.desktop.status.StatusViewModel;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Binds the shell: navigation, search box, theme, status bar and keyboard shortcuts. */
public final class MainView {

  private final MainViewModel vm;
  private final StatusViewModel status;
  private final ScreenHost screens;
  private final Map<Screen, ToggleButton> navButtons = new EnumMap<>(Screen.class);
  private final ToggleGroup navGroup = new ToggleGroup();

  @FXML private Label networkLabel;
  @FXML private TextField searchField;
  @FXML private Button themeButton;
  @FXML private VBox navBox;
  @FXML private HBox searchBanner;
  @FXML private Label searchMessage;
  @FXML private StackPane contentPane;
  @FXML private Label rootHead;
  @FXML private Label childHead;
  @FXML private Label indexLag;
  @FXML private Label rpcHealth;
  @FXML private Label statusMessage;
  @FXML private ProgressBar progress;

  static final String OPEN_PROFILE = "Open profile…";
  static final String OPEN_TEAM_INDEX = "Open team index…";
  private final FilePicker files;
  @FXML private ComboBox<String> networkBox;
  @FXML private javafx.scene.control.MenuButton bellButton;
  private final io.bridgescope.desktop.notify.NotificationsViewModel notifications;
  private boolean updatingNetworks;

  public MainView(
      MainViewModel vm,
      StatusViewModel status,
      ScreenHost screens,
      FilePicker files,
      io.bridgescope.desktop.notify.NotificationsViewModel notifications) {
    this.notifications = notifications;
    this.files = files;
    this.vm = vm;
    this.status = status;
    this.screens = screens;
  }

  @FXML
  private void initialize() {
    bindNetworks();
    for (Screen screen : Screen.values()) {
      ToggleButton button = new ToggleButton(screen.title());
      button.setToggleGroup(navGroup);
      button.getStyleClass().add("nav-button");
      button.setMaxWidth(Double.MAX_VALUE);
      button.setTooltip(new Tooltip(screen.title() + " (Ctrl+" + screen.shortcutDigit() + ")"));
      button.setOnAction(e -> vm.navigate(screen));
      button.setId("nav-" + screen.name().toLowerCase(Locale.ROOT));
      navButtons.put(screen, button);
      navBox.getChildren().add(button);
    }
    // A toggle group lets the selected button be unselected by a click; the VM is the truth.
    navGroup
        .selectedToggleProperty()
        .addListener((obs, old, now) -> showScreen(vm.screenProperty().get()));
    vm.screenProperty().addListener((obs, old, now) -> showScreen(now));
    showScreen(vm.screenProperty().get());

    searchField.setOnAction(e -> vm.search(searchField.getText()));
    searchMessage.textProperty().bind(vm.searchMessageProperty());
    searchBanner.visibleProperty().bind(vm.searchMessageProperty().isNotEmpty());
    searchBanner.managedProperty().bind(searchBanner.visibleProperty());

    bindStatus();
    new BellMenu(bellButton, notifications);
    vm.themeProperty().addListener((obs, old, now) -> applyTheme());
    contentPane.sceneProperty().addListener((obs, old, scene) -> onScene(scene));
    applyTheme();
    status.start();
  }

  private void bindNetworks() {
    vm.genesisImportProperty().addListener((obs, old, now) -> showGenesisImport(now));
    vm.teamIndexProperty().addListener((obs, old, now) -> showTeamIndex(now));
    networkBox.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(String name) {
            // the embedded devnet's key is its label; a saved profile named "devnet" shows as such
            return name == null ? "" : name;
          }

          @Override
          public String fromString(String text) {
            return text;
          }
        });
    vm.networks().addListener((javafx.collections.ListChangeListener<String>) c -> fillNetworks());
    vm.networkProperty().addListener((obs, old, now) -> fillNetworks());
    networkBox
        .valueProperty()
        .addListener(
            (obs, old, now) -> {
              if (updatingNetworks || now == null) {
                return;
              }
              if (now.equals(OPEN_PROFILE)) {
                javafx.application.Platform.runLater(this::importProfile);
              } else if (now.equals(OPEN_TEAM_INDEX)) {
                javafx.application.Platform.runLater(
                    () -> {
                      fillNetworks();
                      vm.openTeamIndexDialog();
                    });
              } else {
                vm.openNetwork(now);
              }
            });
    networkBox.setOnShowing(e -> vm.refreshNetworks());
    AutoCloseable ignored =
        vm.switcher().onChange(() -> javafx.application.Platform.runLater(vm::refreshNetworks));
    vm.refreshNetworks();
  }

  private void fillNetworks() {
    updatingNetworks = true;
    try {
      java.util.List<String> items = new java.util.ArrayList<>(vm.networks());
      items.add(OPEN_PROFILE);
      items.add(OPEN_TEAM_INDEX);
      if (!networkBox.getItems().equals(items)) {
        networkBox.getItems().setAll(items);
      }
      String current = vm.networkProperty().get();
      networkBox.setValue(current.isBlank() ? null : current);
    } finally {
      updatingNetworks = false;
    }
  }

  private void importProfile() {
    files
        .openFile("Open a network profile or Edge genesis.json", "JSON", "*.json")
        .ifPresent(vm::openProfileFile);
    fillNetworks();
  }

  /** A genesis was chosen: ask for what it lacks (the work runs in the view model's tasks). */
  private void showGenesisImport(GenesisImportViewModel g) {
    if (g == null) {
      return;
    }
    GenesisImportDialog d = new GenesisImportDialog(g, contentPane.getScene().getWindow());
    d.dialog()
        .setOnHidden(
            e -> {
              if (g.importedProperty().get() == null) {
                vm.cancelGenesisImport();
              }
            });
    d.show();
  }

  /** "Open team index…": the dialog connects through its view model, off the FX thread. */
  private void showTeamIndex(TeamIndexViewModel t) {
    if (t == null) {
      return;
    }
    TeamIndexDialog d = new TeamIndexDialog(t, contentPane.getScene().getWindow());
    d.dialog()
        .setOnHidden(
            e -> {
              t.cancel();
              vm.closeTeamIndexDialog();
            });
    d.show();
  }

  @FXML
  private void openAbout() {
    javafx.scene.control.Alert about =
        new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
    about.initOwner(contentPane.getScene().getWindow());
    about.setTitle("About Bridgescope");
    about.setHeaderText("Bridgescope: explorer and withdrawal wallet for Polygon Edge bridges");
    about.setContentText(String.join("\n", io.bridgescope.core.config.BuildInfo.current().lines()));
    about.show();
  }

  @FXML
  private void openSettings() {
    new SettingsDialog(vm.switcher(), contentPane.getScene().getWindow()).showAndSave();
  }

  private void bindStatus() {
    rootHead.textProperty().bind(status.rootHeadProperty());
    childHead.textProperty().bind(status.childHeadProperty());
    indexLag.textProperty().bind(status.indexLagProperty());
    rpcHealth.textProperty().bind(status.rpcProperty());
    statusMessage.textProperty().bind(status.messageProperty());
    progress.progressProperty().bind(status.progressProperty());
    progress.visibleProperty().bind(status.catchingUpProperty());
    status.worstHealthProperty().addListener((obs, old, now) -> styleHealth(now));
    styleHealth(status.worstHealthProperty().get());
  }

  private void styleHealth(RpcHealth health) {
    rpcHealth.getStyleClass().removeIf(c -> c.startsWith("health-"));
    rpcHealth.getStyleClass().add("health-" + health.name().toLowerCase(Locale.ROOT));
  }

  private void showScreen(Screen screen) {
    ToggleButton button = navButtons.get(screen);
    if (navGroup.getSelectedToggle() != button) {
      navGroup.selectToggle(button);
    }
    contentPane.getChildren().setAll(screens.get(screen).root());
  }

  private void onScene(Scene scene) {
    if (scene == null) {
      return;
    }
    applyTheme();
    scene
        .getAccelerators()
        .put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::focusSearch);
    for (Screen screen : Screen.values()) {
      KeyCode digit = KeyCode.valueOf("DIGIT" + screen.shortcutDigit());
      scene
          .getAccelerators()
          .put(
              new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN),
              () -> vm.navigate(screen));
    }
  }

  private void focusSearch() {
    searchField.requestFocus();
    searchField.selectAll();
  }

  private void applyTheme() {
    Theme theme = vm.themeProperty().get();
    themeButton.setText(theme == Theme.LIGHT ? "Dark theme" : "Light theme");
    Scene scene = contentPane.getScene();
    if (scene == null) {
      return;
    }
    scene
        .getStylesheets()
        .setAll(
            theme.stylesheets().stream()
                .map(css -> MainView.class.getResource(css).toExternalForm())
                .toList());
    for (Theme t : Theme.values()) {
      scene.getRoot().getStyleClass().remove(t.rootStyleClass());
    }
    scene.getRoot().getStyleClass().add(theme.rootStyleClass());
  }

  @FXML
  private void toggleTheme() {
    vm.toggleTheme();
  }

  @FXML
  private void dismissSearch() {
    vm.clearSearchMessage();
  }
}
