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
  private final OverviewSource source;
  private final TaskRunner tasks;
  private final UiCoalescer.Factory coalescers;
  private AutoCloseable subscription;

  public OverviewViewModel(
      OverviewSource source, TaskRunner tasks, UiCoalescer.Factory coalescers) {
    this.source = source;
    this.tasks = tasks;
    this.coalescers = coalescers;
  }

  public void start() {
    if (!source.isConnected()) {
      cards.setAll(OverviewCards.notConnected());
      message.set("The indexer is not connected yet, so there is nothing to summarise.");
      return;
    }
    if (subscription == null) {
      Consumer<Boolean> changes = coalescers.create(ignored -> reload());
      subscription = source.subscribe(() -> changes.accept(Boolean.TRUE));
    }
    reload();
  }

  private void reload() {
    tasks.run(
        "load overview",
        source::load,
        facts -> {
          cards.setAll(OverviewCards.from(facts));
          message.set("");
        },
        error -> message.set("Could not load the overview: " + error.getMessage()));
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
