package io.bridgescope.devnet;

import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.bridge.BridgeMessages;
import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.bridge.StateSyncCommitment;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import io.bridgescope.crypto.merkle.MerkleTree;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The validators' deposit side: reads StateSynced on the root, and commits contiguous ranges to the
 * child's StateReceiver as the system caller, signed by the online validators.
 */
final class Committer {

  private static final Logger LOG = LoggerFactory.getLogger(Committer.class);
  private static final int MAX_PER_COMMITMENT = 64;

  private final ChainClient root;
  private final ChainClient child;
  private final DevnetContracts contracts;
  private final ValidatorSimulator validators;
  private final StateSyncCache cache;
  private final DevnetConfig config;
  private long scannedRootBlock;
  final AtomicLong commitments = new AtomicLong();
  final AtomicLong lastCommitGas = new AtomicLong();

  Committer(
      ChainClient root,
      ChainClient child,
      DevnetContracts contracts,
      ValidatorSimulator validators,
      StateSyncCache cache,
      DevnetConfig config) {
    this.root = root;
    this.child = child;
    this.contracts = contracts;
    this.validators = validators;
    this.cache = cache;
    this.config = config;
  }

  void tick() {
    scanRoot();
    BigInteger last = lastCommittedId();
    BigInteger max = cache.maxId();
    if (max.compareTo(last) <= 0) {
      return;
    }
    BigInteger start = last.add(BigInteger.ONE);
    int waiting = max.subtract(last).intValueExact();
    Long firstSeen = cache.seenAt(start);
    boolean old =
        firstSeen != null && System.nanoTime() - firstSeen >= config.commitInterval().toNanos();
    if (waiting < config.commitEvery() && !old) {
      return;
    }
    BigInteger end = start.add(BigInteger.valueOf(Math.min(waiting, MAX_PER_COMMITMENT) - 1));
    commit(start, end);
  }

  BigInteger lastCommittedId() {
    byte[] r = child.call(contracts.stateReceiver(), BridgeAbi.noArgView("lastCommittedId()"));
    return new BigInteger(1, r);
  }

  private void scanRoot() {
    long head = root.blockNumber();
    if (head <= scannedRootBlock) {
      return;
    }
    List<Log> logs =
        root.logs(
            contracts.stateSender(),
            List.of(BridgeEvents.STATE_SYNCED),
            scannedRootBlock + 1,
            head);
    for (Log l : logs) {
      cache.add(BridgeEvents.stateSync(l));
    }
    scannedRootBlock = head;
  }

  static MerkleTree tree(List<StateSync> syncs) {
    return MerkleTree.fromLeafHashes(
        syncs.stream()
            .map(
                s ->
                    BridgeLeaves.stateSyncLeaf(
                        s.id(), s.sender().bytes(), s.receiver().bytes(), s.data()))
            .toList());
  }

  private void commit(BigInteger start, BigInteger end) {
    List<StateSync> syncs = cache.range(start, end);
    StateSyncCommitment c = new StateSyncCommitment(start, end, new Hash32(tree(syncs).root()));
    ValidatorSimulator.Signed s =
        validators.sign(
            BridgeMessages.commitmentMessage(c),
            BridgeMessages.DOMAIN_STATE_RECEIVER,
            validators.onlineSigners());
    byte[] data =
        BridgeAbi.commit(c, s.signature(), BridgeAbi.commitSignersBlob(s.publicKeys(), s.bitmap()));
    Hash32 tx =
        child.sendUnlocked(DevnetContracts.SYSTEM, contracts.stateReceiver(), data, null, null);
    TransactionReceipt r = child.awaitReceipt(tx, Duration.ofSeconds(30));
    if (!r.isStatusOK()) {
      throw new DevnetException("commit of state syncs " + start + ".." + end + " failed: " + tx);
    }
    commitments.incrementAndGet();
    lastCommitGas.set(r.getGasUsed().longValue());
    LOG.debug("committed state syncs {}..{} (gas {})", start, end, r.getGasUsed());
  }
}
