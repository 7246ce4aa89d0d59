package io.bridgescope.desktop.common;

import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.ports.CheckpointRow;
import io.bridgescope.desktop.ports.CommitmentRow;
import io.bridgescope.desktop.ports.DetailSource;
import io.bridgescope.desktop.ports.RowSource;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * State of a screen of signed Merkle trees (Commitments or Checkpoints): the list with verdicts and
 * the detail of one tree. The two screens differ only in their rows, their key and which kind of
 * detail they ask for, so one class serves both.
 */
public final class TreeListViewModel<R> implements AutoCloseable {

  private final TableViewModel<R> table;
  private final ItemDetailViewModel detail;
  private final DetailSource details;
  private final boolean commitments;
  private @Nullable String pendingKey;

  /** The Commitments screen: keyed by the first state-sync id of each commitment. */
  public static TreeListViewModel<CommitmentRow> commitments(
      RowSource<CommitmentRow> source,
      DetailSource details,
      TaskRunner tasks,
      UiCoalescer.Factory coalescers) {
    return new TreeListViewModel<>(
        "commitment", true, r -> r.startId().toString(), source, details, tasks, coalescers);
  }

  /** The Checkpoints screen: keyed by the submit transaction of each checkpoint. */
  public static TreeListViewModel<CheckpointRow> checkpoints(
      RowSource<CheckpointRow> source,
      DetailSource details,
      TaskRunner tasks,
      UiCoalescer.Factory coalescers) {
    return new TreeListViewModel<>(
        "checkpoint", false, r -> r.submitTx().toString(), source, details, tasks, coalescers);
  }

  private TreeListViewModel(
      String what,
      boolean commitments,
      Function<R, String> key,
      RowSource<R> source,
      DetailSource details,
      TaskRunner tasks,
      UiCoalescer.Factory coalescers) {
    this.details = details;
    this.commitments = commitments;
    this.table = new TableViewModel<>(what + "s", source, key, tasks, coalescers);
    this.detail = new ItemDetailViewModel(tasks, "No " + what + " selected");
    table
        .selectedProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == null) {
                return;
              }
              String k = key.apply(now);
              if (k.equals(pendingKey)) {
                pendingKey = null; // arrived through showLeaf: its leaf is already selected
                return;
              }
              detail.show(details, commitments, k, Optional.empty());
            });
  }

  /**
   * Shows the item with {@code key} and selects the leaf of message {@code leafId} (arriving from a
   * deposit or exit), and reveals the item's row in the list.
   */
  public void showLeaf(String key, BigInteger leafId) {
    pendingKey = key;
    detail.show(details, commitments, key, Optional.of(leafId));
    table.reveal(key);
  }

  /** Writes the evidence bundle of the shown item to {@code file} on a worker thread. */
  public void exportEvidence(Path file, Consumer<String> done) {
    detail.exportEvidence(details, commitments, file, done);
  }

  public TableViewModel<R> table() {
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
