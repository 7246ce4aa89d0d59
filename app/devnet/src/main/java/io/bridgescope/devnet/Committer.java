package io.bridgescope.devnet;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.bridge.BridgeMessages;
import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.bridge.StateSyncCommitment;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.crypto.Keccak;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import io.bridgescope.crypto.merkle.MerkleTree;
import java.math.BigInteger;
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
  private final SystemCaller system;
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
      SystemCaller system,
      DevnetContracts contracts,
      ValidatorSimulator validators,
      StateSyncCache cache,
      DevnetConfig config) {
    this.root = root;
    this.child = child;
    this.system = system;
    this.contracts = contracts;
    this.validators = validators;
    this.cache = cache;
    this.config = config;
  }

  /** The lowest state sync id the committer may still read: the first one not committed. */
  volatile BigInteger neededFrom = BigInteger.ONE;

  void tick() {
    scanRoot();
    BigInteger last = lastCommittedId();
    neededFrom = last.add(BigInteger.ONE);
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
    long n = commitments.get() + 1;
    DevnetConfig.CommitmentFaults faults = config.commitmentFaults();
    Hash32 root = new Hash32(tree(syncs).root());
    if (faults.wrongRoot(n)) {
      // Not the tree of this range: the relayer's proofs cannot match it (fault knob).
      root = new Hash32(Keccak.keccak256(("wrong root of commitment " + n).getBytes(UTF_8)));
    }
    StateSyncCommitment c = new StateSyncCommitment(start, end, root);
    byte[] message = BridgeMessages.commitmentMessage(c);
    byte[] domain = BridgeMessages.domainStateReceiver();
    List<Integer> signers =
        faults.belowQuorum(n) ? validators.belowQuorumSigners() : validators.onlineSigners();
    ValidatorSimulator.Signed s =
        faults.nonValidator(n)
            ? validators.signWithOutsider(message, domain, signers)
            : validators.sign(message, domain, signers);
    byte[] data =
        BridgeAbi.commit(c, s.signature(), BridgeAbi.commitSignersBlob(s.publicKeys(), s.bitmap()));
    TransactionReceipt r =
        system.call(contracts.stateReceiver(), data, "commit of state syncs " + start + ".." + end);
    commitments.incrementAndGet();
    lastCommitGas.set(r.getGasUsed().longValue());
    if (faults.wrongRoot(n) || faults.nonValidator(n) || faults.belowQuorum(n)) {
      LOG.info(
          "committed state syncs {}..{} with faults (wrong root {}, non-validator signer {},"
              + " below quorum {}): {}",
          start,
          end,
          faults.wrongRoot(n),
          faults.nonValidator(n),
          faults.belowQuorum(n),
          r.getTransactionHash());
    } else {
      LOG.debug("committed state syncs {}..{} (gas {})", start, end, r.getGasUsed());
    }
  }
}
