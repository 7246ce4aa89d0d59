package io.bridgescope.desktop.engine;

import io.bridgescope.core.chain.RpcHealth;
import io.bridgescope.core.index.IndexStatus;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.desktop.status.ChainStatus;
import io.bridgescope.desktop.status.StatusSnapshot;
import io.bridgescope.desktop.status.StatusSource;
import io.bridgescope.desktop.status.TeamIndexState;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** The status bar from the indexer's status and the session manager's progress messages. */
final class EngineStatus implements StatusSource {

  private final SessionManager sessions;

  EngineStatus(SessionManager sessions) {
    this.sessions = sessions;
  }

  @Override
  public AutoCloseable subscribe(Consumer<StatusSnapshot> listener) {
    Runnable push = () -> listener.accept(snapshot());
    AutoCloseable progress = sessions.onProgress(m -> push.run());
    SessionFollower follower = new SessionFollower(sessions, push);
    return () -> {
      progress.close();
      follower.close();
    };
  }

  StatusSnapshot snapshot() {
    String progress = sessions.progress();
    var session = sessions.current();
    if (session.isEmpty()) {
      return new StatusSnapshot(
          ChainStatus.unknown("Root"),
          ChainStatus.unknown("Child"),
          progress.isBlank() ? OptionalDouble.empty() : OptionalDouble.of(-1),
          progress.isBlank() ? "No network open" : progress);
    }
    var team = session.get().team();
    if (team.isPresent()) {
      // a reader: the index's own indexer runs elsewhere; the line says who and how far behind
      TeamIndexState t = team.get();
      return new StatusSnapshot(
          t.root(), t.child(), OptionalDouble.empty(), progress.isBlank() ? t.line() : progress);
    }
    IndexStatus r = session.get().indexer().status(ChainRole.ROOT);
    IndexStatus c = session.get().indexer().status(ChainRole.CHILD);
    long behind = r.lag() + c.lag();
    OptionalDouble catchUp = OptionalDouble.empty();
    if (r.head() > 0 && c.head() > 0 && behind > 20) {
      double done = Math.max(0, r.indexedTo()) + Math.max(0, c.indexedTo());
      catchUp = OptionalDouble.of(Math.min(1, done / (r.head() + c.head())));
    }
    String error = r.lastError() != null ? r.lastError() : c.lastError();
    String message =
        !progress.isBlank()
            ? progress
            : error != null
                ? "Indexer: " + error
                : catchUp.isPresent()
                    ? "Catching up: " + behind + " blocks behind"
                    : session.get().label() + " · indexed";
    return new StatusSnapshot(chain("Root", r), chain("Child", c), catchUp, message);
  }

  private static ChainStatus chain(String label, IndexStatus s) {
    List<RpcHealth> rpc = s.rpc();
    long ok = rpc.stream().filter(RpcHealth::ok).count();
    io.bridgescope.desktop.status.RpcHealth health =
        rpc.isEmpty() || (ok == 0 && rpc.stream().allMatch(h -> h.lastFailure() == null))
            ? io.bridgescope.desktop.status.RpcHealth.UNKNOWN
            : ok == rpc.size()
                ? io.bridgescope.desktop.status.RpcHealth.OK
                : ok == 0
                    ? io.bridgescope.desktop.status.RpcHealth.DOWN
                    : io.bridgescope.desktop.status.RpcHealth.DEGRADED;
    String detail =
        rpc.stream()
            .filter(h -> !h.ok() && h.lastError() != null)
            .map(RpcHealth::lastError)
            .findFirst()
            .orElse("");
    if (detail.length() > 60) {
      detail = detail.substring(0, 60) + "…";
    }
    return new ChainStatus(
        label,
        s.head() >= 0 ? OptionalLong.of(s.head()) : OptionalLong.empty(),
        s.indexedTo() >= 0 ? OptionalLong.of(s.indexedTo()) : OptionalLong.empty(),
        health,
        detail);
  }
}
