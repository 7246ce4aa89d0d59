package io.bridgescope.crypto.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.crypto.InvalidEncodingException;
import io.bridgescope.crypto.Keccak;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

  private static final HexFormat HEX = HexFormat.of();

  /**
   * Leaf i is 32 bytes of value i + 1 (readable in hand computations) while that fits a byte, then
   * keccak256 of i so that larger trees have distinct leaves too.
   */
  static List<byte[]> leaves(int count) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] leaf = new byte[32];
      if (i < 255) {
        Arrays.fill(leaf, (byte) (i + 1));
      } else {
        leaf = Keccak.keccak256(java.nio.ByteBuffer.allocate(4).putInt(i).array());
      }
      out.add(leaf);
    }
    return out;
  }

  private static byte[] h(byte[] left, byte[] right) {
    byte[] both = new byte[64];
    System.arraycopy(left, 0, both, 0, 32);
    System.arraycopy(right, 0, both, 32, 32);
    return Keccak.keccak256(both);
  }

  @Test
  void singleLeafIsTheRoot() {
    MerkleTree tree = MerkleTree.fromLeafHashes(leaves(1));
    assertThat(tree.root()).isEqualTo(leaves(1).get(0));
    assertThat(tree.levelCount()).isEqualTo(1);
    assertThat(tree.proof(0)).isEmpty();
  }

  @Test
  void twoLeavesHashInOrderWithoutSorting() {
    List<byte[]> l = leaves(2);
    MerkleTree tree = MerkleTree.fromLeafHashes(l);
    // Expected values computed with js-sha3.
    assertThat(HEX.formatHex(tree.root()))
        .isEqualTo("346d8c96a2454213fcc0daff3c96ad0398148181b9fa6488f7ae2c0af5b20aa0")
        .isEqualTo(HEX.formatHex(h(l.get(0), l.get(1))));
    List<byte[]> swapped = List.of(l.get(1), l.get(0));
    assertThat(MerkleTree.fromLeafHashes(swapped).root()).isNotEqualTo(tree.root());
  }

  @Test
  void oddLevelPairsItsLastNodeWithItself() {
    List<byte[]> l = leaves(3);
    MerkleTree tree = MerkleTree.fromLeafHashes(l);
    byte[] expected = h(h(l.get(0), l.get(1)), h(l.get(2), l.get(2)));
    assertThat(tree.root()).isEqualTo(expected);
    assertThat(HEX.formatHex(tree.root()))
        .isEqualTo("f17b43cfed88243bdf6dc35c1e917ee7460117346bdbd87c194db398c00b6973");
  }

  @Test
  void fiveLeavesKeepTheSelfPairedNodeUpTheTree() {
    List<byte[]> l = leaves(5);
    MerkleTree tree = MerkleTree.fromLeafHashes(l);
    byte[] n44 = h(l.get(4), l.get(4));
    byte[] expected = h(h(h(l.get(0), l.get(1)), h(l.get(2), l.get(3))), h(n44, n44));
    assertThat(tree.root()).isEqualTo(expected);
    assertThat(HEX.formatHex(tree.root()))
        .isEqualTo("e9f7728082d1c9ae38377d91fb0f5b81657e09248e968b0bebd1a5537fd4c377");
    assertThat(tree.levels()).extracting(List::size).containsExactly(5, 3, 2, 1);
    assertThat(tree.node(1, 2)).isEqualTo(n44);
    assertThat(tree.proof(4)).containsExactly(l.get(4), n44, tree.node(2, 0));
  }

  @Test
  void proofPathNamesPathNodesAndSelfPairedSiblings() {
    MerkleProofPath path = MerkleTree.fromLeafHashes(leaves(5)).proofPath(4);
    assertThat(path.path())
        .containsExactly(
            new MerkleNodeRef(0, 4),
            new MerkleNodeRef(1, 2),
            new MerkleNodeRef(2, 1),
            new MerkleNodeRef(3, 0));
    assertThat(path.siblings())
        .containsExactly(new MerkleNodeRef(0, 4), new MerkleNodeRef(1, 2), new MerkleNodeRef(2, 0));
    assertThat(path.touches(new MerkleNodeRef(2, 0))).isTrue();
    assertThat(path.touches(new MerkleNodeRef(1, 0))).isFalse();
  }

  @Test
  void proofPathOfAnInnerLeafUsesNeighbours() {
    MerkleProofPath path = MerkleTree.fromLeafHashes(leaves(5)).proofPath(2);
    assertThat(path.siblings())
        .containsExactly(new MerkleNodeRef(0, 3), new MerkleNodeRef(1, 0), new MerkleNodeRef(2, 1));
  }

  @Test
  void concatenatedInputBuildsTheSameTree() {
    List<byte[]> l = leaves(7);
    byte[] flat = new byte[7 * 32];
    for (int i = 0; i < 7; i++) {
      System.arraycopy(l.get(i), 0, flat, i * 32, 32);
    }
    assertThat(MerkleTree.fromConcatenatedLeafHashes(flat).root())
        .isEqualTo(MerkleTree.fromLeafHashes(l).root());
  }

  @Test
  void accessorsReturnCopies() {
    MerkleTree tree = MerkleTree.fromLeafHashes(leaves(2));
    byte[] root = tree.root();
    root[0] ^= 1;
    assertThat(tree.root()).isNotEqualTo(root);
  }

  @Test
  void rejectsEmptyAndMisSizedInput() {
    assertThatThrownBy(() -> MerkleTree.fromLeafHashes(List.of()))
        .isInstanceOf(InvalidEncodingException.class)
        .hasMessageContaining("leafHashes");
    List<byte[]> bad = new ArrayList<>(leaves(2));
    bad.add(new byte[31]);
    assertThatThrownBy(() -> MerkleTree.fromLeafHashes(bad))
        .isInstanceOfSatisfying(
            InvalidEncodingException.class, e -> assertThat(e.field()).isEqualTo("leafHashes[2]"));
    assertThatThrownBy(() -> MerkleTree.fromConcatenatedLeafHashes(new byte[33]))
        .isInstanceOf(InvalidEncodingException.class);
    assertThatThrownBy(() -> MerkleTree.fromLeafHashes(leaves(3)).proof(3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void proofLengthIsCeilLog2() {
    assertThat(MerkleTree.proofLengthFor(1)).isZero();
    assertThat(MerkleTree.proofLengthFor(2)).isEqualTo(1);
    assertThat(MerkleTree.proofLengthFor(3)).isEqualTo(2);
    assertThat(MerkleTree.proofLengthFor(4)).isEqualTo(2);
    assertThat(MerkleTree.proofLengthFor(5)).isEqualTo(3);
    assertThat(MerkleTree.proofLengthFor(1 << 20)).isEqualTo(20);
    assertThat(MerkleTree.proofLengthFor((1 << 20) + 1)).isEqualTo(21);
  }
}
