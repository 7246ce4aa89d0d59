package io.bridgescope.core.index;

import io.bridgescope.core.chain.BlockRange;
import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.Reorgs;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.WriteOp;
import io.bridgescope.core.store.rows.BlockHashRow;
import io.bridgescope.core.store.rows.Cursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes one chain step by step: detects a reorg by the cursor block's hash and rewinds to the
 * fork, then reads the next block range and commits its rows together with the new cursor, so a
 * kill at any moment resumes after the last whole step.
 */
public final class ChainIndexer {

  private static final Logger LOG = LoggerFactory.getLogger(ChainIndexer.class);

  private final EventSource source;
  private final ChainReader reader;
  private final Database db;
  private final StoreWriter writer;
  private final long startBlock;
  private final int confirmations;
  private final BlockRange range;
  private @Nullable Cursor submitted;
  private long lastHead = -1;
  private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

  ChainIndexer(
      EventSource source,
      ChainReader reader,
      Database db,
      StoreWriter writer,
      long startBlock,
      int confirmations) {
    this.source = source;
    this.reader = reader;
    this.db = db;
    this.writer = writer;
    this.startBlock = startBlock;
    this.confirmations = Math.max(1, confirmations);
    // The same rule sizes the reader's eth_getLogs requests and this indexer's steps (ADR 0012).
    this.range = reader.range();
  }

  public ChainRole chain() {
    return source.chain();
  }

  /** What one step did. */
  public record Step(long indexedTo, long head, int events, long reorgedTo) {

    public boolean caughtUp() {
      return indexedTo >= head;
    }
  }

  /**
   * One step. The batch it reads is handed to the writer without waiting, so the next step's RPC
   * reads overlap this step's SQLite write; each step waits for the previous batch before
   * submitting its own, so a failed batch is never skipped over. {@link #flush()} waits for the
   * last one.
   */
  public Step step() {
    ChainRole role = source.chain();
    Optional<Cursor> cursor =
        submitted != null ? Optional.of(submitted) : db.read(c -> new CursorDao(c).get(role));
    // While catching up far behind the head, the head seen last time is good enough, and the
    // cursor block is deeper than any reorg we guard against: skip both round trips.
    long span = range.stepSpan();
    boolean farBehind =
        cursor.isPresent() && cursor.get().lastBlock() + span < lastHead - confirmations;
    long head = farBehind ? lastHead : reader.head();
    lastHead = head;
    if (cursor.isPresent() && !farBehind) {
      Cursor cur = cursor.get();
      Hash32 now = Headers.fetch(reader, List.of(cur.lastBlock())).hash(cur.lastBlock());
      if (!now.equals(cur.lastBlockHash())) {
        flush();
        long fork = rewind(cur);
        return new Step(fork, head, 0, fork);
      }
    }
    long from = cursor.map(c -> c.lastBlock() + 1).orElse(startBlock);
    if (from > head) {
      return new Step(from - 1, head, 0, -1);
    }
    long to = Math.min(head, from + span - 1);
    EventSource.Read read = source.read(from, to);
    Set<Long> needed = new TreeSet<>(read.blocks());
    long recentFrom = Math.max(from, head - confirmations);
    for (long b = recentFrom; b <= to; b++) {
      needed.add(b);
    }
    needed.add(to);
    Headers headers = Headers.fetch(reader, needed);
    if (cursor.isPresent() && needed.contains(from)) {
      if (!headers.parentHash(from).equals(cursor.get().lastBlockHash())) {
        throw new LogRows.ReorgDuringReadException(from);
      }
    }
    List<WriteOp> ops = new ArrayList<>(read.ops(headers));
    List<BlockHashRow> recent = new ArrayList<>();
    for (long b = recentFrom; b <= to; b++) {
      recent.add(new BlockHashRow(b, headers.hash(b), headers.parentHash(b)));
    }
    long keepFrom = head - 4L * confirmations;
    ops.add(
        c -> {
          CursorDao dao = new CursorDao(c);
          dao.saveBlockHashes(role, recent);
          dao.pruneBlockHashes(role, keepFrom);
        });
    Cursor next = new Cursor(role, to, headers.hash(to));
    range.stepDone(to - from + 1, read.events());
    flush();
    inFlight = writer.submit(Batch.advancing(next, ops));
    submitted = next;
    return new Step(to, head, read.events(), -1);
  }

  /**
   * Waits until the last submitted batch is committed. If it failed, the in-memory cursor is
   * forgotten (the next step starts again from the database) and the failure is thrown.
   */
  public void flush() {
    try {
      inFlight.join();
    } catch (CompletionException e) {
      submitted = null;
      inFlight = CompletableFuture.completedFuture(null);
      throw e.getCause() instanceof RuntimeException re ? re : e;
    }
  }

  /**
   * Finds the highest recently indexed block whose hash the chain still has, and rewinds every row
   * above it in one batch with the cursor. With no common block in the window, goes back to before
   * the window (re-indexing it).
   */
  private long rewind(Cursor cur) {
    ChainRole role = source.chain();
    List<BlockHashRow> recent =
        db.read(c -> new CursorDao(c).recentBlockHashes(role, 4 * confirmations));
    List<Long> numbers =
        recent.stream().map(BlockHashRow::number).filter(n -> n < cur.lastBlock()).toList();
    Headers now = Headers.fetch(reader, numbers);
    long fork = -1;
    Hash32 forkHash = null;
    for (BlockHashRow r : recent) {
      if (r.number() < cur.lastBlock() && now.hash(r.number()).equals(r.hash())) {
        if (r.number() > fork) {
          fork = r.number();
          forkHash = r.hash();
        }
      }
    }
    if (forkHash == null) {
      long oldest = recent.stream().mapToLong(BlockHashRow::number).min().orElse(cur.lastBlock());
      fork = Math.max(startBlock, oldest - 1);
      forkHash = Headers.fetch(reader, List.of(fork)).hash(fork);
    }
    LOG.warn(
        "{} chain reorganised below block {}: rewinding the index to block {}",
        role.key(),
        cur.lastBlock(),
        fork);
    long f = fork;
    Cursor at = new Cursor(role, fork, forkHash);
    submitted = null;
    writer.submit(Batch.advancing(at, List.of(Reorgs.rewind(role, f)))).join();
    submitted = at;
    return fork;
  }
}
