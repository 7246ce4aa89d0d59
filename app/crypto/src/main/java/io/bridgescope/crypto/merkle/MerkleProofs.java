package io.bridgescope.crypto.merkle;

import io.bridgescope.crypto.InvalidEncodingException;
import io.bridgescope.crypto.Keccak;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Proof checks exactly as the pinned core-contracts {@code Merkle} library does them
 * (docs/protocol.md, "Merkle tree"). Both return false rather than throwing on a malformed proof,
 * as the contract does; {@code index} and {@code numLeaves} are uint256 on chain, so a negative
 * value here can never verify.
 */
public final class MerkleProofs {

  private static final int H = Keccak.HASH_LENGTH;

  private MerkleProofs() {}

  /**
   * ExitHelper's rule: fold the index bit by bit (bit 1 = current node is the right child) and
   * require the index to be used up, i.e. {@code index < 2^proof.size()}. No leaf-count check.
   */
  public static boolean checkMembership(byte[] leaf, long index, byte[] root, List<byte[]> proof) {
    if (!isHash(leaf) || !isHash(root) || proof == null || index < 0) {
      return false;
    }
    // After len(proof) halvings the index must be zero, i.e. index < 2^len(proof).
    boolean indexUsedUp = proof.size() >= Long.SIZE || (index >>> proof.size()) == 0;
    byte[] computed = fold(leaf, index, proof);
    return indexUsedUp && computed != null && Arrays.equals(computed, root);
  }

  /**
   * StateReceiver.execute's rule: {@link #checkMembership} plus {@code 2^(len-1) < numLeaves <=
   * 2^len}, so the proof length must be exactly ceil(log2(numLeaves)) (an empty proof fits only one
   * leaf).
   */
  public static boolean checkMembershipWithHeight(
      byte[] leaf, long index, long numLeaves, byte[] root, List<byte[]> proof) {
    if (proof == null || numLeaves < 1 || proof.size() != MerkleTree.proofLengthFor(numLeaves)) {
      return false;
    }
    return checkMembership(leaf, index, root, proof);
  }

  /**
   * Recomputes the root from a leaf and proof without judging the index range; for display and
   * diagnosis ("which root would this proof reach?").
   */
  public static byte[] computeRoot(byte[] leaf, long index, List<byte[]> proof) {
    if (!isHash(leaf)) {
      throw new InvalidEncodingException("leaf", "expected 32 bytes");
    }
    byte[] computed = fold(leaf, index, proof);
    if (computed == null) {
      throw new InvalidEncodingException("proof", "every element must be 32 bytes");
    }
    return computed;
  }

  /** Hashes up the proof; null if an element is not 32 bytes. */
  private static byte @Nullable [] fold(byte[] leaf, long index, List<byte[]> proof) {
    byte[] current = leaf.clone();
    Keccak keccak = Keccak.create();
    long remaining = index;
    for (byte[] sibling : proof) {
      if (!isHash(sibling)) {
        return null;
      }
      if ((remaining & 1) == 1) {
        keccak.hashPair(sibling, 0, current, 0, current, 0);
      } else {
        keccak.hashPair(current, 0, sibling, 0, current, 0);
      }
      remaining >>>= 1;
    }
    return current;
  }

  private static boolean isHash(byte[] value) {
    return value != null && value.length == H;
  }
}
