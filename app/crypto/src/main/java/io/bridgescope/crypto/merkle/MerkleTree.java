package io.bridgescope.crypto.merkle;

import io.bridgescope.crypto.InvalidEncodingException;
import io.bridgescope.crypto.Keccak;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An Edge bridge Merkle tree (docs/protocol.md, "Merkle tree"): parent = keccak256(left ‖ right),
 * children not sorted, the last node of an odd level is paired with itself, no padding, and a
 * single leaf is the root.
 *
 * <p>Each level is one flat array of 32-byte nodes (level 0 = leaves, last level = root), so that a
 * million-leaf tree costs two big allocations per level instead of a million small ones, and a
 * parent is hashed straight from its two adjacent children. Immutable; accessors return copies.
 */
public final class MerkleTree {

  private static final int H = Keccak.HASH_LENGTH;

  /** Keeps every level addressable with int offsets (leafCount * 32 < 2^31). */
  public static final int MAX_LEAVES = 1 << 25;

  private final byte[][] levels;
  private final int leafCount;

  private MerkleTree(byte[] leaves, int leafCount) {
    this.leafCount = leafCount;
    this.levels = buildLevels(leaves, leafCount);
  }

  /** Builds the tree over 32-byte leaf hashes, in leaf order. */
  public static MerkleTree fromLeafHashes(List<byte[]> leafHashes) {
    checkCount(leafHashes == null ? 0 : leafHashes.size());
    byte[] flat = new byte[leafHashes.size() * H];
    for (int i = 0; i < leafHashes.size(); i++) {
      byte[] leaf = leafHashes.get(i);
      if (leaf == null || leaf.length != H) {
        throw new InvalidEncodingException(
            "leafHashes[" + i + "]",
            "expected 32 bytes, got " + (leaf == null ? "nothing" : leaf.length));
      }
      System.arraycopy(leaf, 0, flat, i * H, H);
    }
    return new MerkleTree(flat, leafHashes.size());
  }

  /**
   * Builds the tree over leaf hashes concatenated in one array (32 bytes each); the array is
   * copied.
   */
  public static MerkleTree fromConcatenatedLeafHashes(byte[] leafHashes) {
    if (leafHashes == null || leafHashes.length % H != 0) {
      throw new InvalidEncodingException(
          "leafHashes", "length must be a multiple of 32, got " + lengthOf(leafHashes));
    }
    checkCount(leafHashes.length / H);
    return new MerkleTree(leafHashes.clone(), leafHashes.length / H);
  }

  private static void checkCount(int count) {
    if (count == 0) {
      throw new InvalidEncodingException("leafHashes", "a Merkle tree needs at least one leaf");
    }
    if (count > MAX_LEAVES) {
      throw new InvalidEncodingException(
          "leafHashes", count + " leaves exceed the supported " + MAX_LEAVES);
    }
  }

  private static byte[][] buildLevels(byte[] leaves, int leafCount) {
    byte[][] out = new byte[levelCountFor(leafCount)][];
    out[0] = leaves;
    Keccak keccak = Keccak.create();
    int size = leafCount;
    for (int level = 1; level < out.length; level++) {
      byte[] below = out[level - 1];
      int parents = (size + 1) / 2;
      byte[] here = new byte[parents * H];
      int pairs = size / 2;
      for (int p = 0; p < pairs; p++) {
        // The two children are adjacent, so one 64-byte run is exactly left ‖ right.
        keccak.hash(below, 2 * p * H, 2 * H, here, p * H);
      }
      if ((size & 1) == 1) {
        int last = (size - 1) * H;
        keccak.hashPair(below, last, below, last, here, pairs * H);
      }
      out[level] = here;
      size = parents;
    }
    return out;
  }

  /** Number of levels including leaves and root: 1 + ceil(log2(leafCount)). */
  static int levelCountFor(int leafCount) {
    return 1 + proofLengthFor(leafCount);
  }

  /** Proof length for a tree of {@code leafCount} leaves: ceil(log2(leafCount)). */
  public static int proofLengthFor(long leafCount) {
    if (leafCount < 1) {
      throw new IllegalArgumentException("leafCount must be positive: " + leafCount);
    }
    return 64 - Long.numberOfLeadingZeros(leafCount - 1);
  }

  public int leafCount() {
    return leafCount;
  }

  /** Number of levels, leaves and root included; the proof length is {@code levelCount() - 1}. */
  public int levelCount() {
    return levels.length;
  }

  public int levelSize(int level) {
    checkLevel(level);
    return levels[level].length / H;
  }

  public byte[] root() {
    return node(levels.length - 1, 0);
  }

  public byte[] leaf(int index) {
    return node(0, index);
  }

  public byte[] node(int level, int index) {
    checkLevel(level);
    Objects.checkIndex(index, levelSize(level));
    return Arrays.copyOfRange(levels[level], index * H, (index + 1) * H);
  }

  /** The nodes of one level, left to right (level 0 = leaves). */
  public List<byte[]> level(int level) {
    int size = levelSize(level);
    List<byte[]> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(node(level, i));
    }
    return List.copyOf(out);
  }

  /** Every level, bottom-up, for drawing; use {@link #level(int)} on large trees instead. */
  public List<List<byte[]>> levels() {
    List<List<byte[]>> out = new ArrayList<>(levels.length);
    for (int level = 0; level < levels.length; level++) {
      out.add(level(level));
    }
    return List.copyOf(out);
  }

  /**
   * The sibling hashes from the leaf up to (not including) the root, as ExitHelper.exit and
   * StateReceiver.execute take them. A node without a right neighbour has itself as sibling.
   */
  public List<byte[]> proof(int leafIndex) {
    List<byte[]> siblings = new ArrayList<>(levels.length - 1);
    for (MerkleNodeRef ref : proofPath(leafIndex).siblings()) {
      siblings.add(node(ref.level(), ref.index()));
    }
    return List.copyOf(siblings);
  }

  /** Positions of the path nodes and their siblings for {@code leafIndex}, for highlighting. */
  public MerkleProofPath proofPath(int leafIndex) {
    Objects.checkIndex(leafIndex, leafCount);
    List<MerkleNodeRef> path = new ArrayList<>(levels.length);
    List<MerkleNodeRef> siblings = new ArrayList<>(levels.length - 1);
    int index = leafIndex;
    for (int level = 0; level < levels.length - 1; level++) {
      path.add(new MerkleNodeRef(level, index));
      int sibling = index ^ 1;
      // The last node of an odd level is hashed with itself (protocol.md "Merkle tree").
      siblings.add(new MerkleNodeRef(level, sibling < levelSize(level) ? sibling : index));
      index >>= 1;
    }
    path.add(new MerkleNodeRef(levels.length - 1, 0));
    return new MerkleProofPath(leafIndex, path, siblings);
  }

  private void checkLevel(int level) {
    Objects.checkIndex(level, levels.length);
  }

  private static String lengthOf(byte[] bytes) {
    return bytes == null ? "nothing" : String.valueOf(bytes.length);
  }
}
