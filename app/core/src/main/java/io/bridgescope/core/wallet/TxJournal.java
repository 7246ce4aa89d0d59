package io.bridgescope.core.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.JournalDao;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.WriteTask;
import io.bridgescope.core.store.rows.JournalEntry;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.store.rows.TxState;
import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;

/**
 * The wallet's view of {@code tx_journal}: writes go through the store's single writer and are
 * awaited, so an entry is on disk before the caller goes on (in particular before a send).
 */
public final class TxJournal {

  private final Database db;
  private final StoreWriter writer;
  private final Clock clock;

  public TxJournal(Database db, StoreWriter writer, Clock clock) {
    this.db = db;
    this.writer = writer;
    this.clock = clock;
  }

  /** Records {@code tx} as SIGNED (or returns the existing entry of the same hash). */
  public long record(SignedTx tx) {
    UnsignedTx u = tx.tx();
    return write(
        c -> {
          JournalDao dao = new JournalDao(c);
          Optional<JournalEntry> existing = dao.byTxHash(tx.hash());
          if (existing.isPresent()) {
            return existing.get().id();
          }
          return dao.record(
              u.chain(),
              u.from(),
              u.nonce(),
              tx.raw(),
              tx.hash(),
              u.purpose(),
              u.relatedId(),
              clock.instant());
        });
  }

  public void update(long id, TxState state, OptionalLong block, Optional<String> error) {
    write(c -> new JournalDao(c).updateState(id, state, block, error, clock.instant()));
  }

  public Optional<JournalEntry> byId(long id) {
    return db.read(c -> new JournalDao(c).byId(id));
  }

  public Optional<JournalEntry> byHash(Hash32 hash) {
    return db.read(c -> new JournalDao(c).byTxHash(hash));
  }

  /** Signed or sent, not yet known to be final; oldest first. */
  public List<JournalEntry> unfinished() {
    return db.read(c -> new JournalDao(c).unfinished());
  }

  /** Newest first, at most {@code limit}. */
  public List<JournalEntry> recent(int limit) {
    return db.read(c -> new JournalDao(c).page(OptionalLong.empty(), limit));
  }

  /** Every transaction recorded for {@code purpose} and {@code id}, oldest first. */
  public List<JournalEntry> forRelated(TxPurpose purpose, BigInteger id) {
    return db.read(c -> new JournalDao(c).forRelated(purpose, id));
  }

  /** The highest nonce of an unfinished entry of {@code from} on {@code chain}. */
  public OptionalLong maxUnfinishedNonce(ChainRole chain, Address from) {
    return unfinished().stream()
        .filter(e -> e.chain() == chain && e.from().equals(from))
        .mapToLong(JournalEntry::nonce)
        .max();
  }

  /**
   * An unfinished transaction that would process exit {@code id}: a single exit for it, or a batch
   * whose calldata contains it.
   */
  public Optional<JournalEntry> unfinishedExit(BigInteger id) {
    for (JournalEntry e : unfinished()) {
      if (e.purpose() == TxPurpose.EXIT && e.relatedId().equals(Optional.of(id))) {
        return Optional.of(e);
      }
      if (e.purpose() == TxPurpose.BATCH_EXIT && ExitCalls.idsInRawTx(e.rawTx()).contains(id)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** An unfinished transaction for {@code purpose} and {@code id} (not batches). */
  public Optional<JournalEntry> unfinished(TxPurpose purpose, BigInteger id) {
    return unfinished().stream()
        .filter(e -> e.purpose() == purpose && e.relatedId().equals(Optional.of(id)))
        .findFirst();
  }

  private <T> T write(WriteTask<T> task) {
    try {
      return writer.call(task).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }
}
