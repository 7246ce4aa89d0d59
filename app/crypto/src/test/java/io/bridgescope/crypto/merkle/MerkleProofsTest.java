package io.bridgescope.crypto.merkle;

import static io.bridgescope.crypto.merkle.MerkleTreeTest.leaves;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MerkleProofsTest {

  @Test
  void everyProofOfEveryTreeUpTo300LeavesVerifiesBothWays() {
    for (int n = 1; n <= 300; n++) {
      List<byte[]> l = leaves(n);
      MerkleTree tree = MerkleTree.fromLeafHashes(l);
      for (int i = 0; i < n; i++) {
        List<byte[]> proof = tree.proof(i);
        assertThat(MerkleProofs.checkMembership(l.get(i), i, tree.root(), proof))
            .as("n=%d i=%d", n, i)
            .isTrue();
        assertThat(MerkleProofs.checkMembershipWithHeight(l.get(i), i, n, tree.root(), proof))
            .as("n=%d i=%d", n, i)
            .isTrue();
      }
    }
  }

  @Test
  void tamperedProofLeafRootOrIndexFails() {
    List<byte[]> l = leaves(6);
    MerkleTree tree = MerkleTree.fromLeafHashes(l);
    byte[] root = tree.root();
    List<byte[]> proof = tree.proof(2);
    for (int k = 0; k < proof.size(); k++) {
      List<byte[]> tampered = new ArrayList<>(proof);
      byte[] element = proof.get(k).clone();
      element[31] ^= 1;
      tampered.set(k, element);
      assertThat(MerkleProofs.checkMembership(l.get(2), 2, root, tampered)).isFalse();
    }
    assertThat(MerkleProofs.checkMembership(l.get(3), 2, root, proof)).isFalse();
    assertThat(MerkleProofs.checkMembership(l.get(2), 3, root, proof)).isFalse();
    assertThat(MerkleProofs.checkMembership(l.get(2), -2, root, proof)).isFalse();
    byte[] otherRoot = root.clone();
    otherRoot[0] ^= 1;
    assertThat(MerkleProofs.checkMembership(l.get(2), 2, otherRoot, proof)).isFalse();
  }

  @Test
  void indexMustBeUsedUpByTheProof() {
    List<byte[]> l = leaves(4);
    MerkleTree tree = MerkleTree.fromLeafHashes(l);
    // Same low bits, so the hashing is identical; only the exhaustion rule rejects it.
    long aliased = 1 + (1L << tree.proof(1).size());
    assertThat(MerkleProofs.computeRoot(l.get(1), aliased, tree.proof(1))).isEqualTo(tree.root());
    assertThat(MerkleProofs.checkMembership(l.get(1), aliased, tree.root(), tree.proof(1)))
        .isFalse();
  }

  @Test
  void heightCheckRejectsProofsTooShortOrTooLongForTheLeafCount() {
    List<byte[]> l = leaves(5);
    MerkleTree tree = MerkleTree.fromLeafHashes(l);
    List<byte[]> proof = tree.proof(0);
    byte[] root = tree.root();
    assertThat(proof).hasSize(3);
    for (long n = 5; n <= 8; n++) {
      assertThat(MerkleProofs.checkMembershipWithHeight(l.get(0), 0, n, root, proof)).isTrue();
    }
    // A valid path, but the claimed leaf count needs 2 or 4 siblings.
    assertThat(MerkleProofs.checkMembershipWithHeight(l.get(0), 0, 4, root, proof)).isFalse();
    assertThat(MerkleProofs.checkMembershipWithHeight(l.get(0), 0, 9, root, proof)).isFalse();
    assertThat(MerkleProofs.checkMembershipWithHeight(l.get(0), 0, 0, root, proof)).isFalse();

    List<byte[]> tooShort = proof.subList(0, 2);
    byte[] subRoot = tree.node(2, 0);
    assertThat(MerkleProofs.checkMembership(l.get(0), 0, subRoot, tooShort)).isTrue();
    assertThat(MerkleProofs.checkMembershipWithHeight(l.get(0), 0, 5, subRoot, tooShort)).isFalse();

    List<byte[]> tooLong = new ArrayList<>(proof);
    tooLong.add(root);
    byte[] higherRoot = MerkleProofs.computeRoot(l.get(0), 0, tooLong);
    assertThat(MerkleProofs.checkMembership(l.get(0), 0, higherRoot, tooLong)).isTrue();
    assertThat(MerkleProofs.checkMembershipWithHeight(l.get(0), 0, 5, higherRoot, tooLong))
        .isFalse();
  }

  @Test
  void emptyProofFitsOnlyASingleLeaf() {
    byte[] leaf = leaves(1).get(0);
    assertThat(MerkleProofs.checkMembershipWithHeight(leaf, 0, 1, leaf, List.of())).isTrue();
    assertThat(MerkleProofs.checkMembershipWithHeight(leaf, 0, 2, leaf, List.of())).isFalse();
    assertThat(MerkleProofs.checkMembership(leaf, 1, leaf, List.of())).isFalse();
  }

  @Test
  void malformedElementsAreRejectedNotThrown() {
    byte[] leaf = leaves(1).get(0);
    assertThat(MerkleProofs.checkMembership(leaf, 0, leaf, List.of(new byte[31]))).isFalse();
    assertThat(MerkleProofs.checkMembership(new byte[31], 0, leaf, List.of())).isFalse();
    assertThat(MerkleProofs.checkMembership(leaf, 0, null, List.of())).isFalse();
  }

  @Property(tries = 200)
  void proofsOfRandomTreesVerifyAndReachTheRoot(
      @ForAll @IntRange(min = 1, max = 3000) int n, @ForAll @IntRange(min = 0) int seed) {
    int index = seed % n;
    List<byte[]> l = leaves(n);
    MerkleTree tree = MerkleTree.fromLeafHashes(l);
    List<byte[]> proof = tree.proof(index);
    assertThat(proof).hasSize(MerkleTree.proofLengthFor(n));
    assertThat(MerkleProofs.computeRoot(l.get(index), index, proof)).isEqualTo(tree.root());
    assertThat(MerkleProofs.checkMembershipWithHeight(l.get(index), index, n, tree.root(), proof))
        .isTrue();
  }
}
