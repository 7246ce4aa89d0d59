package io.bridgescope.core.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.ExitDao;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.WriteOp;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.core.store.rows.PayloadKind;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.crypto.Keccak;
import io.bridgescope.crypto.merkle.MerkleProofs;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit and state-sync proofs from hand-built index rows, by the epoch rules of protocol.md. */
class ProofBuilderTest {

  static final long EPOCH_SIZE = 10;
  static final Address A = Address.ofLow(0x42);

  @TempDir Path dir;
  Database db;
  StoreWriter writer;
  ProofBuilder proofs;

  @BeforeEach
  void setUp() {
    db = Database.open(dir.resolve("t.db"));
    writer = new StoreWriter(db, Clock.systemUTC());
    proofs = new ProofBuilder(db, new BridgeContracts(A, A, A, A, A, A, A, A), EPOCH_SIZE, 2);
    // Epoch 1: blocks 0..9 (+ block 0). Block 10 ends epoch 1, so its exit belongs to epoch 2.
    write(
        c ->
            new ExitDao(c)
                .insert(
                    List.of(
                        exit(1, 2),
                        exit(2, 5),
                        exit(3, 9),
                        exit(4, 10),
                        exit(5, 12),
                        exit(6, 16))));
  }

  @AfterEach
  void tearDown() {
    writer.close();
  }

  @Test
  void anExitProofVerifiesAgainstItsEpochRootAtTheCheckpointBlock() {
    checkpoint(1, 10, 1);
    for (long id = 1; id <= 3; id++) {
      ExitProof p = proofs.exitProof(BigInteger.valueOf(id));
      assertThat(p.checkpointBlock()).isEqualTo(10);
      assertThat(p.leafCount()).isEqualTo(3);
      assertThat(p.leafIndex()).isEqualTo((int) id - 1);
      assertThat(Keccak.keccak256(p.unhashedLeaf().value())).isEqualTo(p.leaf().bytes());
      assertThat(
              MerkleProofs.checkMembership(
                  p.leaf().bytes(),
                  p.leafIndex(),
                  p.root().bytes(),
                  p.proof().stream().map(Hash32::bytes).toList()))
          .isTrue();
    }
  }

  @Test
  void anExitOfAnEpochEndingBlockWaitsForTheNextEpochsCheckpoint() {
    checkpoint(1, 10, 1);
    assertThatThrownBy(() -> proofs.exitProof(BigInteger.valueOf(4)))
        .isInstanceOf(ProofException.class)
        .hasMessage(
            "exit 4 is not checkpointed yet: its epoch 2 ends at child block 20, the last"
                + " checkpoint is block 10")
        .extracting(e -> ((ProofException) e).reason())
        .isEqualTo(ProofException.Reason.NOT_CHECKPOINTED);
  }

  @Test
  void aMidEpochCheckpointCoversOnlyEarlierBlocksAndALaterOneReplacesItsRoot() {
    checkpoint(1, 10, 1);
    checkpoint(2, 15, 2);
    ExitProof early = proofs.exitProof(BigInteger.valueOf(5));
    assertThat(early.checkpointBlock()).isEqualTo(15);
    assertThat(early.leafCount()).isEqualTo(2);
    assertThatThrownBy(() -> proofs.exitProof(BigInteger.valueOf(6)))
        .hasMessageContaining("exit 6 is not checkpointed yet: its epoch 2 ends at child block 20");
    checkpoint(2, 20, 3);
    ExitProof late = proofs.exitProof(BigInteger.valueOf(5));
    assertThat(late.checkpointBlock()).isEqualTo(20);
    assertThat(late.leafCount()).isEqualTo(3);
    assertThat(late.root()).isNotEqualTo(early.root());
  }

  @Test
  void aRootThatTheIndexDoesNotRebuildIsRefused() {
    write(c -> new CheckpointDao(c).insert(List.of(cp(1, 10, 1, hash(99, 99)))));
    assertThatThrownBy(() -> proofs.exitProof(BigInteger.ONE))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("root mismatch: local tree of 3 exits of epoch 1 gives")
        .extracting(e -> ((ProofException) e).reason())
        .isEqualTo(ProofException.Reason.ROOT_MISMATCH);
  }

  @Test
  void aStateSyncProofHasTheHeightStateReceiverDemands() {
    List<StateSyncRow> syncs = List.of(sync(1), sync(2), sync(3), sync(4), sync(5));
    write(c -> new StateSyncDao(c).insert(syncs));
    Hash32 root =
        new Hash32(
            db.read(c -> LeafQueries.stateSyncLeaves(c, BigInteger.ONE, BigInteger.valueOf(5)))
                .root());
    write(
        c ->
            new CommitmentDao(c)
                .insert(
                    List.of(
                        new CommitmentRow(
                            BigInteger.ONE,
                            BigInteger.valueOf(5),
                            root,
                            Optional.empty(),
                            new EventRef(3, 3, hash(3, 3), 0)))));
    for (long id = 1; id <= 5; id++) {
      StateSyncProof p = proofs.stateSyncProof(BigInteger.valueOf(id));
      assertThat(
              MerkleProofs.checkMembershipWithHeight(
                  p.leaf().bytes(),
                  p.leafIndex(),
                  5,
                  root.bytes(),
                  p.proof().stream().map(Hash32::bytes).toList()))
          .isTrue();
      assertThat(p.executeCalldata()).isNotEmpty();
    }
    write(c -> new StateSyncDao(c).insert(List.of(sync(6))));
    assertThatThrownBy(() -> proofs.stateSyncProof(BigInteger.valueOf(6)))
        .hasMessage("state sync 6 is not committed yet: the last committed id is 5");
    assertThatThrownBy(() -> proofs.stateSyncProof(BigInteger.valueOf(60)))
        .hasMessage("state sync 60 is not in the local index");
  }

  private void checkpoint(long epoch, long block, long rootBlock) {
    Hash32 root = new Hash32(db.read(c -> LeafQueries.exitLeaves(c, epoch, block)).root());
    write(c -> new CheckpointDao(c).insert(List.of(cp(epoch, block, rootBlock, root))));
  }

  static CheckpointRow cp(long epoch, long block, long rootBlock, Hash32 root) {
    return new CheckpointRow(
        hash(rootBlock, 9),
        A,
        true,
        epoch,
        block,
        root,
        hash(block, 1),
        BigInteger.ZERO,
        hash(0, 2),
        Bytes.of(new byte[64]),
        Bytes.of(new byte[] {1}),
        List.of(),
        rootBlock,
        1_700_000_000L + rootBlock,
        0);
  }

  static ExitRow exit(long id, long block) {
    return new ExitRow(
        BigInteger.valueOf(id),
        Address.ofLow(0x1004),
        Address.ofLow(0xbeef),
        Bytes.of(new byte[] {(byte) id}),
        block / EPOCH_SIZE + 1,
        PayloadKind.MESSAGE,
        Optional.empty(),
        new EventRef(block, 1_700_000_000L + block, hash(id, 5), (int) id));
  }

  static StateSyncRow sync(long id) {
    return new StateSyncRow(
        BigInteger.valueOf(id),
        A,
        Address.ofLow(0xbb),
        Bytes.of(new byte[] {(byte) id}),
        PayloadKind.MESSAGE,
        Optional.empty(),
        new EventRef(id, id, hash(id, 6), 0));
  }

  static Hash32 hash(long seed, int salt) {
    return new Hash32(ByteBuffer.allocate(32).putLong(salt).putLong(24, seed).array());
  }

  private void write(WriteOp op) {
    writer.submit(Batch.of(op)).join();
  }
}
