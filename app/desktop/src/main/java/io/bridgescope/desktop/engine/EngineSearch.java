package io.bridgescope.desktop.engine;

import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.ExitDao;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.desktop.search.SearchKind;
import io.bridgescope.desktop.search.SearchQuery;
import io.bridgescope.desktop.search.SearchResolver;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds what a search key names in the index. Hit keys are what the screens reveal by: a deposit or
 * exit id, a commitment's start id, a checkpoint's submit tx, or an address.
 */
final class EngineSearch implements SearchResolver {

  private final SessionManager sessions;

  EngineSearch(SessionManager sessions) {
    this.sessions = sessions;
  }

  @Override
  public boolean isConnected() {
    return sessions.current().isPresent();
  }

  @Override
  public List<SearchHit> resolve(SearchQuery query) {
    Session s = sessions.current().orElseThrow(() -> new IllegalStateException("no network open"));
    return s.db()
        .read(
            c -> {
              List<SearchHit> hits = new ArrayList<>();
              if (query instanceof SearchQuery.TxHash tx) {
                for (var r : new StateSyncDao(c).byTx(tx.hash())) {
                  hits.add(hit(SearchKind.STATE_SYNC_ID, r.id(), "deposit " + r.id()));
                }
                for (var r : new ExitDao(c).byTx(tx.hash())) {
                  hits.add(hit(SearchKind.EXIT_ID, r.id(), "exit " + r.id()));
                }
                new CommitmentDao(c)
                    .byTx(tx.hash())
                    .ifPresent(
                        r ->
                            hits.add(
                                hit(
                                    SearchKind.COMMITMENT,
                                    r.startId(),
                                    "commitment of ids " + r.startId() + "–" + r.endId())));
                new CheckpointDao(c)
                    .byTx(tx.hash())
                    .ifPresent(
                        r ->
                            hits.add(
                                new SearchHit(
                                    SearchKind.EPOCH,
                                    r.submitTx().toString(),
                                    "checkpoint of epoch " + r.epoch())));
              } else if (query instanceof SearchQuery.AccountAddress a) {
                boolean deposits =
                    !new StateSyncDao(c).byAddress(a.address(), Optional.empty(), 1).isEmpty();
                boolean exits =
                    !new ExitDao(c).byAddress(a.address(), Optional.empty(), 1).isEmpty();
                if (deposits || exits) {
                  hits.add(
                      new SearchHit(
                          SearchKind.ADDRESS,
                          a.address().toString(),
                          "deposits and exits of " + a.address()));
                }
              } else if (query instanceof SearchQuery.Number n) {
                for (SearchKind kind : n.candidates()) {
                  number(c, kind, n.value(), hits);
                }
              }
              return hits;
            });
  }

  private static void number(
      java.sql.Connection c, SearchKind kind, BigInteger v, List<SearchHit> hits)
      throws java.sql.SQLException {
    switch (kind) {
      case STATE_SYNC_ID -> {
        if (new StateSyncDao(c).byId(v).isPresent()) {
          hits.add(hit(kind, v, "deposit (state sync) " + v));
        }
      }
      case EXIT_ID -> {
        if (new ExitDao(c).byId(v).isPresent()) {
          hits.add(hit(kind, v, "exit " + v));
        }
      }
      case COMMITMENT ->
          new CommitmentDao(c)
              .covering(v)
              .ifPresent(
                  r ->
                      hits.add(
                          hit(
                              kind,
                              r.startId(),
                              "commitment of ids "
                                  + r.startId()
                                  + "–"
                                  + r.endId()
                                  + " (holds id "
                                  + v
                                  + ")")));
      case EPOCH -> {
        if (v.bitLength() < 63) {
          new CheckpointDao(c)
              .latestOfEpoch(v.longValue())
              .ifPresent(
                  r ->
                      hits.add(
                          new SearchHit(
                              kind, r.submitTx().toString(), "checkpoint of epoch " + r.epoch())));
        }
      }
      default -> {}
    }
  }

  private static SearchHit hit(SearchKind kind, BigInteger key, String description) {
    return new SearchHit(kind, key.toString(), description);
  }
}
