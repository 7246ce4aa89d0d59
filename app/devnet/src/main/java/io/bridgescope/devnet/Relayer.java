package io.bridgescope.devnet;

import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.bridge.StateSyncCommitment;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.crypto.merkle.MerkleTree;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Executes committed state syncs on the child with Merkle proofs, in batches. */
final class Relayer {

  private static final Logger LOG = LoggerFactory.getLogger(Relayer.class);
  private static final int BATCH = 16;

  private final ChainClient child;
  private final DevnetContracts contracts;
  private final StateSyncCache cache;
  private final Address sender;
  private final Deque<Pending> queue = new ArrayDeque<>();

  /** A commitment read from child block {@code block}, not yet executed. */
  private record Pending(long block, StateSyncCommitment commitment) {}

  private volatile boolean paused;
  private long scannedChildBlock;
  private final AtomicLong rewindRequest = new AtomicLong(Long.MAX_VALUE);

  /**
   * The lowest state sync id the relayer may still read: the start of the oldest commitment in the
   * queue, or the one after the last it handled.
   */
  volatile BigInteger neededFrom = BigInteger.ONE;

  private BigInteger handledThrough = BigInteger.ZERO;
  final AtomicLong executed = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong skipped = new AtomicLong();

  Relayer(
      ChainClient child,
      DevnetContracts contracts,
      StateSyncCache cache,
      Address sender,
      boolean paused) {
    this.child = child;
    this.contracts = contracts;
    this.cache = cache;
    this.sender = sender;
    this.paused = paused;
  }

  void setPaused(boolean p) {
    paused = p;
  }

  boolean paused() {
    return paused;
  }

  /** Forgets commitments read from child blocks above {@code block} (after a child reorg). */
  void rewindTo(long block) {
    rewindRequest.accumulateAndGet(block, Math::min);
  }

  /** Applied by the tick itself, so a reorg never waits for a tick that is waiting on a receipt. */
  private void applyRewind() {
    long block = rewindRequest.getAndSet(Long.MAX_VALUE);
    if (block != Long.MAX_VALUE) {
      queue.removeIf(p -> p.block() > block);
      scannedChildBlock = Math.min(scannedChildBlock, block);
    }
  }

  synchronized void tick() {
    applyRewind();
    long head = child.blockNumber();
    if (head > scannedChildBlock) {
      for (Log l :
          child.logs(
              contracts.stateReceiver(),
              List.of(BridgeEvents.NEW_COMMITMENT),
              scannedChildBlock + 1,
              head)) {
        queue.add(new Pending(l.getBlockNumber().longValueExact(), BridgeEvents.newCommitment(l)));
      }
      scannedChildBlock = head;
    }
    if (paused) {
      return;
    }
    while (!queue.isEmpty()) {
      StateSyncCommitment c = queue.peek().commitment();
      List<StateSync> syncs = cache.range(c.startId(), c.endId());
      MerkleTree tree = Committer.tree(syncs);
      if (!new Hash32(tree.root()).equals(c.root())) {
        // A wrong-root commitment (fault knob, or bad validators): no proof can match it, so its
        // state syncs stay committed and unexecuted, which is what the explorer should show.
        LOG.warn(
            "commitment {}..{} has root {} but its state syncs make {}; not executing them",
            c.startId(),
            c.endId(),
            c.root(),
            new Hash32(tree.root()));
        skipped.addAndGet(syncs.size());
        handled();
        continue;
      }
      for (int from = 0; from < syncs.size(); from += BATCH) {
        int to = Math.min(syncs.size(), from + BATCH);
        List<List<Hash32>> proofs = new ArrayList<>();
        for (int i = from; i < to; i++) {
          proofs.add(tree.proof(i).stream().map(Hash32::new).toList());
        }
        execute(proofs, syncs.subList(from, to));
      }
      handled();
    }
    neededFrom = handledThrough.add(BigInteger.ONE);
  }

  /** Takes the head of the queue off, done. */
  private void handled() {
    StateSyncCommitment c = queue.poll().commitment();
    handledThrough = handledThrough.max(c.endId());
  }

  private void execute(List<List<Hash32>> proofs, List<StateSync> objs) {
    TransactionReceipt r = send(proofs, objs);
    if (!r.isStatusOK()) {
      // A sync someone executed meanwhile (a user's self-execute) reverts the whole batch with
      // STATE_SYNC_IS_PROCESSED, as on Edge: leave those out and send the rest once more.
      List<List<Hash32>> openProofs = new ArrayList<>();
      List<StateSync> open = new ArrayList<>();
      for (int i = 0; i < objs.size(); i++) {
        if (!processed(objs.get(i).id())) {
          openProofs.add(proofs.get(i));
          open.add(objs.get(i));
        }
      }
      if (open.size() == objs.size()) {
        throw new DevnetException(
            "batchExecute of " + objs.size() + " state syncs failed: " + r.getTransactionHash());
      }
      skipped.addAndGet(objs.size() - open.size());
      if (open.isEmpty()) {
        return;
      }
      r = send(openProofs, open);
      if (!r.isStatusOK()) {
        throw new DevnetException(
            "batchExecute of " + open.size() + " state syncs failed: " + r.getTransactionHash());
      }
    }
    for (Log l : r.getLogs()) {
      if (!l.getTopics().isEmpty()
          && Hash32.of(l.getTopics().get(0)).equals(BridgeEvents.STATE_SYNC_RESULT)) {
        if (BridgeEvents.result(l).success()) {
          executed.incrementAndGet();
        } else {
          failed.incrementAndGet();
        }
      }
    }
    LOG.debug(
        "executed state syncs {}..{}",
        objs.get(0).id(),
        objs.get(objs.size() - 1).id().add(BigInteger.ZERO));
  }

  private TransactionReceipt send(List<List<Hash32>> proofs, List<StateSync> objs) {
    byte[] data = BridgeAbi.batchExecute(proofs, objs);
    // StateReceiver swallows a failing receiver call, so a node's gas estimate only pays for the
    // cheap failure path (a first MAP_TOKEN deploys a clone); give each sync a generous budget.
    long gas = Math.min(30_000_000L, 300_000L + 600_000L * objs.size());
    Hash32 tx = child.sendUnlocked(sender, contracts.stateReceiver(), data, null, gas);
    return child.awaitReceiptOrDrop(tx, Duration.ofSeconds(30));
  }

  private boolean processed(BigInteger id) {
    byte[] r =
        child.call(
            contracts.stateReceiver(), BridgeAbi.uintView("processedStateSyncs(uint256)", id));
    return r.length > 0 && new BigInteger(1, r).signum() != 0;
  }
}
