package io.bridgescope.desktop.checkpoints;

import io.bridgescope.desktop.common.ItemDetailViewModel;
import io.bridgescope.desktop.common.TableViewModel;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.ports.CheckpointRow;
import io.bridgescope.desktop.ports.RowSource;

/** State of the Checkpoints screen: the list with verdicts and the detail of one checkpoint. */
public final class CheckpointsViewModel implements AutoCloseable {

  private final TableViewModel<CheckpointRow> table;
  private final ItemDetailViewModel detail;
  private final io.bridgescope.desktop.ports.DetailSource details;
  private String pendingKey;

  public CheckpointsViewModel(
      RowSource<CheckpointRow> source,
      io.bridgescope.desktop.ports.DetailSource details,
      TaskRunner tasks,
      UiCoalescer.Factory coalescers) {
    this.details = details;
    this.table = new TableViewModel<>("checkpoints", source, tasks, coalescers);
    this.detail = new ItemDetailViewModel(tasks, "No checkpoint selected");
    wireSelection();
  }

  private void wireSelection() {
    table
        .selectedProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == null) {
                return;
              }
              String key = now.submitTx().toString();
              if (key.equals(pendingKey)) {
                pendingKey = null; // arrived through showLeaf: its leaf is already selected
                return;
              }
              detail.show(details, false, key, java.util.Optional.empty());
            });
  }

  /**
   * Shows the item with {@code key} and selects the leaf of message {@code leafId} (arriving from a
   * deposit or exit), and reveals the item's row in the list.
   */
  public void showLeaf(String key, java.math.BigInteger leafId) {
    pendingKey = key;
    detail.show(details, false, key, java.util.Optional.of(leafId));
    table.reveal(key);
  }

  /** Writes the evidence bundle of the shown item to {@code file} on a worker thread. */
  public void exportEvidence(java.nio.file.Path file, java.util.function.Consumer<String> done) {
    detail.exportEvidence(details, false, file, done);
  }

  public TableViewModel<CheckpointRow> table() {
    return table;
  }

  public ItemDetailViewModel detail() {
    return detail;
  }

  public void start() {
    table.start();
  }

  @Override
  public void close() {
    table.close();
  }
}
