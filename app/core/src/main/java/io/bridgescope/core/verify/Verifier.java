package io.bridgescope.core.verify;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.proof.LeafQueries;
import io.bridgescope.core.proof.LeafSet;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.store.rows.VerdictRow;
import io.bridgescope.core.store.rows.VerdictStatus;
import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-checks every indexed commitment and successful checkpoint from the local index and stores a
 * verdict with its evidence. A verdict other than VERIFIED or PENDING is logged at WARN. Missing
 * data never produces a negative verdict: the subject stays PENDING with the reason and is checked
 * again by the next {@link #verifyPending()}.
 */
public final class Verifier {

  private static final Logger LOG = LoggerFactory.getLogger(Verifier.class);

  private final Database db;
  private final StoreWriter writer;
  private final Clock clock;
  private final long epochSize;
  private final CommitmentCheck commitments;
  private final CheckpointCheck checkpoints;
  private final List<VerdictListener> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param childChainId the child chain's id, part of the checkpoint message
   * @param epochSize child blocks per epoch, to tell which validator set signs a child block
   */
  public Verifier(
      Database db,
      StoreWriter writer,
      SchemeSupport scheme,
      BigInteger childChainId,
      long epochSize,
      Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (epochSize < 1) {
      throw new IllegalArgumentException("epoch size must be positive: " + epochSize);
    }
    this.epochSize = epochSize;
    this.commitments = new CommitmentCheck(scheme);
    this.checkpoints = new CheckpointCheck(scheme, childChainId);
  }

  /** A verifier for a network: its BLS scheme, child chain id and epoch size. */
  public static Verifier forProfile(NetworkProfile p, Database db, StoreWriter writer) {
    return new Verifier(
        db,
        writer,
        SchemeSupport.of(p.blsScheme()),
        BigInteger.valueOf(p.child().chainId()),
        p.epochSize(),
        writer.clock());
  }

  /** Listens for new or changed verdicts until the returned handle is closed. */
  public AutoCloseable subscribe(VerdictListener listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Verifies every subject without a verdict or still PENDING; safe to call repeatedly. */
  public synchronized VerifySummary verifyPending() {
    return run(true);
  }

  /** Verifies every subject again, e.g. after the index was repaired or rewound. */
  public synchronized VerifySummary verifyAll() {
    return run(false);
  }

  /** Verifies one commitment by its commit transaction. */
  public synchronized Optional<VerdictRow> verifyCommitment(Hash32 commitTx) {
    return verify(VerdictKind.COMMITMENT, commitTx);
  }

  /** Verifies one checkpoint by its submit transaction (failed submissions get no verdict). */
  public synchronized Optional<VerdictRow> verifyCheckpoint(Hash32 submitTx) {
    return verify(VerdictKind.CHECKPOINT, submitTx);
  }

  private VerifySummary run(boolean unsettledOnly) {
    List<Hash32> cs = db.read(c -> new VerifyQueries(c).commitmentTxs(unsettledOnly));
    List<Hash32> ks = db.read(c -> new VerifyQueries(c).checkpointTxs(unsettledOnly));
    Map<VerdictStatus, Integer> cCounts = VerifySummary.emptyCounts();
    Map<VerdictStatus, Integer> kCounts = VerifySummary.emptyCounts();
    for (Hash32 tx : cs) {
      verify(VerdictKind.COMMITMENT, tx).ifPresent(v -> cCounts.merge(v.status(), 1, Integer::sum));
    }
    for (Hash32 tx : ks) {
      verify(VerdictKind.CHECKPOINT, tx).ifPresent(v -> kCounts.merge(v.status(), 1, Integer::sum));
    }
    return new VerifySummary(cCounts, kCounts);
  }

  private Optional<VerdictRow> verify(VerdictKind kind, Hash32 tx) {
    record Subject(long block, String name, Finding finding, Optional<VerdictRow> before) {}
    Optional<Subject> s =
        db.read(
            c -> {
              Optional<VerdictRow> before = new VerdictDao(c).get(kind, tx);
              ValidatorSets sets = new ValidatorSets(new VerifyQueries(c));
              if (kind == VerdictKind.COMMITMENT) {
                Optional<CommitmentRow> row = new CommitmentDao(c).byTx(tx);
                if (row.isEmpty()) {
                  return Optional.<Subject>empty();
                }
                CommitmentRow r = row.get();
                LeafSet leaves = LeafQueries.stateSyncLeaves(c, r.startId(), r.endId());
                long block = r.event().blockNumber();
                Finding f = commitments.check(r, leaves, sets.forChildBlock(block, epochSize));
                String name = "commitment " + r.startId() + ".." + r.endId();
                return Optional.of(new Subject(block, name, f, before));
              }
              Optional<CheckpointRow> row = new CheckpointDao(c).byTx(tx);
              if (row.isEmpty() || !row.get().success()) {
                return Optional.<Subject>empty();
              }
              CheckpointRow r = row.get();
              long indexedTo = new VerifyQueries(c).childIndexedTo();
              Optional<LeafSet> exits = Optional.empty();
              String missing = "";
              if (indexedTo >= r.checkpointBlock() - 1) {
                exits = Optional.of(LeafQueries.exitLeaves(c, r.epoch(), r.checkpointBlock()));
              } else {
                missing =
                    "the child chain is indexed to block "
                        + indexedTo
                        + ", the exit tree needs blocks up to "
                        + (r.checkpointBlock() - 1);
              }
              Finding f = checkpoints.check(r, exits, missing, sets.beforeCheckpoint(r));
              String name =
                  "checkpoint of epoch " + r.epoch() + " at child block " + r.checkpointBlock();
              return Optional.of(new Subject(r.blockNumber(), name, f, before));
            });
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Subject subject = s.get();
    Finding f = subject.finding();
    VerdictRow v =
        new VerdictRow(
            kind,
            tx,
            subject.block(),
            f.status(),
            f.reason(),
            Optional.of(f.evidence().toString()),
            clock.instant());
    writer.submit(Batch.of(c -> new VerdictDao(c).save(v))).join();
    if (v.status() != VerdictStatus.VERIFIED && v.status() != VerdictStatus.PENDING) {
      LOG.warn("{} ({}) is {}: {}", subject.name(), tx, v.status(), v.reason());
    }
    boolean changed =
        subject
            .before()
            .map(b -> b.status() != v.status() || !b.reason().equals(v.reason()))
            .orElse(true);
    if (changed) {
      notifyListeners(v);
    }
    return Optional.of(v);
  }

  private void notifyListeners(VerdictRow v) {
    for (VerdictListener l : listeners) {
      try {
        l.verdictChanged(v);
      } catch (RuntimeException e) {
        LOG.warn("a verdict listener failed on {} {}", v.kind().key(), v.subjectTx(), e);
      }
    }
  }
}
