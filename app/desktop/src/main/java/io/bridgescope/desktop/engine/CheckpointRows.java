package io.bridgescope.desktop.engine;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.SubmissionRevertDao;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.core.store.rows.SubmissionRevert;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.desktop.ports.CheckpointRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The Checkpoints list: every submit transaction, newest first, failed ones included. */
final class CheckpointRows extends SessionRows<CheckpointRow> {

  private final KeysetWalker<io.bridgescope.core.store.rows.CheckpointRow> walker =
      new KeysetWalker<>();
  private volatile long lastCount = -1;

  CheckpointRows(SessionManager sessions) {
    super(sessions);
  }

  @Override
  public List<CheckpointRow> page(int offset, int limit) throws Exception {
    Session s = session();
    count();
    var rows =
        walker.page(
            offset, limit, (after, n) -> s.db().read(c -> new CheckpointDao(c).page(after, n)));
    return s.db()
        .read(
            c -> {
              VerdictDao verdicts = new VerdictDao(c);
              SubmissionRevertDao reverts = new SubmissionRevertDao(c);
              // Rows within the confirmation depth of the last indexed root block may still be
              // undone by a reorg: they say so.
              long head = new CursorDao(c).get(ChainRole.ROOT).map(Cursor::lastBlock).orElse(-1L);
              int depth = s.profile().confirmations();
              List<CheckpointRow> out = new ArrayList<>(rows.size());
              for (var r : rows) {
                String v =
                    r.success()
                        ? Words.verdict(verdicts.get(VerdictKind.CHECKPOINT, r.submitTx()))
                        : "rejected on chain: "
                            + reverts
                                .of(r.submitTx())
                                .map(SubmissionRevert::reason)
                                .orElse(SubmissionRevert.UNAVAILABLE);
                long confirmations = head - r.blockNumber() + 1;
                if (confirmations < depth) {
                  v = "unconfirmed (" + Math.max(0, confirmations) + "/" + depth + ") · " + v;
                }
                out.add(
                    new CheckpointRow(
                        r.epoch(),
                        r.blockNumber(),
                        r.checkpointBlock(),
                        r.eventRoot(),
                        r.submitTx(),
                        r.success(),
                        v));
              }
              return out;
            });
  }

  @Override
  public long count() {
    long n = session().db().read(c -> new CheckpointDao(c).count());
    if (n != lastCount) {
      walker.clear();
      lastCount = n;
    }
    return n;
  }

  /** Key: a submit tx hash, or "epoch:N" for the latest successful checkpoint of epoch N. */
  @Override
  public OptionalLong indexOf(String key) throws Exception {
    Session s = session();
    Optional<Hash32> tx =
        key.startsWith("epoch:")
            ? s.db()
                .read(c -> new CheckpointDao(c).latestOfEpoch(Long.parseLong(key.substring(6))))
                .map(io.bridgescope.core.store.rows.CheckpointRow::submitTx)
            : Optional.of(Hash32.of(key));
    if (tx.isEmpty()) {
      return OptionalLong.empty();
    }
    int step = 500;
    for (int offset = 0; ; offset += step) {
      List<CheckpointRow> rows = page(offset, step);
      for (int i = 0; i < rows.size(); i++) {
        if (rows.get(i).submitTx().equals(tx.get())) {
          return OptionalLong.of(offset + i);
        }
      }
      if (rows.size() < step) {
        return OptionalLong.empty();
      }
    }
  }
}
