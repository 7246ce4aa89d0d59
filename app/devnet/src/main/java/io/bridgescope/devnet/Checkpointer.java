package io.bridgescope.devnet;

import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.bridge.BridgeMessages;
import io.bridgescope.core.bridge.Checkpoint;
import io.bridgescope.core.bridge.CheckpointMetadata;
import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.bridge.Validator;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import io.bridgescope.crypto.merkle.MerkleTree;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The validators' withdrawal side: checkpoints the child chain to the root CheckpointManager at
 * every epoch end (and half way, if asked), with the exit root built by Edge's epoch rules
 * (docs/protocol.md, "Withdrawal").
 */
final class Checkpointer {

  private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
  private static final long FAULT_GAS = 3_000_000L;

  /**
   * A checkpoint accepted on the root, with the exits its root covers ({@code exits} is emptied
   * once the demo traffic is done with them; {@code exitCount} stays).
   */
  record Accepted(
      long epoch, long blockNumber, Hash32 eventRoot, List<ExitEvent> exits, int exitCount) {

    Accepted withoutExits() {
      return new Accepted(epoch, blockNumber, eventRoot, List.of(), exitCount);
    }
  }

  /** A child exit event with the block it was emitted in. */
  record ExitEvent(long block, StateSync event) {}

  /** A submission rejected on chain on purpose (fault knob), with the revert reason. */
  record Rejected(long epoch, String fault, @Nullable String reason, Hash32 tx) {}

  private final ChainClient root;
  private final ChainClient child;
  private final SystemCaller system;
  private final DevnetContracts contracts;
  private final ValidatorSimulator validators;
  private final DevnetConfig config;
  private final Address submitter;
  private final ConcurrentSkipListMap<Long, List<ExitEvent>> exitsByBlock =
      new ConcurrentSkipListMap<>();
  final List<Accepted> accepted = new CopyOnWriteArrayList<>();

  /**
   * Drops the exit events of {@code cp} once nothing will read them again: a demo that runs for
   * hours would otherwise hold every exit it ever made.
   */
  void forgetExits(Accepted cp) {
    accepted.replaceAll(a -> a == cp ? a.withoutExits() : a);
  }

  final List<Rejected> rejected = new CopyOnWriteArrayList<>();
  private final AtomicLong rewindRequest = new AtomicLong(Long.MAX_VALUE);
  final AtomicLong lastSubmitGas = new AtomicLong();
  private long scannedChildBlock;
  volatile java.time.@Nullable Instant lastSubmittedAt;
  private long attempts;

  Checkpointer(
      ChainClient root,
      ChainClient child,
      SystemCaller system,
      DevnetContracts contracts,
      ValidatorSimulator validators,
      DevnetConfig config,
      Address submitter) {
    this.root = root;
    this.child = child;
    this.system = system;
    this.contracts = contracts;
    this.validators = validators;
    this.config = config;
    this.submitter = submitter;
  }

  synchronized void tick() {
    applyRewind();
    long head = child.blockNumber();
    scanChild(head);
    commitEpochs(head);
    long s = config.epochSize();
    long lastEpoch = view("currentEpoch()");
    long lastBlock = view("currentCheckpointBlockNumber()");
    long epoch;
    long target;
    if (lastEpoch > 0 && lastBlock < lastEpoch * s) {
      epoch = lastEpoch; // a mid-epoch checkpoint was made; finish the epoch
      target = epoch * s;
    } else {
      epoch = lastEpoch + 1;
      target = config.midEpochCheckpoints() ? epoch * s - s / 2 : epoch * s;
    }
    if (head < target) {
      return;
    }
    EthBlock.Block block = child.block(target);
    long ageSeconds = System.currentTimeMillis() / 1000 - block.getTimestamp().longValue();
    if (ageSeconds < config.lateCheckpointDelay().toSeconds()) {
      return;
    }
    submit(epoch, target, Hash32.of(block.getHash()));
  }

  /**
   * Closes each finished epoch on the child's ValidatorSet ({@code commitEpoch} as the system
   * caller), as an Edge node does in the epoch-ending block; its NewEpoch event gives explorers the
   * real epoch boundaries.
   */
  private void commitEpochs(long head) {
    long s = config.epochSize();
    long next =
        new BigInteger(
                1, child.call(contracts.validatorSet(), BridgeAbi.noArgView("currentEpochId()")))
            .longValueExact();
    while (next * s <= head) {
      long start = (next - 1) * s + 1;
      long end = next * s;
      Hash32 root = Hash32.of(child.block(end).getHash());
      byte[] data =
          io.bridgescope.core.abi.Abi.call(
              "commitEpoch(uint256,(uint256,uint256,bytes32))",
              io.bridgescope.core.abi.AbiValue.uint(next),
              io.bridgescope.core.abi.AbiValue.tuple(
                  io.bridgescope.core.abi.AbiValue.uint(start),
                  io.bridgescope.core.abi.AbiValue.uint(end),
                  io.bridgescope.core.abi.AbiValue.bytes32(root)));
      system.call(contracts.validatorSet(), data, "commitEpoch " + next);
      next++;
    }
  }

  /** Forgets exits read from child blocks above {@code block} (after a child reorg). */
  void rewindTo(long block) {
    rewindRequest.accumulateAndGet(block, Math::min);
  }

  /** Applied by the tick itself, so a reorg never waits for a tick that is waiting on a receipt. */
  private void applyRewind() {
    long block = rewindRequest.getAndSet(Long.MAX_VALUE);
    if (block != Long.MAX_VALUE) {
      exitsByBlock.tailMap(block, false).clear();
      scannedChildBlock = Math.min(scannedChildBlock, block);
    }
  }

