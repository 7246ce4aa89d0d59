package io.bridgescope.bench;

import io.bridgescope.core.bridge.BridgeMessages;
import io.bridgescope.core.bridge.Checkpoint;
import io.bridgescope.core.bridge.CheckpointMetadata;
import io.bridgescope.core.bridge.StateSyncCommitment;
import io.bridgescope.core.bridge.Validator;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.ValidatorSetDao;
import io.bridgescope.core.store.WriteOp;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.CommitSignature;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.PayloadKind;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.ValidatorSetRow;
import io.bridgescope.core.store.rows.ValidatorSetSource;
import io.bridgescope.crypto.Keccak;
import io.bridgescope.crypto.bls.BlsKeyPair;
import io.bridgescope.crypto.bls.Bn254EdgeScheme;
import io.bridgescope.crypto.bn254.Bn254;
import io.bridgescope.crypto.bn254.Bn254Bls;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import io.bridgescope.crypto.merkle.MerkleTree;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import io.bridgescope.devnet.ValidatorSimulator;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A synthetic but genuine bridge history in a fresh index, built without running chains: the devnet
 * validator simulator's keys (same seed, same derivation), real state-sync leaves and Merkle roots,
 * real BLS signatures over the real commitment and checkpoint messages, one checkpoint per epoch
 * re-installing the set. Every subject in it verifies.
 *
 * <p>A commitment's aggregate signature is made as one signature with the signers' summed secret
 * key: by BLS linearity it is the same point as the sum of their signatures, and 100x faster to
 * make.
 */
final class VerifyHistory {

  static final BigInteger CHAIN_ID = BigInteger.valueOf(31338);
  static final long SEED = 7;

  private final int validators;
  private final int commitments;
  private final int syncsPerCommitment;
  private final int commitmentsPerEpoch;
  private final Bn254EdgeScheme scheme = new Bn254EdgeScheme();
  private final List<BigInteger> secretKeys = new ArrayList<>();
  private final List<byte[]> publicKeys = new ArrayList<>();
  private final List<ValidatorEntry> set = new ArrayList<>();
  private final List<Validator> abiSet = new ArrayList<>();

  VerifyHistory(int validators, int commitments, int syncsPerCommitment, int commitmentsPerEpoch) {
    this.validators = validators;
    this.commitments = commitments;
    this.syncsPerCommitment = syncsPerCommitment;
    this.commitmentsPerEpoch = commitmentsPerEpoch;
  }

  int validatorsCount() {
    return validators;
  }

  /** Child blocks per epoch: each commitment gets its own block, with room to spare. */
  long epochSize() {
    return 5L * commitmentsPerEpoch;
  }

  int checkpoints() {
    return (commitments + commitmentsPerEpoch - 1) / commitmentsPerEpoch;
  }

