package io.bridgescope.core.verify;

import io.bridgescope.core.concurrent.Threads;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.WriteOp;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.store.rows.VerdictRow;
import io.bridgescope.core.store.rows.VerdictStatus;
import io.bridgescope.core.verify.Subjects.Checked;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-checks every indexed commitment and successful checkpoint from the local index and stores a
 * verdict with its evidence. A verdict other than VERIFIED or PENDING is logged at WARN. Missing
 * data never produces a negative verdict: the subject stays PENDING with the reason and is checked
 * again by the next {@link #verifyPending()}.
 *
 * <p>A run checks batches of subjects on several threads ({@link VerifyOptions}); verdicts are
 * stored one batch per transaction through the single store writer and announced in subject order,
 * as a one-thread run would. Each validator set's keys are decoded once ({@link KeyCache}), and the
 * commitment signatures of a batch are checked together ({@link CommitmentCheck#verifiedTogether});
 * the verdicts are the ones one-by-one checks give.
 */
public final class Verifier {

  private static final Logger LOG = LoggerFactory.getLogger(Verifier.class);

  /** Subjects per read connection, per worker task and per write transaction. */
  private static final int BATCH = 32;

  private final Database db;
  private final StoreWriter writer;
  private final Clock clock;
  private final int threads;
  private final Subjects subjects;
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
    this(db, writer, scheme, childChainId, epochSize, clock, VerifyOptions.defaults());
  }

  /** As above, with the threads, key cache and batching chosen (benchmarks compare settings). */
  public Verifier(
      Database db,
      StoreWriter writer,
      SchemeSupport scheme,
      BigInteger childChainId,
      long epochSize,
      Clock clock,
      VerifyOptions options) {
    this.db = Objects.requireNonNull(db, "db");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (epochSize < 1) {
      throw new IllegalArgumentException("epoch size must be positive: " + epochSize);
    }
    this.threads = options.threads();
    KeyCache keys = new KeyCache(scheme, options.cacheSetKeys());
    this.subjects =
        new Subjects(
            db,
            epochSize,
            new CommitmentCheck(scheme, keys, options.batchSignatures()),
            new CheckpointCheck(scheme, keys, childChainId));
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
    record Work(List<Hash32> commitments, List<Hash32> checkpoints) {}
    Work work =
        db.read(
            c -> {
              VerifyQueries q = new VerifyQueries(c);
              return new Work(q.commitmentTxs(unsettledOnly), q.checkpointTxs(unsettledOnly));
            });
    Map<VerdictStatus, Integer> cCounts = VerifySummary.emptyCounts();
    Map<VerdictStatus, Integer> kCounts = VerifySummary.emptyCounts();
    List<List<Hash32>> cs = InOrder.batches(work.commitments(), BATCH);
    List<List<Hash32>> ks = InOrder.batches(work.checkpoints(), BATCH);
    int useThreads = Math.min(threads, cs.size() + ks.size());
    if (useThreads <= 1) {
      cs.forEach(b -> store(subjects.check(VerdictKind.COMMITMENT, b), cCounts));
      ks.forEach(b -> store(subjects.check(VerdictKind.CHECKPOINT, b), kCounts));
      return new VerifySummary(cCounts, kCounts);
    }
    ExecutorService pool = Threads.pool("bridgescope-verifier", useThreads);
    try {
      int window = 2 * useThreads;
      InOrder.run(
          pool, window, cs, b -> subjects.check(VerdictKind.COMMITMENT, b), r -> store(r, cCounts));
      InOrder.run(
          pool, window, ks, b -> subjects.check(VerdictKind.CHECKPOINT, b), r -> store(r, kCounts));
    } finally {
      pool.shutdownNow();
    }
    return new VerifySummary(cCounts, kCounts);
  }

  private Optional<VerdictRow> verify(VerdictKind kind, Hash32 tx) {
    List<VerdictRow> stored = store(subjects.check(kind, List.of(tx)), null);
    return stored.stream().findFirst();
  }

  /**
   * Saves the verdicts of one batch in one transaction, then logs the bad ones and tells listeners
   * of those that changed, in order.
   */
  private List<VerdictRow> store(
      List<Checked> batch, @Nullable Map<VerdictStatus, Integer> counts) {
    List<VerdictRow> rows = new ArrayList<>(batch.size());
    List<WriteOp> saves = new ArrayList<>(batch.size());
    for (Checked s : batch) {
      Finding f = s.finding();
      VerdictRow v =
          new VerdictRow(
              s.kind(),
              s.tx(),
              s.block(),
              f.status(),
              f.reason(),
              Optional.of(f.evidence().toString()),
              clock.instant());
      rows.add(v);
      saves.add(c -> new VerdictDao(c).save(v));
    }
    if (!saves.isEmpty()) {
      writer.submit(new Batch(saves, Optional.empty())).join();
    }
    for (int i = 0; i < rows.size(); i++) {
      VerdictRow v = rows.get(i);
      Checked s = batch.get(i);
      if (counts != null) {
        counts.merge(v.status(), 1, Integer::sum);
      }
      if (v.status() != VerdictStatus.VERIFIED && v.status() != VerdictStatus.PENDING) {
        LOG.warn("{} ({}) is {}: {}", s.name(), s.tx(), v.status(), v.reason());
      }
      boolean changed =
          s.before()
              .map(b -> b.status() != v.status() || !b.reason().equals(v.reason()))
              .orElse(true);
      if (changed) {
        notifyListeners(v);
      }
    }
    return rows;
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
