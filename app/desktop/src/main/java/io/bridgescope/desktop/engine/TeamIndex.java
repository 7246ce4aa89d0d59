package io.bridgescope.desktop.engine;

import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.concurrent.Threads;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.PgTarget;
import io.bridgescope.core.store.StoreException;
import io.bridgescope.core.store.TeamWriter;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.desktop.status.ChainStatus;
import io.bridgescope.desktop.status.RpcHealth;
import io.bridgescope.desktop.status.TeamIndexState;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A team index the desktop reads (never writes): every few seconds, on its own thread, it reads the
 * index's position on each chain, who holds the writer lock, and the chains' heads, and calls the
 * listener when any of that changed. A lost connection is a state, not an end: the next poll that
 * reads again recovers it.
 */
final class TeamIndex implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TeamIndex.class);
  static final long POLL_SECONDS = 3;

  private final PgTarget target;
  private final Database db;
  private final ChainClient root;
  private final ChainClient child;
  private final Runnable changed;
  private final ScheduledExecutorService loop;
  private volatile TeamIndexState state;

  TeamIndex(NetworkProfile profile, PgTarget target, Database db, Runnable changed) {
    this.target = target;
    this.db = db;
    this.changed = changed;
    this.root = new ChainClient("root", profile.root().primaryRpcUrl());
    this.child = new ChainClient("child", profile.child().primaryRpcUrl());
    this.state = TeamIndexState.connecting(name(target));
    this.loop = Threads.scheduled("bs-team-" + profile.name());
  }

  /** How the status bar names a team index: its database and host, never user or password. */
  static String name(PgTarget t) {
    return t.database() + " on " + t.host() + (t.port() == 5432 ? "" : ":" + t.port());
  }

  void start() {
    loop.scheduleWithFixedDelay(this::poll, 0, POLL_SECONDS, TimeUnit.SECONDS);
  }

  PgTarget target() {
    return target;
  }

  TeamIndexState state() {
    return state;
  }

  private void poll() {
    TeamIndexState next;
    try {
      long[] at =
          db.read(
              c -> {
                CursorDao d = new CursorDao(c);
                return new long[] {
                  d.get(ChainRole.ROOT).map(Cursor::lastBlock).orElse(-1L),
                  d.get(ChainRole.CHILD).map(Cursor::lastBlock).orElse(-1L)
                };
              });
      Optional<String> writer = db.teamWriter().map(TeamWriter::host);
      next =
          new TeamIndexState(
              name(target),
              writer,
              chain("Root", root, at[0]),
              chain("Child", child, at[1]),
              Optional.empty());
    } catch (StoreException e) {
      LOG.warn("Reading the team index {} failed: {}", target, e.getMessage());
      next = state.lost(lostWords(e));
    } catch (RuntimeException e) {
      LOG.warn("Reading the team index {} failed", target, e);
      next = state.lost("could not be read (" + e.getClass().getSimpleName() + "); retrying");
    }
    if (!next.equals(state)) {
      state = next;
      changed.run();
    }
  }

  /** The status bar's words for a failed read: what happened and what to do. */
  static String lostWords(StoreException e) {
    return switch (e.reason()) {
      case CONNECTION_LOST, UNREACHABLE ->
          "connection lost (store_connection_lost): the server cannot be reached; retrying every "
              + POLL_SECONDS
              + " s";
      case AUTH -> "login refused (store_auth): set PGPASSWORD or ~/.pgpass; retrying";
      case TOO_OLD, TOO_NEW ->
          "schema changed (store_too_old/new): upgrade its indexer or this app; retrying";
      default ->
          "could not be read; retrying ("
              + e.reason().name().toLowerCase(java.util.Locale.ROOT)
              + ")";
    };
  }

  private static ChainStatus chain(String label, ChainClient client, long indexed) {
    OptionalLong head;
    RpcHealth health;
    String detail = "";
    try {
      head = OptionalLong.of(client.blockNumber());
      health = RpcHealth.OK;
    } catch (RuntimeException e) {
      head = OptionalLong.empty();
      health = RpcHealth.DOWN;
      detail = String.valueOf(e.getMessage());
      if (detail.length() > 60) {
        detail = detail.substring(0, 60) + "…";
      }
    }
    return new ChainStatus(
        label,
        head,
        indexed >= 0 ? OptionalLong.of(indexed) : OptionalLong.empty(),
        health,
        detail);
  }

  @Override
  public void close() {
    loop.shutdownNow();
    root.close();
    child.close();
  }
}
