package io.bridgescope.desktop.overview;

import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.concurrent.UiSubscription;
import io.bridgescope.desktop.ports.OverviewSource;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Bridge health at a glance: the Overview tiles, reloaded when the engine says so. */
public final class OverviewViewModel implements AutoCloseable {

  private final ObservableList<OverviewCard> cards =
      FXCollections.observableArrayList(OverviewCards.notConnected());
  private final StringProperty message = new SimpleStringProperty("");
  private final javafx.beans.property.ObjectProperty<io.bridgescope.desktop.ports.OverviewCharts>
      charts = new javafx.beans.property.SimpleObjectProperty<>();
  private final OverviewSource source;
  private final TaskRunner tasks;
  private final UiSubscription changes;
  private boolean loading;
  private boolean loadAgain;

  public OverviewViewModel(
      OverviewSource source, TaskRunner tasks, UiCoalescer.Factory coalescers) {
    this.source = source;
    this.tasks = tasks;
    this.changes = new UiSubscription("overview", coalescers);
  }

  public void start() {
    // Subscribe even before a network is open: opening one counts as a change and reloads.
    changes.onChanges(source::subscribe, this::reload);
    reload();
  }

  private record Loaded(
      io.bridgescope.desktop.ports.OverviewFacts facts,
      java.util.Optional<io.bridgescope.desktop.ports.OverviewCharts> charts) {}

  private void reload() {
    if (!source.isConnected()) {
      cards.setAll(OverviewCards.notConnected());
      message.set("The indexer is not connected yet, so there is nothing to summarise.");
      return;
    }
    if (loading) {
      loadAgain = true; // one load at a time; the latest change is read when it finishes
      return;
    }
    loading = true;
    tasks.run(
        "load overview",
        () -> new Loaded(source.load(), source.charts()),
        loaded -> {
          finishLoad();
          cards.setAll(OverviewCards.from(loaded.facts()));
          loaded.charts().ifPresent(charts::set);
          message.set("");
        },
        error -> {
          finishLoad();
          message.set("Could not load the overview: " + error.getMessage());
        });
  }

  private void finishLoad() {
    loading = false;
    if (loadAgain) {
      loadAgain = false;
      reload();
    }
  }

  /** The latest chart data; null until loaded. */
  public javafx.beans.property.ReadOnlyObjectProperty<io.bridgescope.desktop.ports.OverviewCharts>
      chartsProperty() {
    return charts;
  }

  public ObservableList<OverviewCard> cards() {
    return cards;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message;
  }

  @Override
  public void close() {
    changes.close();
  }
}
