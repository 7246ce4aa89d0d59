package io.bridgescope.desktop.shell;

import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.Theme;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.search.SearchKind;
import io.bridgescope.desktop.search.SearchParser;
import io.bridgescope.desktop.search.SearchQuery;
import io.bridgescope.desktop.search.SearchResolver;
import io.bridgescope.desktop.search.SearchResolver.SearchHit;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The shell's state: current screen, theme, and the global search and its outcome. */
public final class MainViewModel {

  private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.OVERVIEW);
  private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
  private final ObjectProperty<SearchQuery> lastQuery = new SimpleObjectProperty<>();
  private final StringProperty searchMessage = new SimpleStringProperty("");
  private final SearchParser parser = new SearchParser();
  private final SearchResolver resolver;
  private final TaskRunner tasks;

  private java.util.function.Consumer<SearchHit> revealer = hit -> {};
  private @org.jspecify.annotations.Nullable String pendingLink;
  private boolean linkSearching;

  /** Where a found item is shown: its screen's list scrolls to it and selects it. */
  public void setRevealer(java.util.function.Consumer<SearchHit> revealer) {
    this.revealer = revealer;
  }

  private final javafx.collections.ObservableList<String> networks =
      javafx.collections.FXCollections.observableArrayList();
  private final StringProperty network = new SimpleStringProperty("");
  private final NetworkSwitcher switcher;
  private final ObjectProperty<GenesisImportViewModel> genesisImport = new SimpleObjectProperty<>();
  private final ObjectProperty<TeamIndexViewModel> teamIndex = new SimpleObjectProperty<>();

  /** A shell with no networks to switch between (tests, and before the engine exists). */
  public MainViewModel(SearchResolver resolver, TaskRunner tasks) {
    this(resolver, tasks, NetworkSwitcher.NONE);
  }

  /**
   * @param switcher the top bar's network switcher (the engine's sessions)
   */
  public MainViewModel(SearchResolver resolver, TaskRunner tasks, NetworkSwitcher switcher) {
    this.resolver = resolver;
    this.tasks = tasks;
    this.switcher = switcher;
  }

  public NetworkSwitcher switcher() {
    return switcher;
  }

  /** Reads the saved networks on a worker thread (they are files) and the current choice. */
  public void refreshNetworks() {
    tasks.run(
        "list networks",
        () -> new Object[] {switcher.networks(), switcher.current().orElse("")},
        r -> {
          @SuppressWarnings("unchecked")
          List<String> names = (List<String>) r[0];
          if (!networks.equals(names)) {
            networks.setAll(names);
          }
          network.set((String) r[1]);
        },
        error -> searchMessage.set("Could not list networks: " + error.getMessage()));
  }

  /**
   * A file chosen with "Open profile…", read off the FX thread: a profile JSON is imported and
   * opened; a genesis opens the import dialog ({@link #genesisImportProperty()}).
   */
  public void openProfileFile(java.nio.file.Path file) {
    tasks.run(
        "read " + file.getFileName(),
        () -> switcher.inspect(file),
        kind -> {
          if (kind instanceof ProfileFile.Genesis g) {
            genesisImport.set(
                new GenesisImportViewModel(switcher, tasks, g.file(), g.genesis(), this::imported));
          } else {
            switcher.importFile(file);
          }
        },
        error ->
            searchMessage.set("Could not open " + file.getFileName() + ": " + error.getMessage()));
  }

  private void imported(String name) {
    genesisImport.set(null);
    refreshNetworks();
    openNetwork(name);
  }

  /** The genesis import in progress (the shell shows its dialog), or null. */
  public ReadOnlyObjectProperty<GenesisImportViewModel> genesisImportProperty() {
    return genesisImport;
  }

  /**
   * "Open team index…": the dialog's model, prefilled with the open profile's {@code store}. The
   * shell shows it ({@link #teamIndexProperty()}).
   */
  public void openTeamIndexDialog() {
    teamIndex.set(
        new TeamIndexViewModel(switcher, tasks, switcher.teamStore().orElse(""), System.getenv()));
  }

  /** The "Open team index…" dialog being shown, or null. */
  public ReadOnlyObjectProperty<TeamIndexViewModel> teamIndexProperty() {
    return teamIndex;
  }

  /** The team index dialog was closed (opened or not). */
  public void closeTeamIndexDialog() {
    teamIndex.set(null);
    refreshNetworks();
  }

  /** The import dialog was closed without importing. */
  public void cancelGenesisImport() {
    genesisImport.set(null);
  }

  /** Switches network; the old session closes off the FX thread. */
  public void openNetwork(String name) {
    if (name != null && !name.isBlank() && !name.equals(network.get())) {
      network.set(name);
      switcher.open(name);
    }
  }

  public javafx.collections.ObservableList<String> networks() {
    return networks;
  }

  public StringProperty networkProperty() {
    return network;
  }

  public void navigate(Screen target) {
    screen.set(target);
  }

  /** Ctrl+digit: 1-based position in {@link Screen}; other digits are ignored. */
  public void navigateToShortcut(int digit) {
    for (Screen s : Screen.values()) {
      if (s.shortcutDigit() == digit) {
        navigate(s);
        return;
      }
    }
  }

  public void toggleTheme() {
    theme.set(theme.get().other());
  }

  /**
   * Parses the search box and goes to the screen of the most likely kind; the index lookup runs in
   * the background when an index exists.
   */
  public void search(String input) {
    if (!input.equals(pendingLink)) {
      pendingLink = null; // the user looks for something else
      linkSearching = false;
    }
    SearchQuery query = parser.parse(input);
    lastQuery.set(query);
    if (query instanceof SearchQuery.Invalid invalid) {
      searchMessage.set(invalid.problem());
      return;
    }
    navigate(query.candidates().get(0).screen());
    if (!resolver.isConnected()) {
      linkSearching = false;
      searchMessage.set(
          "'"
              + query.input()
              + "' looks like: "
              + labels(query.candidates())
              + ". Finding it needs the indexer, which is not connected yet.");
      return;
    }
    searchMessage.set("Searching for '" + query.input() + "'…");
    tasks.run(
        "search " + query.input(),
        () -> resolver.resolve(query),
        hits -> showHits(query, hits),
        error -> {
          linkSearching = false;
          searchMessage.set("Search failed: " + error.getMessage());
        });
  }

  /**
   * Opens the item a link names ({@code bridgescope open}): searched now, and again as the index
   * grows ({@link #retryLink()}) until it is found or the user searches for something else.
   */
  public void openLink(String searchText) {
    pendingLink = searchText;
    linkSearching = true;
    search(searchText);
  }

  /** The index moved on: a link not found yet is looked up again (one lookup at a time). */
  public void retryLink() {
    String link = pendingLink;
    SearchQuery last = lastQuery.get();
    if (link != null && !linkSearching && last != null && last.input().equals(link)) {
      linkSearching = true;
      search(link);
    }
  }

  /** The link being waited for, if any. */
  public @org.jspecify.annotations.Nullable String pendingLink() {
    return pendingLink;
  }

  private void showHits(SearchQuery query, List<SearchHit> hits) {
    if (query != lastQuery.get()) {
      return; // a newer search replaced this one
    }
    boolean link = query.input().equals(pendingLink);
    linkSearching = false;
    if (link && hits.isEmpty()) {
      searchMessage.set(
          "Waiting for " + query.input() + ": it is not in the index yet; it opens when indexed.");
      return;
    }
    if (link) {
      pendingLink = null;
    }
    if (hits.isEmpty()) {
      searchMessage.set(
          "Nothing found for '" + query.input() + "' (" + labels(query.candidates()) + ").");
      return;
    }
    navigate(hits.get(0).kind().screen());
    revealer.accept(hits.get(0));
    searchMessage.set(
        hits.size() == 1
            ? "Found " + hits.get(0).description()
            : "Found " + hits.size() + " matches; showing " + hits.get(0).description());
  }

  private static String labels(List<SearchKind> kinds) {
    return kinds.stream().map(SearchKind::label).collect(Collectors.joining(", "));
  }

  public void clearSearchMessage() {
    searchMessage.set("");
  }

  public ObjectProperty<Screen> screenProperty() {
    return screen;
  }

  public ReadOnlyObjectProperty<Theme> themeProperty() {
    return theme;
  }

  public ReadOnlyObjectProperty<SearchQuery> lastQueryProperty() {
    return lastQuery;
  }

  public ReadOnlyStringProperty searchMessageProperty() {
    return searchMessage;
  }
}
