package io.bridgescope.desktop.overview;

import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.ports.OverviewSource;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Bridge health at a glance: the Overview tiles, reloaded when the engine says so. */
public final class OverviewViewModel implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OverviewViewModel.class);

  private final ObservableList<OverviewCard> cards =
      FXCollections.observableArrayList(OverviewCards.notConnected());
  private final StringProperty message = new SimpleStringProperty("");
  private final javafx.beans.property.ObjectProperty<io.bridgescope.desktop.ports.OverviewCharts>
      charts = new javafx.beans.property.SimpleObjectProperty<>();
  private final OverviewSource source;
  private final TaskRunner tasks;
  private final UiCoalescer.Factory coalescers;
  private AutoCloseable subscription;
  private boolean loading;
  private boolean loadAgain;

  public OverviewViewModel(
      OverviewSource source, TaskRunner tasks, UiCoalescer.Factory coalescers) {
    this.source = source;
    this.tasks = tasks;
    this.coalescers = coalescers;
  }

  public void start() {
    // Subscribe even before a network is open: opening one counts as a change and reloads.
    if (subscription == null) {
      Consumer<Boolean> changes = coalescers.create(ignored -> reload());
      subscription = source.subscribe(() -> changes.accept(Boolean.TRUE));
    }
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
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        LOG.warn("Closing the overview subscription failed", e);
      }
      subscription = null;
    }
  }
}
