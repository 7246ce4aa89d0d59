package io.bridgescope.desktop.common;

import io.bridgescope.desktop.merkle.MerkleTreePane;
import io.bridgescope.desktop.quorum.QuorumPanel;

/** Connects an {@link ItemDetailViewModel} to the tree pane and quorum panel showing it. */
public final class DetailBinding {

  private DetailBinding() {}

  /** Also fills {@code facts} with the shown item's audit facts and marks a root mismatch. */
  public static void bind(
      ItemDetailViewModel vm, MerkleTreePane tree, QuorumPanel quorum, AuditFactsPane facts) {
    bind(vm, tree, quorum);
    java.util.function.Consumer<
            io.bridgescope.desktop.ports.@org.jspecify.annotations.Nullable TreeDetail>
        show =
            d -> {
              var f = d == null ? null : d.facts().orElse(null);
              facts.show(f);
              tree.view().rootMismatchProperty().set(f != null && f.rootMismatch());
            };
    show.accept(vm.shownProperty().get());
    vm.shownProperty().addListener((obs, old, now) -> show.accept(now));
  }

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
