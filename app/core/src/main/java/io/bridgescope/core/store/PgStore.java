package io.bridgescope.core.store;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.jspecify.annotations.Nullable;

/**
 * Connections to a team index on PostgreSQL and the typed failures they end in. Readers are
 * read-only at the session level ({@code default_transaction_read_only}), whatever the role may do:
 * a desktop given a writer's credentials still cannot write.
 */
final class PgStore {

  /** Idle read-only sessions kept for {@link #read}: a new session costs a fork on the server. */
  private static final int IDLE_READERS = 4;

  private final PgTarget target;
  private final Map<String, String> env;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

  PgStore(PgTarget target, Map<String, String> env) {
    this.target = target;
    this.env = Map.copyOf(env);
  }

  PgTarget target() {
    return target;
  }

  /** A reader (autocommit, read-only session) or the writer (manual commit). */
  Connection connect(boolean readOnly) throws SQLException {
    Map<String, String> extra = new HashMap<>();
    extra.put("ApplicationName", applicationName(readOnly));
    extra.putIfAbsent("connectTimeout", "10");
    extra.put("tcpKeepAlive", "true");
    // The DAOs write many rows with one INSERT ... SELECT FROM unnest(column arrays) (Inserts),
    // whose update count says how many rows were new; reWriteBatchedInserts (multi-row VALUES)
    // reports no row counts.
    if (readOnly) {
      extra.put("readOnly", "true");
      extra.put("readOnlyMode", "always");
      extra.put("options", "-c default_transaction_read_only=on");
    }
    // The writer commits with the server's synchronous_commit (on by default): a committed batch
    // survives a server crash, and the speed comes from fewer statements, not from skipped flushes.
    Connection c = DriverManager.getConnection(target.jdbcUrl(), target.properties(env, extra));
    c.setAutoCommit(readOnly);
    return c;
  }

  /**
   * Runs {@code task} on an idle read-only session (or a new one) and keeps the session for the
   * next read. A session the server dropped meanwhile is replaced once.
   */
  <T> T read(ReadTask<T> task) throws SQLException {
    for (int attempt = 0; ; attempt++) {
      Connection c = idle.pollFirst();
      if (c == null) {
        c = connect(true);
      }
      try {
        // One snapshot for every statement of the task, as on SQLite (see Database#read).
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        T value = task.read(c);
        c.rollback();
        c.setAutoCommit(true);
        if (idle.size() < IDLE_READERS) {
          idle.addFirst(c);
        } else {
          c.close();
        }
        return value;
      } catch (SQLException | RuntimeException e) {
        closeQuietly(c);
        if (attempt == 0 && isConnectionLost(e)) {
          continue;
        }
        throw e;
      }
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // it is being dropped anyway
    }
  }

  static String applicationName(boolean readOnly) {
    return "bridgescope " + (readOnly ? "reader" : "indexer") + " on " + hostName();
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown host";
    }
  }

  /** Whether {@code e} says the connection is gone (server restarted, network cut, killed). */
  static boolean isConnectionLost(@Nullable Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The typed failure for {@code e}, raised while trying to {@code action}. */
  StoreException failure(String action, Throwable e) {
    if (e instanceof StoreException se) {
      return se;
    }
    String state = sqlState(e);
    String where = target.toString();
    if (causedBy(e, ConnectException.class)
        || causedBy(e, UnknownHostException.class)
        || causedBy(e, NoRouteToHostException.class)
        || (state != null && state.equals("08001"))) {
      return new StoreException(
          StoreException.Reason.UNREACHABLE,
          "Cannot reach the PostgreSQL server "
              + target.host()
              + ":"
              + target.port()
              + " ("
              + rootMessage(e)
              + "). Check the host and port, that the server runs, and that it accepts connections"
              + " from this machine (listen_addresses, pg_hba.conf, firewall).",
          e);
    }
    if (state != null
        && (state.equals("28P01") || state.equals("28000") || state.equals("08004"))) {
      return new StoreException(
          StoreException.Reason.AUTH,
          "PostgreSQL refused user '"
              + target.user()
              + "' for "
              + where
              + " ("
              + rootMessage(e)
              + "). Set the password in PGPASSWORD or in ~/.pgpass (HOST:PORT:DB:USER:PASSWORD,"
              + " mode 600), and check the role's LOGIN and pg_hba.conf.",
          e);
    }
    if ("3D000".equals(state)) {
      return new StoreException(
          StoreException.Reason.FAILED,
          "The database '"
              + target.database()
              + "' does not exist on "
              + target.host()
              + ": create it (CREATE DATABASE "
              + target.database()
              + ") or fix the name in --db.",
          e);
    }
    if ("25006".equals(state)) {
      return new StoreException(
          StoreException.Reason.READ_ONLY,
          where + " is open read-only here: could not " + action + ".",
          e);
    }
    if ("42501".equals(state)) {
      return new StoreException(
          StoreException.Reason.FAILED,
          "The role '"
              + target.user()
              + "' may not "
              + action
              + " on "
              + where
              + " ("
              + rootMessage(e)
              + "). README.md, Team index on PostgreSQL, lists the GRANTs.",
          e);
    }
    if (isConnectionLost(e)) {
      return new StoreException(
          StoreException.Reason.CONNECTION_LOST,
          "The connection to "
              + where
              + " was lost while trying to "
              + action
              + " ("
              + rootMessage(e)
              + "). Nothing of the unfinished batch was kept (it rolls back whole); the indexer"
              + " reconnects and writes it again.",
          e);
    }
    return new StoreException(
        StoreException.Reason.FAILED,
        "Team index " + where + ": could not " + action + ": " + rootMessage(e),
        e);
  }

  private static @Nullable String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        return s.getSQLState();
      }
    }
    return null;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t == e ? e.getMessage() : e.getMessage() + "; " + t.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
