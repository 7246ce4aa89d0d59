package io.bridgescope.desktop.common;

import io.bridgescope.crypto.merkle.MerkleTree;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.quorum.BlsVerdict;
import io.bridgescope.desktop.quorum.QuorumSummary;
import io.bridgescope.desktop.quorum.ValidatorEntry;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;

/**
 * The detail area of a commitment or checkpoint: its Merkle tree, its quorum and its BLS verdict.
 * Trees are hashed and quorums computed on a worker thread, never on the FX thread. The "inspector"
 * entry points build them from inputs the user (or a test) supplies, and the title says so, so
 * nothing supplied by hand is shown as chain data.
 */
public final class ItemDetailViewModel {

  private final ObjectProperty<MerkleTree> tree = new SimpleObjectProperty<>();
  private final ObjectProperty<QuorumSummary> quorum = new SimpleObjectProperty<>();
  private final ObjectProperty<BlsVerdict> verdict =
      new SimpleObjectProperty<>(BlsVerdict.notVerifiedYet());
  private final StringProperty title = new SimpleStringProperty();
  private final StringProperty message = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final TaskRunner tasks;
  private final ObjectProperty<io.bridgescope.desktop.ports.TreeDetail> shown =
      new SimpleObjectProperty<>();
  private final javafx.beans.property.IntegerProperty selectedLeaf =
      new javafx.beans.property.SimpleIntegerProperty(-1);
  private @Nullable String shownKey;

  public ItemDetailViewModel(TaskRunner tasks, String emptyTitle) {
    this.tasks = tasks;
    this.title.set(emptyTitle);
  }

  /** Builds a tree from 32-byte leaf hashes in the background and shows it. */
  public void inspectLeaves(List<byte[]> leafHashes, String source) {
    List<byte[]> copy = List.copyOf(leafHashes);
    busy.set(true);
    message.set("Hashing " + copy.size() + " leaves…");
    tasks.run(
        "build Merkle tree",
        () -> MerkleTree.fromLeafHashes(copy),
        built -> {
          busy.set(false);
          shown.set(null);
          shownKey = null;
          quorum.set(null);
          verdict.set(BlsVerdict.notVerifiedYet());
          tree.set(built);
          title.set("Merkle inspector: " + source);
          message.set("");
        },
        error -> {
          busy.set(false);
          message.set("Could not build the tree: " + error.getMessage());
        });
  }

  /**
   * Shows a real commitment (key: start id) or checkpoint (key: submit tx) from the index: its
   * leaves, the quorum of its signers over the set that had to sign, and the verifier's verdict.
   */
  public void show(
      io.bridgescope.desktop.ports.DetailSource details,
      boolean commitment,
      String key,
      java.util.Optional<java.math.BigInteger> leafId) {
    busy.set(true);
    message.set("Reading leaves and signers…");
    shownKey = key;
    tasks.run(
        "load " + key,
        () -> {
          var d = details.tree(commitment, key, leafId);
          var q =
              d.filter(x -> !x.validators().isEmpty())
                  .map(x -> QuorumSummary.compute(x.validators(), x.bitmap()));
          return new Object[] {d, q};
        },
        result -> {
          if (!key.equals(shownKey)) {
            return; // the user picked another item meanwhile
          }
          busy.set(false);
          @SuppressWarnings("unchecked")
          var d = (java.util.Optional<io.bridgescope.desktop.ports.TreeDetail>) result[0];
          @SuppressWarnings("unchecked")
          var q = (java.util.Optional<QuorumSummary>) result[1];
          if (d.isEmpty()) {
            message.set("Not in the index: " + key);
            return;
          }
          shown.set(d.get());
          tree.set(d.get().tree().orElse(null));
          quorum.set(q.orElse(null));
          verdict.set(d.get().verdict());
          title.set(d.get().title());
          message.set(d.get().note());
          selectedLeaf.set(-1);
          selectedLeaf.set(d.get().selectedLeaf());
        },
        error -> {
          busy.set(false);
          message.set("Could not load " + key + ": " + error.getMessage());
        });
  }

  /**
   * Writes the evidence bundle of the shown item (worker thread); {@code done} gets the outcome.
   */
  public void exportEvidence(
      io.bridgescope.desktop.ports.DetailSource details,
      boolean commitment,
      java.nio.file.Path file,
      java.util.function.Consumer<String> done) {
    String key = shownKey;
    if (key == null) {
      done.accept("Select an item first.");
      return;
    }
    tasks.run(
        "export evidence " + key,
        () -> {
          java.nio.file.Files.writeString(file, details.evidence(commitment, key));
          return file;
        },
        f -> done.accept("Evidence bundle written to " + f),
        error -> done.accept("Export failed: " + error.getMessage()));
  }

  /** The shown item's detail, empty for the inspector or nothing. */
  public ReadOnlyObjectProperty<io.bridgescope.desktop.ports.TreeDetail> shownProperty() {
    return shown;
  }

  /** The leaf to select after a tree arrives (arriving from a deposit or exit), or -1. */
  public javafx.beans.property.ReadOnlyIntegerProperty selectedLeafProperty() {
    return selectedLeaf;
  }

  /** Parses pasted leaf hashes (see {@link LeafHashParser}) and builds their tree. */
  public void inspectText(String pasted) {
    try {
      List<byte[]> leaves = LeafHashParser.parse(pasted);
      inspectLeaves(leaves, leaves.size() + " leaf hashes you supplied, not read from a chain");
    } catch (IllegalArgumentException e) {
      message.set(e.getMessage());
    }
  }

  /** Computes the quorum of a signer bitmap against a validator set in the background. */
  public void inspectQuorum(List<ValidatorEntry> validators, byte[] bitmap) {
    List<ValidatorEntry> copy = List.copyOf(validators);
    byte[] bits = bitmap.clone();
    tasks.run(
        "check quorum",
        () -> QuorumSummary.compute(copy, bits),
        quorum::set,
        error -> message.set("Could not check the quorum: " + error.getMessage()));
  }

  /** The verifier's verdict for the shown item; the panel never decides it on its own. */
  public void showVerdict(BlsVerdict value) {
    verdict.set(value == null ? BlsVerdict.notVerifiedYet() : value);
  }

  public ReadOnlyObjectProperty<MerkleTree> treeProperty() {
    return tree;
  }

  public ReadOnlyObjectProperty<QuorumSummary> quorumProperty() {
    return quorum;
  }

  public ReadOnlyObjectProperty<BlsVerdict> verdictProperty() {
    return verdict;
  }

  public ReadOnlyStringProperty titleProperty() {
    return title;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }
}