  /** Writes the history into {@code db}. */
  void write(Database db) {
    keys();
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      write(w, c -> new ValidatorSetDao(c).insert(setRow(ValidatorSetSource.GENESIS, 0, null, 1)));
      List<WriteOp> ops = new ArrayList<>();
      for (int i = 0; i < commitments; i++) {
        List<StateSyncRow> syncs = syncs(i);
        CommitmentRow row = commitment(i, syncs);
        ops.add(c -> new StateSyncDao(c).insert(syncs));
        ops.add(c -> new CommitmentDao(c).insert(List.of(row)));
        if (ops.size() >= 200) {
          write(w, ops);
          ops.clear();
        }
      }
      write(w, ops);
      for (int e = 1; e <= checkpoints(); e++) {
        CheckpointRow cp = checkpoint(e);
        ValidatorSetRow installed =
            setRow(ValidatorSetSource.CHECKPOINT, cp.epoch(), cp.submitTx(), cp.blockNumber());
        write(
            w,
            c -> {
              new CheckpointDao(c).insert(List.of(cp));
              new ValidatorSetDao(c).insert(installed);
            });
      }
      // The exit trees (empty here) are complete only once the child is indexed past them.
      Cursor child = new Cursor(ChainRole.CHILD, epochSize() * checkpoints() + 1, hash(9, 0));
      write(w, c -> new CursorDao(c).save(child, Instant.now()));
    }
  }

  /** The simulator's validators: same seed and derivation, so the same keys as its devnet. */
  private void keys() {
    SecureRandom rnd;
    try {
      rnd = SecureRandom.getInstance("SHA1PRNG");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    rnd.setSeed(SEED);
    ValidatorSimulator sim = new ValidatorSimulator(scheme, validators, 0, SEED);
    List<Validator> simSet = sim.validatorSet();
    for (int i = 0; i < validators; i++) {
      BlsKeyPair kp = scheme.generateKeyPair(rnd);
      if (!Arrays.equals(kp.publicKey(), sim.publicKey(i))) {
        throw new IllegalStateException("key derivation differs from the validator simulator");
      }
      secretKeys.add(Bn254Bls.secretKeyFromBytes(kp.secretKey()));
      publicKeys.add(kp.publicKey());
      Validator v = simSet.get(i);
      abiSet.add(v);
      byte[] onChain = new byte[128];
      for (int w = 0; w < 4; w++) {
        byte[] word = v.blsKey().get(w).toByteArray();
        int len = Math.min(32, word.length);
        System.arraycopy(word, word.length - len, onChain, 32 * w + 32 - len, len);
      }
      set.add(new ValidatorEntry(i, v.address(), Bytes.of(onChain), v.votingPower()));
    }
  }

  /**
   * Who signs commitment {@code i}: everyone, except that every fourth commitment misses one
   * validator (a different one each time), so aggregate keys vary as on a live chain.
   */
  private List<Integer> signers(int i) {
    List<Integer> s = new ArrayList<>();
    for (int v = 0; v < validators; v++) {
      if (i % 4 != 3 || v != (i / 4) % validators) {
        s.add(v);
      }
    }
    return s;
  }

  private List<StateSyncRow> syncs(int i) {
    List<StateSyncRow> rows = new ArrayList<>();
    for (int k = 0; k < syncsPerCommitment; k++) {
      long id = (long) i * syncsPerCommitment + k + 1;
      byte[] data = ByteBuffer.allocate(64).putLong(24, id).putLong(56, id * 31).array();
      rows.add(
          new StateSyncRow(
              BigInteger.valueOf(id),
              Address.ofLow(0xaa00 + k),
              Address.ofLow(0xbb00 + k),
              Bytes.of(data),
              PayloadKind.MESSAGE,
              Optional.empty(),
              new EventRef(10 + i, 1_700_000_000L + i, hash(1, id), k)));
    }
    return rows;
  }

  private CommitmentRow commitment(int i, List<StateSyncRow> syncs) {
    List<byte[]> leaves = new ArrayList<>();
    for (StateSyncRow s : syncs) {
      leaves.add(
          BridgeLeaves.stateSyncLeaf(
              s.id(), s.sender().bytes(), s.receiver().bytes(), s.data().value()));
    }
    BigInteger start = syncs.get(0).id();
    BigInteger end = syncs.get(syncs.size() - 1).id();
    Hash32 root = new Hash32(MerkleTree.fromLeafHashes(leaves).root());
    byte[] message = BridgeMessages.commitmentMessage(new StateSyncCommitment(start, end, root));
    List<Integer> signers = signers(i);
    byte[] sig = sign(signers, message, BridgeMessages.domainStateReceiver());
    List<Bytes> keys = signers.stream().map(v -> Bytes.of(publicKeys.get(v))).toList();
    long epoch = i / commitmentsPerEpoch + 1;
    long childBlock = (epoch - 1) * epochSize() + 1 + 5L * (i % commitmentsPerEpoch);
    return new CommitmentRow(
        start,
        end,
        root,
        Optional.of(
            new CommitSignature(Bytes.of(sig), keys, Bytes.of(ValidatorBitmap.encode(signers)))),
        new EventRef(childBlock, 1_700_000_000L + childBlock, hash(2, i), 0));
  }

  /** The epoch-ending checkpoint of {@code epoch}, re-installing the same set, signed by all. */
  private CheckpointRow checkpoint(long epoch) {
    long block = epoch * epochSize();
    Hash32 setHash = BridgeMessages.validatorSetHash(abiSet);
    Hash32 blockHash = hash(3, epoch);
    Hash32 eventRoot = new Hash32(new byte[32]); // no exits: the empty tree's root is zero
    byte[] message =
        BridgeMessages.checkpointMessage(
            CHAIN_ID,
            new CheckpointMetadata(blockHash, BigInteger.ZERO, setHash),
            new Checkpoint(BigInteger.valueOf(epoch), BigInteger.valueOf(block), eventRoot),
            abiSet);
    List<Integer> all = new ArrayList<>();
    for (int v = 0; v < validators; v++) {
      all.add(v);
    }
    byte[] sig = sign(all, message, BridgeMessages.domainCheckpointManager());
    return new CheckpointRow(
        hash(4, epoch),
        Address.ofLow(0xcc),
        true,
        epoch,
        block,
        eventRoot,
        blockHash,
        BigInteger.ZERO,
        setHash,
        Bytes.of(sig),
        Bytes.of(ValidatorBitmap.encode(all)),
        set,
        2 + epoch,
        1_700_000_000L + epoch,
        0);
  }

  private byte[] sign(List<Integer> signers, byte[] message, byte[] domain) {
    BigInteger sum = BigInteger.ZERO;
    for (int v : signers) {
      sum = sum.add(secretKeys.get(v));
    }
    sum = sum.mod(Bn254.CURVE_ORDER);
    return Bn254Bls.sign(sum, message, domain).toBytes();
  }

  private ValidatorSetRow setRow(ValidatorSetSource source, long epoch, Hash32 tx, long block) {
    return new ValidatorSetRow(source, epoch, Optional.ofNullable(tx), set, ChainRole.ROOT, block);
  }

  private static Hash32 hash(int kind, long n) {
    return new Hash32(Keccak.keccak256(ByteBuffer.allocate(12).putInt(kind).putLong(n).array()));
  }

  private static void write(StoreWriter w, WriteOp op) {
    w.submit(Batch.of(op)).join();
  }

  private static void write(StoreWriter w, List<WriteOp> ops) {
    if (!ops.isEmpty()) {
      w.submit(new Batch(ops, Optional.empty())).join();
    }
  }
}
