package io.bridgescope.core.report;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.BlsSchemeName;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.ChainIdentityDao;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.SubmissionRevertDao;
import io.bridgescope.core.store.ValidatorSetDao;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.WriteOp;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.ChainPin;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.CommitSignature;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.SubmissionRevert;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.ValidatorSetRow;
import io.bridgescope.core.store.rows.ValidatorSetSource;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.store.rows.VerdictRow;
import io.bridgescope.core.store.rows.VerdictStatus;
import io.bridgescope.core.verify.SchemeSupport;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real SQLite index written through the store's DAOs: a genesis set of four validators, two
 * commitments (one verified, one whose root the verifier could not rebuild), a verified checkpoint
 * signed by three of four, a rejected submission with its revert reason, both chains' cursors and
 * pinned identities. Signatures are not verified here (the verdicts are stored as the verifier
 * would store them), so keys and signatures are plain bytes.
 */
final class ReportIndexFixture implements AutoCloseable {

  static final SchemeSupport SCHEME = SchemeSupport.of(BlsSchemeName.BN254_EDGE);
  static final String MISMATCH_REASON =
      "the root rebuilt from state syncs 6..6 differs from the committed root";
  static final String REVERT_REASON = "execution reverted: INVALID_EPOCH";
  static final long CHILD_HEAD = 20;
  static final long ROOT_HEAD = 40;

  final Database db;
  private final StoreWriter writer;
  final List<ValidatorEntry> genesis = new ArrayList<>();

  ReportIndexFixture(Path dir) {
    db = Database.open(dir.resolve("index.db"));
    writer = new StoreWriter(db, Clock.systemUTC());
    for (int i = 0; i < 4; i++) {
      genesis.add(new ValidatorEntry(i, Address.ofLow(0x100 + i), key(i), BigInteger.valueOf(100)));
    }
    write(
        c ->
            new ValidatorSetDao(c)
                .insert(
                    new ValidatorSetRow(
                        ValidatorSetSource.GENESIS,
                        0,
                        Optional.empty(),
                        genesis,
                        ChainRole.ROOT,
                        1)));
    commit(1, 5, List.of(key(0), key(1), key(2)), VerdictStatus.VERIFIED, "root and quorum hold");
    commit(6, 15, List.of(key(0), key(1), key(3)), VerdictStatus.MISMATCH, MISMATCH_REASON);
    checkpoint(1, 10, true, List.of(0, 2, 3));
    checkpoint(2, 18, false, List.of(0, 1, 2));
    write(
        c ->
            new SubmissionRevertDao(c)
                .insert(List.of(new SubmissionRevert(hash(202), REVERT_REASON, "replay", 35))));
    write(
        c -> {
          CursorDao cursors = new CursorDao(c);
          cursors.save(new Cursor(ChainRole.CHILD, CHILD_HEAD, hash(99)), Instant.EPOCH);
          cursors.save(new Cursor(ChainRole.ROOT, ROOT_HEAD, hash(98)), Instant.EPOCH);
          ChainIdentityDao pins = new ChainIdentityDao(c);
          pins.pinIfAbsent(new ChainPin(ChainRole.ROOT, 31337, hash(77)), Instant.EPOCH);
          pins.pinIfAbsent(new ChainPin(ChainRole.CHILD, 100, hash(78)), Instant.EPOCH);
        });
  }

  static Bytes key(int i) {
    byte[] k = new byte[128];
    k[0] = (byte) i;
    k[127] = (byte) (i * 7 + 1);
    return Bytes.of(k);
  }

  static Hash32 hash(int seed) {
    byte[] b = new byte[32];
    b[0] = 0x42;
    b[31] = (byte) seed;
    return new Hash32(b);
  }

  private void commit(
      long id, long childBlock, List<Bytes> keys, VerdictStatus status, String reason) {
    List<Bytes> input = keys.stream().map(k -> Bytes.of(SCHEME.schemeKey(k))).toList();
    BigInteger n = BigInteger.valueOf(id);
    Hash32 tx = hash(100 + (int) id);
    CommitmentRow row =
        new CommitmentRow(
            n,
            n,
            hash((int) id),
            Optional.of(new CommitSignature(Bytes.of(new byte[64]), input, Bytes.of(new byte[1]))),
            new EventRef(childBlock, 1_700_000_000L + childBlock, tx, 0));
    write(c -> new CommitmentDao(c).insert(List.of(row)));
    verdict(VerdictKind.COMMITMENT, tx, childBlock, status, reason);
  }

  private void checkpoint(long epoch, long childBlock, boolean success, List<Integer> signers) {
    Hash32 tx = hash(200 + (int) epoch);
    long rootBlock = 30 + epoch * 5;
    CheckpointRow row =
        new CheckpointRow(
            tx,
            Address.ofLow(0xfee),
            success,
            epoch,
            childBlock,
            hash(1),
            hash(2),
            BigInteger.ZERO,
            hash(3),
            Bytes.of(new byte[64]),
            Bytes.of(ValidatorBitmap.encode(signers)),
            genesis,
            rootBlock,
            1_700_000_500L + epoch,
            0);
    write(c -> new CheckpointDao(c).insert(List.of(row)));
    if (success) {
      write(
          c ->
              new ValidatorSetDao(c)
                  .insert(
                      new ValidatorSetRow(
                          ValidatorSetSource.CHECKPOINT,
                          epoch,
                          Optional.of(tx),
                          genesis,
                          ChainRole.ROOT,
                          rootBlock)));
      verdict(VerdictKind.CHECKPOINT, tx, rootBlock, VerdictStatus.VERIFIED, "quorum holds");
    }
  }

  private void verdict(
      VerdictKind kind, Hash32 tx, long block, VerdictStatus status, String reason) {
    write(
        c ->
            new VerdictDao(c)
                .save(
                    new VerdictRow(
                        kind, tx, block, status, reason, Optional.empty(), Instant.EPOCH)));
  }

  void write(WriteOp op) {
    writer.submit(Batch.of(op)).join();
  }

  @Override
  public void close() {
    writer.close();
  }
}
