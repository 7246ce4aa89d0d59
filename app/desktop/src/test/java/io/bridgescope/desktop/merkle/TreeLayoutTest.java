package io.bridgescope.desktop.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.crypto.merkle.MerkleNodeRef;
import io.bridgescope.crypto.merkle.MerkleTree;
import io.bridgescope.desktop.merkle.TreeLayout.IndexRange;
import io.bridgescope.desktop.testing.Leaves;
import org.junit.jupiter.api.Test;

class TreeLayoutTest {

  @Test
  void levelsMatchTheTreeIncludingOddSelfPairedNodes() {
    for (int n : new int[] {1, 2, 3, 5, 7, 8, 9, 100, 4096}) {
      MerkleTree tree = MerkleTree.fromLeafHashes(Leaves.stateSyncs(n));
      FullTreeLayout layout = FullTreeLayout.forLeaves(n);
      assertThat(layout.levelCount()).as("levels of %d", n).isEqualTo(tree.levelCount());
      for (int level = 0; level < tree.levelCount(); level++) {
        assertThat(layout.levelSize(level)).isEqualTo(tree.levelSize(level));
      }
    }
  }

  @Test
  void parentsSitOverTheirChildrenAndAnOddLastNodeStraightAboveItsOnlyChild() {
    FullTreeLayout layout = FullTreeLayout.forLeaves(5);
    assertThat(layout.x(1, 0)).isEqualTo(0.5);
    assertThat(layout.x(1, 1)).isEqualTo(2.5);
    assertThat(layout.x(1, 2)).isEqualTo(4.0); // leaf 4 paired with itself
    assertThat(layout.x(3, 0)).isEqualTo((1.5 + 4.0) / 2);
  }

  @Test
  void rangeReturnsOnlyNodesInsideTheWindow() {
    FullTreeLayout layout = FullTreeLayout.forLeaves(4096);
    assertThat(layout.range(0, 100.2, 130.5)).isEqualTo(new IndexRange(101, 130));
    assertThat(layout.range(0, -50, -1)).matches(IndexRange::isEmpty);
    assertThat(layout.range(0, 5000, 6000)).matches(IndexRange::isEmpty);
    assertThat(layout.range(12, 0, 4095)).isEqualTo(new IndexRange(0, 0));
    assertThat(layout.range(1, 0, 3.5)).isEqualTo(new IndexRange(0, 1));
  }

  @Test
  void pathLayoutDrawsOnlyPathAndSiblingsOnTheirHashingSide() {
    MerkleTree tree = MerkleTree.fromLeafHashes(Leaves.stateSyncs(5));
    PathLayout layout = new PathLayout(tree.proofPath(4));
    assertThat(layout.levelCount()).isEqualTo(4);
    // leaf 4 is the odd last leaf: it is its own sibling, so level 0 draws one node
    assertThat(layout.range(0, -5, 5)).isEqualTo(new IndexRange(4, 4));
    assertThat(layout.contains(0, 3)).isFalse();
    // level 1: node 2 is the right child of parent 1, its sibling 3 does not exist -> self again
    assertThat(layout.range(1, -5, 5)).isEqualTo(new IndexRange(2, 2));
    // level 2: node 1 is the right child, sibling 0 is drawn on the left
    assertThat(layout.x(2, 1)).isEqualTo(0);
    assertThat(layout.x(2, 0)).isEqualTo(-1);
    assertThat(layout.range(2, -5, 5)).isEqualTo(new IndexRange(0, 1));
    assertThat(layout.range(2, -0.5, 5)).isEqualTo(new IndexRange(1, 1));
    for (MerkleNodeRef ref : tree.proofPath(4).siblings()) {
      assertThat(layout.contains(ref.level(), ref.index())).isTrue();
    }
  }
}
