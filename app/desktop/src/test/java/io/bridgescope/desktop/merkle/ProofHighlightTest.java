package io.bridgescope.desktop.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.crypto.merkle.MerkleNodeRef;
import io.bridgescope.crypto.merkle.MerkleProofPath;
import io.bridgescope.crypto.merkle.MerkleTree;
import io.bridgescope.desktop.testing.Leaves;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProofHighlightTest {

  @Test
  void exactlyThePathAndSiblingsAreHighlighted() {
    MerkleTree tree = MerkleTree.fromLeafHashes(Leaves.stateSyncs(13));
    for (int leaf = 0; leaf < 13; leaf++) {
      MerkleProofPath proof = tree.proofPath(leaf);
      ProofHighlight hl = ProofHighlight.of(proof);
      Set<MerkleNodeRef> highlighted = new HashSet<>();
      for (int level = 0; level < tree.levelCount(); level++) {
        for (int i = 0; i < tree.levelSize(level); i++) {
          if (hl.role(level, i) != NodeRole.NONE) {
            highlighted.add(new MerkleNodeRef(level, i));
          }
        }
      }
      Set<MerkleNodeRef> expected = new HashSet<>(proof.path());
      expected.addAll(proof.siblings());
      assertThat(highlighted).as("leaf %d", leaf).isEqualTo(expected);
      assertThat(hl.role(0, leaf)).isEqualTo(NodeRole.SELECTED_LEAF);
      assertThat(hl.role(tree.levelCount() - 1, 0)).isEqualTo(NodeRole.ROOT);
    }
  }

  @Test
  void oddLastNodeIsItsOwnSibling() {
    MerkleTree tree = MerkleTree.fromLeafHashes(Leaves.stateSyncs(5));
    ProofHighlight hl = ProofHighlight.of(tree.proofPath(4));
    assertThat(hl.selfPaired(0)).isTrue();
    assertThat(hl.selfPaired(1)).isTrue();
    assertThat(hl.selfPaired(2)).isFalse();
    assertThat(hl.role(2, 0)).isEqualTo(NodeRole.SIBLING);
    assertThat(hl.role(2, 1)).isEqualTo(NodeRole.PATH);
  }

  @Test
  void noSelectionHighlightsNothing() {
    assertThat(ProofHighlight.NONE.role(0, 0)).isEqualTo(NodeRole.NONE);
    assertThat(ProofHighlight.NONE.isEmpty()).isTrue();
  }
}
