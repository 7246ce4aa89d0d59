package io.bridgescope.core.proof;

import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.bridge.StateSyncCommitment;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.proof.ProofException.Reason;
import io.bridgescope.core.proof.ProofQueries.EpochRoot;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.ExitDao;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.crypto.Keccak;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import io.bridgescope.crypto.merkle.MerkleProofs;
import io.bridgescope.crypto.merkle.MerkleTree;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Builds exit proofs ({@code ExitHelper.exit} inputs) and state-sync proofs ({@code
 * StateReceiver.execute} inputs) from the local index only. Every proof is checked before it is
 * returned: its leaf is re-hashed from the stored row and folded up to the stored root, and when a
 * node is given, that root must also be the one the contract will use. Built trees are cached per
 * checkpoint and commitment (bounded LRU), so later proofs of the same tree are lookups.
 */
public final class ProofBuilder {

  /** Trees kept by default: a few epochs and commitments a user is likely to withdraw from. */
  public static final int DEFAULT_CACHE_SIZE = 32;

  private final Database db;
  private final BridgeContracts contracts;
  private final long epochSize;
  private final TreeCache cache;

  public ProofBuilder(Database db, BridgeContracts contracts, long epochSize, int cacheSize) {
    this.db = Objects.requireNonNull(db, "db");
    this.contracts = Objects.requireNonNull(contracts, "contracts");
    if (epochSize < 1) {
      throw new IllegalArgumentException("epoch size must be positive: " + epochSize);
    }
    this.epochSize = epochSize;
    this.cache = new TreeCache(cacheSize);
  }

  public ProofBuilder(Database db, BridgeContracts contracts, long epochSize) {
    this(db, contracts, epochSize, DEFAULT_CACHE_SIZE);
  }

  /** Forgets built trees, e.g. after the index rewound a reorg. */
  public void invalidate() {
    cache.clear();
  }

  /** An exit proof checked against the local index only. */
  public ExitProof exitProof(BigInteger exitId) {
    return exitProof(exitId, null);
  }

  /**
   * An exit proof checked against the local index and, if {@code root} is not null, against that
   * root-chain node's {@code getEventRootByBlock}.
   */
  public ExitProof exitProof(BigInteger exitId, @Nullable ChainClient root) {
    record Found(ExitRow exit, EpochRoot cp) {}
    Found f =
        db.read(
            c -> {
              ExitRow exit =
                  new ExitDao(c)
                      .byId(exitId)
                      .orElseThrow(
                          () ->
                              new ProofException(
                                  Reason.NOT_INDEXED,
                                  "exit " + exitId + " is not in the local index"));
              ProofQueries q = new ProofQueries(c);
              Optional<EpochRoot> cp = q.latestOfEpoch(exit.epoch());
              if (cp.isEmpty() || cp.get().checkpointBlock() <= exit.event().blockNumber()) {
                throw notCheckpointed(exit, q.lastCheckpointBlock());
              }
              return new Found(exit, cp.get());
            });
    ExitRow exit = f.exit();
    EpochRoot cp = f.cp();
    byte[] unhashed =
        BridgeLeaves.exitEncoding(
            exit.id(), exit.sender().bytes(), exit.receiver().bytes(), exit.data().value());
    byte[] leaf = Keccak.keccak256(unhashed);
    TreeCache.Entry tree = exitTree(cp);
    int index = indexIn(tree, exitId, "exit", () -> cache.remove(cp));
    List<byte[]> proof = tree.tree().proof(index);
    if (!MerkleProofs.checkMembership(leaf, index, cp.eventRoot().bytes(), proof)) {
      cache.remove(cp);
      throw new ProofException(
          Reason.ROOT_MISMATCH,
          "root mismatch: exit "
              + exitId
              + " as stored does not hash to leaf "
              + index
              + " of the local tree of epoch "
              + cp.epoch()
              + "; the index changed, try again");
    }
    boolean onChain = false;
    if (root != null) {
      Hash32 chainRoot =
          OnChainRoots.eventRoot(root, contracts.checkpointManager(), cp.checkpointBlock());
      if (!chainRoot.equals(cp.eventRoot())) {
        throw new ProofException(
            Reason.ROOT_MISMATCH,
            "root mismatch: local tree "
                + cp.eventRoot()
                + ", on chain "
                + chainRoot
                + " (getEventRootByBlock("
                + cp.checkpointBlock()
                + ") on "
                + root.label()
                + ")");
      }
      onChain = true;
    }
    return new ExitProof(
        exitId,
        cp.epoch(),
        cp.checkpointBlock(),
        cp.submitTx(),
        index,
        tree.leaves().size(),
        Bytes.of(unhashed),
        new Hash32(leaf),
        proof.stream().map(Hash32::new).toList(),
        cp.eventRoot(),
        onChain);
  }

  /** A state-sync proof checked against the local index only. */
  public StateSyncProof stateSyncProof(BigInteger id) {
    return stateSyncProof(id, null);
  }

