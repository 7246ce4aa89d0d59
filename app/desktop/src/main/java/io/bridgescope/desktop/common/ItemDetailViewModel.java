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
          tree.set(built);
          title.set("Merkle inspector: " + source);
          message.set("");
        },
        error -> {
          busy.set(false);
          message.set("Could not build the tree: " + error.getMessage());
        });
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