  long lastCheckpointBlock() {
    return accepted.stream().mapToLong(Accepted::blockNumber).max().orElse(0);
  }

  private long view(String sig) {
    return new BigInteger(1, root.call(contracts.checkpointManager(), BridgeAbi.noArgView(sig)))
        .longValueExact();
  }

  private void scanChild(long head) {
    if (head <= scannedChildBlock) {
      return;
    }
    List<Log> logs =
        child.logs(
            contracts.l2StateSender(),
            List.of(BridgeEvents.L2_STATE_SYNCED),
            scannedChildBlock + 1,
            head);
    for (Log l : logs) {
      long b = l.getBlockNumber().longValueExact();
      exitsByBlock
          .computeIfAbsent(b, k -> new ArrayList<>())
          .add(new ExitEvent(b, BridgeEvents.stateSync(l)));
    }
    scannedChildBlock = head;
  }

  /**
   * Exits in the tree of a checkpoint at {@code target} in {@code epoch}: blocks from the previous
   * epoch's last block (an exit there belongs to this epoch) up to, not including, the checkpoint
   * block (its root is built before the block executes).
   */
  List<ExitEvent> exitsFor(long epoch, long target) {
    long from = (epoch - 1) * config.epochSize();
    List<ExitEvent> out = new ArrayList<>();
    exitsByBlock.subMap(from, true, target, false).values().forEach(out::addAll);
    return out;
  }

  static MerkleTree exitTree(List<ExitEvent> exits) {
    return MerkleTree.fromLeafHashes(
        exits.stream()
            .map(ExitEvent::event)
            .map(
                e ->
                    BridgeLeaves.exitLeaf(
                        e.id(), e.sender().bytes(), e.receiver().bytes(), e.data()))
            .toList());
  }

  private void submit(long epoch, long target, Hash32 blockHash) {
    List<ExitEvent> exits = exitsFor(epoch, target);
    Hash32 eventRoot = exits.isEmpty() ? Hash32.ZERO : new Hash32(exitTree(exits).root());
    List<Validator> set = validators.validatorSet();
    CheckpointMetadata meta =
        new CheckpointMetadata(blockHash, BigInteger.ZERO, BridgeMessages.validatorSetHash(set));
    Checkpoint cp =
        new Checkpoint(BigInteger.valueOf(epoch), BigInteger.valueOf(target), eventRoot);
    byte[] msg =
        BridgeMessages.checkpointMessage(BigInteger.valueOf(child.chainId()), meta, cp, set);
    attempts++;
    if (config.belowQuorumEvery() > 0 && attempts % config.belowQuorumEvery() == 0) {
      ValidatorSimulator.Signed weak =
          validators.sign(
              msg, BridgeMessages.domainCheckpointManager(), validators.belowQuorumSigners());
      sendRejected(
          epoch,
          "below quorum",
          BridgeAbi.submit(meta, cp, weak.signatureWords(), set, weak.bitmap()));
    }
    if (config.wrongDomainEvery() > 0 && attempts % config.wrongDomainEvery() == 0) {
      ValidatorSimulator.Signed wrong =
          validators.sign(msg, BridgeMessages.domainStateReceiver(), validators.onlineSigners());
      sendRejected(
          epoch,
          "wrong domain",
          BridgeAbi.submit(meta, cp, wrong.signatureWords(), set, wrong.bitmap()));
    }
    ValidatorSimulator.Signed s =
        validators.sign(msg, BridgeMessages.domainCheckpointManager(), validators.onlineSigners());
    byte[] data = BridgeAbi.submit(meta, cp, s.signatureWords(), set, s.bitmap());
    Hash32 tx = root.sendUnlocked(submitter, contracts.checkpointManager(), data, null, null);
    TransactionReceipt r = root.awaitReceipt(tx, Duration.ofSeconds(30));
    if (!r.isStatusOK()) {
      throw new DevnetException("checkpoint of epoch " + epoch + " failed on the root: " + tx);
    }
    lastSubmitGas.set(r.getGasUsed().longValue());
    accepted.add(new Accepted(epoch, target, eventRoot, List.copyOf(exits), exits.size()));
    lastSubmittedAt = java.time.Instant.now();
    LOG.debug(
        "checkpoint epoch {} block {} exits {} gas {}",
        epoch,
        target,
        exits.size(),
        r.getGasUsed());
  }

  /** Sends a submission that must be rejected on chain, recording the revert reason. */
  private void sendRejected(long epoch, String fault, byte[] data) {
    String reason;
    try {
      root.call(
          submitter,
          contracts.checkpointManager(),
          data,
          org.web3j.protocol.core.DefaultBlockParameterName.LATEST);
      reason = "(accepted by eth_call!)";
    } catch (ChainException e) {
      reason = e.revertReason();
    }
    Hash32 tx = root.sendUnlocked(submitter, contracts.checkpointManager(), data, null, FAULT_GAS);
    TransactionReceipt r = root.awaitReceipt(tx, Duration.ofSeconds(30));
    if (r.isStatusOK()) {
      throw new DevnetException(
          "a " + fault + " checkpoint for epoch " + epoch + " was accepted: " + tx);
    }
    rejected.add(new Rejected(epoch, fault, reason, tx));
    LOG.info("{} checkpoint for epoch {} rejected on chain: {}", fault, epoch, reason);
  }
}