  /**
   * A state-sync proof checked against the local index and, if {@code child} is not null, against
   * that child node's {@code getCommitmentByStateSyncId}.
   */
  public StateSyncProof stateSyncProof(BigInteger id, @Nullable ChainClient child) {
    record Found(StateSyncRow sync, CommitmentRow commitment) {}
    Found f =
        db.read(
            c -> {
              StateSyncRow s =
                  new StateSyncDao(c)
                      .byId(id)
                      .orElseThrow(
                          () ->
                              new ProofException(
                                  Reason.NOT_INDEXED,
                                  "state sync " + id + " is not in the local index"));
              CommitmentDao commitments = new CommitmentDao(c);
              Optional<CommitmentRow> cm = commitments.covering(id);
              if (cm.isEmpty()) {
                String last =
                    commitments.lastCommittedId().map(BigInteger::toString).orElse("none yet");
                throw new ProofException(
                    Reason.NOT_COMMITTED,
                    "state sync " + id + " is not committed yet: the last committed id is " + last);
              }
              return new Found(s, cm.get());
            });
    StateSyncRow s = f.sync();
    CommitmentRow cm = f.commitment();
    StateSyncCommitment commitment = new StateSyncCommitment(cm.startId(), cm.endId(), cm.root());
    byte[] leaf =
        BridgeLeaves.stateSyncLeaf(id, s.sender().bytes(), s.receiver().bytes(), s.data().value());
    TreeCache.Entry tree = commitmentTree(cm);
    int index = id.subtract(cm.startId()).intValueExact();
    List<byte[]> proof = tree.tree().proof(index);
    if (!MerkleProofs.checkMembershipWithHeight(
        leaf, index, commitment.size(), cm.root().bytes(), proof)) {
      cache.remove(commitmentKey(cm));
      throw new ProofException(
          Reason.ROOT_MISMATCH,
          "root mismatch: state sync "
              + id
              + " as stored does not hash to leaf "
              + index
              + " of commitment "
              + cm.startId()
              + ".."
              + cm.endId()
              + "; the index changed, try again");
    }
    boolean onChain = false;
    if (child != null) {
      Optional<StateSyncCommitment> chain =
          OnChainRoots.commitment(child, contracts.stateReceiver(), id);
      if (chain.isEmpty() || !chain.get().equals(commitment)) {
        throw new ProofException(
            Reason.ROOT_MISMATCH,
            "root mismatch: local commitment "
                + describe(commitment)
                + ", on chain "
                + chain.map(ProofBuilder::describe).orElse("no commitment for id " + id)
                + " ("
                + child.label()
                + ")");
      }
      onChain = true;
    }
    StateSync obj = new StateSync(id, s.sender(), s.receiver(), s.data().value());
    return new StateSyncProof(
        obj,
        commitment,
        cm.event().txHash(),
        index,
        new Hash32(leaf),
        proof.stream().map(Hash32::new).toList(),
        onChain);
  }

  private TreeCache.Entry exitTree(EpochRoot cp) {
    Optional<TreeCache.Entry> hit = cache.get(cp);
    if (hit.isPresent()) {
      return hit.get();
    }
    LeafSet leaves = db.read(c -> LeafQueries.exitLeaves(c, cp.epoch(), cp.checkpointBlock()));
    Optional<MerkleTree> tree = leaves.tree();
    Hash32 rebuilt = new Hash32(leaves.root());
    if (tree.isEmpty() || !rebuilt.equals(cp.eventRoot())) {
      throw new ProofException(
          Reason.ROOT_MISMATCH,
          "root mismatch: local tree of "
              + leaves.size()
              + " exits of epoch "
              + cp.epoch()
              + " gives "
              + rebuilt
              + ", the checkpoint at child block "
              + cp.checkpointBlock()
              + " says "
              + cp.eventRoot()
              + " (is the child chain fully indexed?)");
    }
    TreeCache.Entry e = new TreeCache.Entry(leaves, tree.get());
    cache.put(cp, e);
    return e;
  }

  private TreeCache.Entry commitmentTree(CommitmentRow cm) {
    Object key = commitmentKey(cm);
    Optional<TreeCache.Entry> hit = cache.get(key);
    if (hit.isPresent()) {
      return hit.get();
    }
    LeafSet leaves = db.read(c -> LeafQueries.stateSyncLeaves(c, cm.startId(), cm.endId()));
    long expected = cm.endId().subtract(cm.startId()).longValueExact() + 1;
    if (leaves.size() < expected) {
      throw new ProofException(
          Reason.INCOMPLETE_INDEX,
          "state syncs "
              + cm.startId()
              + ".."
              + cm.endId()
              + " are not all indexed yet ("
              + leaves.size()
              + " of "
              + expected
              + "); let the root chain index catch up");
    }
    Hash32 rebuilt = new Hash32(leaves.root());
    if (!rebuilt.equals(cm.root())) {
      throw new ProofException(
          Reason.ROOT_MISMATCH,
          "root mismatch: local tree of state syncs "
              + cm.startId()
              + ".."
              + cm.endId()
              + " gives "
              + rebuilt
              + ", the commitment says "
              + cm.root());
    }
    TreeCache.Entry e = new TreeCache.Entry(leaves, leaves.tree().orElseThrow());
    cache.put(key, e);
    return e;
  }

  private static Object commitmentKey(CommitmentRow cm) {
    return List.of(cm.startId(), cm.endId(), cm.root(), cm.event().txHash());
  }

  private static int indexIn(TreeCache.Entry tree, BigInteger id, String what, Runnable evict) {
    Optional<Integer> i = tree.leaves().indexOf(id);
    if (i.isEmpty()) {
      evict.run();
      throw new ProofException(
          Reason.ROOT_MISMATCH,
          what + " " + id + " is not among the leaves of its checkpoint's tree; try again");
    }
    return i.get();
  }

  private ProofException notCheckpointed(ExitRow exit, Optional<Long> lastCheckpoint) {
    long epochEnd = exit.epoch() * epochSize;
    return new ProofException(
        Reason.NOT_CHECKPOINTED,
        "exit "
            + exit.id()
            + " is not checkpointed yet: its epoch "
            + exit.epoch()
            + " ends at child block "
            + epochEnd
            + ", the last checkpoint is "
            + lastCheckpoint.map(b -> "block " + b).orElse("none yet"));
  }

  private static String describe(StateSyncCommitment c) {
    return c.startId() + ".." + c.endId() + " root " + c.root();
  }
}
