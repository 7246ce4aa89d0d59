package io.bridgescope.desktop.common;

import io.bridgescope.desktop.merkle.MerkleTreePane;
import io.bridgescope.desktop.quorum.QuorumPanel;

/** Connects an {@link ItemDetailViewModel} to the tree pane and quorum panel showing it. */
public final class DetailBinding {

  private DetailBinding() {}

  public static void bind(ItemDetailViewModel vm, MerkleTreePane tree, QuorumPanel quorum) {
    tree.setTree(vm.treeProperty().get());
    vm.treeProperty().addListener((obs, old, now) -> tree.setTree(now));
    quorum.setSummary(vm.quorumProperty().get());
    vm.quorumProperty().addListener((obs, old, now) -> quorum.setSummary(now));
    quorum.setVerdict(vm.verdictProperty().get());
    vm.verdictProperty().addListener((obs, old, now) -> quorum.setVerdict(now));
    vm.selectedLeafProperty()
        .addListener(
            (obs, old, now) -> {
              if (now.intValue() >= 0 && tree.view().getTree() != null) {
                tree.view().selectLeaf(now.intValue());
              }
            });
  }
}
