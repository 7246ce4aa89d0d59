package io.bridgescope.desktop.engine;

import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.desktop.ports.CommitmentRow;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The Commitments list, newest first. A commitment's number is its position counted from the oldest
 * indexed one (1-based); its verdict is the verifier's stored one.
 */
final class CommitmentRows extends SessionRows<CommitmentRow> {

  private final KeysetWalker<CommitmentRow> walker = new KeysetWalker<>();
  private volatile long lastCount = -1;

  CommitmentRows(SessionManager sessions) {
    super(sessions);
  }

  @Override
  public List<CommitmentRow> page(int offset, int limit) throws Exception {
    Session s = session();
    long total = count();
    return walker.page(
        offset,
        limit,
        (after, n) ->
            s.db()
                .read(
                    c -> {
                      var rows = new CommitmentDao(c).page(after.map(CommitmentRow::startId), n);
                      VerdictDao verdicts = new VerdictDao(c);
                      long first = after.map(r -> r.number() - 1).orElse(total);
                      List<CommitmentRow> out = new ArrayList<>(rows.size());
                      for (var r : rows) {
                        String v =
                            Words.verdict(verdicts.get(VerdictKind.COMMITMENT, r.event().txHash()));
                        out.add(
                            new CommitmentRow(
                                first - out.size(), r.startId(), r.endId(), r.root(), v));
                      }
                      return out;
                    }));
  }

  @Override
  public long count() {
    long n = session().db().read(c -> new CommitmentDao(c).count());
    if (n != lastCount) {
      walker.clear(); // numbers and offsets moved
      lastCount = n;
    }
    return n;
  }

  /** Key: a state-sync id; finds the commitment holding it. */
  @Override
  public OptionalLong indexOf(String key) throws Exception {
    BigInteger id = new BigInteger(key);
    int step = 500;
    for (int offset = 0; ; offset += step) {
      List<CommitmentRow> rows = page(offset, step);
      for (int i = 0; i < rows.size(); i++) {
        CommitmentRow r = rows.get(i);
        if (id.compareTo(r.startId()) >= 0 && id.compareTo(r.endId()) <= 0) {
          return OptionalLong.of(offset + i);
        }
      }
      if (rows.size() < step) {
        return OptionalLong.empty();
      }
    }
  }
}
