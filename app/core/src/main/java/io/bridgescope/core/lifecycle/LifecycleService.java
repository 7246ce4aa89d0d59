package io.bridgescope.core.lifecycle;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.ExitDao;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.core.store.rows.StatusCounts;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Read service: the status of every deposit and exit, in plain words with the next step, an ETA
 * from the observed cadence and an overdue flag. Lists are newest first with keyset paging: pass
 * the last id of a page as {@code beforeId}. Every call reads one consistent snapshot.
 */
public final class LifecycleService {

  private final Database db;
  private final Clock clock;
  private final LifecycleRules rules;
  private final long epochSize;

  public LifecycleService(Database db, long epochSize, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (epochSize < 1) {
      throw new IllegalArgumentException("epoch size must be positive: " + epochSize);
    }
    this.rules = new LifecycleRules(epochSize);
    this.epochSize = epochSize;
  }

  /** The bridge's observed rhythm right now. */
  public Cadence cadence() {
    return db.read(CadenceQueries::load);
  }

  public Optional<DepositStatus> deposit(BigInteger id) {
    return db.read(
        c -> {
          Cadence cad = CadenceQueries.load(c);
          Optional<StateSyncRow> d = new StateSyncDao(c).byId(id);
          return d.isEmpty() ? Optional.empty() : Optional.of(deposit(c, d.get(), cad));
        });
  }

  public Optional<ExitStatus> exit(BigInteger id) {
    return db.read(
        c -> {
          Cadence cad = CadenceQueries.load(c);
          Optional<ExitRow> x = new ExitDao(c).byId(id);
          return x.isEmpty() ? Optional.empty() : Optional.of(exit(c, x.get(), cad));
        });
  }

  public List<DepositStatus> deposits(Optional<BigInteger> beforeId, int limit) {
    return db.read(c -> deposits(c, new StateSyncDao(c).page(beforeId, limit)));
  }

  /** Deposits where {@code a} is sender, receiver, depositor or recipient. */
  public List<DepositStatus> depositsByAddress(
      Address a, Optional<BigInteger> beforeId, int limit) {
    return db.read(c -> deposits(c, new StateSyncDao(c).byAddress(a, beforeId, limit)));
  }

  public List<ExitStatus> exits(Optional<BigInteger> beforeId, int limit) {
    return db.read(c -> exits(c, new ExitDao(c).page(beforeId, limit)));
  }

  /** Exits where {@code a} is sender, receiver, withdrawer or recipient. */
  public List<ExitStatus> exitsByAddress(Address a, Optional<BigInteger> beforeId, int limit) {
    return db.read(c -> exits(c, new ExitDao(c).byAddress(a, beforeId, limit)));
  }

  /** Deposits per stage (SENT, COMMITTED, EXECUTED, FAILED, STUCK); the stages are exclusive. */
  public Map<Stage, Long> depositCounts() {
    return db.read(
        c -> {
          Cadence cad = CadenceQueries.load(c);
          StatusCounts s = new StateSyncDao(c).statusCounts();
          StuckQueries stuck = new StuckQueries(c, cad, clock.instant());
          long sentStuck = stuck.sentStuckCount();
          long committedStuck = stuck.committedStuckCount();
          Map<Stage, Long> m = zero();
          m.put(Stage.SENT, s.sent() - sentStuck);
          m.put(Stage.COMMITTED, s.inTransit() - committedStuck);
          m.put(Stage.EXECUTED, s.done());
          m.put(Stage.FAILED, s.failed());
          m.put(Stage.STUCK, sentStuck + committedStuck);
          return m;
        });
  }

  /** Exits per stage (SENT, CHECKPOINTED, EXITED, FAILED, STUCK); the stages are exclusive. */
  public Map<Stage, Long> exitCounts() {
    return db.read(
        c -> {
          Cadence cad = CadenceQueries.load(c);
          StatusCounts s = new ExitDao(c).statusCounts();
          long stuck = exitsStuck(c, cad);
          Map<Stage, Long> m = zero();
          m.put(Stage.SENT, s.sent() - stuck);
          m.put(Stage.CHECKPOINTED, s.inTransit());
          m.put(Stage.EXITED, s.done());
          m.put(Stage.FAILED, s.failed());
          m.put(Stage.STUCK, stuck);
          return m;
        });
  }

  /**
   * Whether the bridge is moving: what waits per stage, and which stages stalled (the relayer
   * stopped, the validators stopped committing, checkpoints late), in one consistent read.
   */
  public BridgeHealth health() {
    return db.read(
        c -> {
          Cadence cad = CadenceQueries.load(c);
          Instant now = clock.instant();
          StuckQueries stuck = new StuckQueries(c, cad, now);
          StatusCounts d = new StateSyncDao(c).statusCounts();
          StatusCounts x = new ExitDao(c).statusCounts();
          long sentStuck = stuck.sentStuckCount();
          long committedStuck = stuck.committedStuckCount();
          long exitsStuck = exitsStuck(c, cad);
          PendingByStage p =
              new PendingByStage(
                  d.sent() - sentStuck,
                  sentStuck,
                  d.inTransit() - committedStuck,
                  committedStuck,
                  d.failed(),
                  x.sent() - exitsStuck,
                  exitsStuck,
                  x.inTransit(),
                  x.failed());
          OptionalLong child =
              new CursorDao(c)
                  .get(ChainRole.CHILD)
                  .map(cur -> OptionalLong.of(cur.lastBlock()))
                  .orElse(OptionalLong.empty());
          return new BridgeHealth(p, StallRules.stalls(cad, p, child, epochSize, now));
        });
  }

  private long exitsStuck(Connection c, Cadence cad) throws SQLException {
    long stuck = 0;
    for (ExitRow x : uncoveredExits(c, cad, Integer.MAX_VALUE)) {
      if (exit(c, x, cad).stage() == Stage.STUCK) {
        stuck++;
      }
    }
    return stuck;
  }

  /** Deposits and exits that are STUCK or FAILED, at most {@code limit} of each. */
  public Trouble stuckOrFailing(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    return db.read(
        c -> {
          Cadence cad = CadenceQueries.load(c);
          List<BigInteger> ids = new ArrayList<>(failedIds(c, "state_sync_results", limit));
          ids.addAll(new StuckQueries(c, cad, clock.instant()).stuckIds(limit));
          List<DepositStatus> deposits = new ArrayList<>();
          StateSyncDao syncs = new StateSyncDao(c);
          for (BigInteger id : ids.stream().distinct().sorted().limit(limit).toList()) {
            Optional<StateSyncRow> d = syncs.byId(id);
            if (d.isPresent()) {
              DepositStatus st = deposit(c, d.get(), cad);
              if (st.stage() == Stage.STUCK || st.stage() == Stage.FAILED) {
                deposits.add(st);
              }
            }
          }
          List<ExitStatus> exits = new ArrayList<>();
          ExitDao exitDao = new ExitDao(c);
          for (BigInteger id : failedIds(c, "exit_results", limit)) {
            exitDao.byId(id).map(x -> exitUnchecked(c, x, cad)).ifPresent(exits::add);
          }
          for (ExitRow x : uncoveredExits(c, cad, limit)) {
            ExitStatus st = exit(c, x, cad);
            if (st.stage() == Stage.STUCK && exits.size() < limit) {
              exits.add(st);
            }
          }
          exits.removeIf(e -> e.stage() != Stage.STUCK && e.stage() != Stage.FAILED);
          return new Trouble(deposits, exits);
        });
  }

  /** The result of {@link #stuckOrFailing(int)}. */
  public record Trouble(List<DepositStatus> deposits, List<ExitStatus> exits) {
    public Trouble {
      deposits = List.copyOf(deposits);
      exits = List.copyOf(exits);
    }

    public boolean isEmpty() {
      return deposits.isEmpty() && exits.isEmpty();
    }
  }

  private List<DepositStatus> deposits(Connection c, List<StateSyncRow> rows) throws SQLException {
    Cadence cad = CadenceQueries.load(c);
    List<DepositStatus> out = new ArrayList<>(rows.size());
    for (StateSyncRow r : rows) {
      out.add(deposit(c, r, cad));
    }
    return out;
  }

  private List<ExitStatus> exits(Connection c, List<ExitRow> rows) throws SQLException {
    Cadence cad = CadenceQueries.load(c);
    List<ExitStatus> out = new ArrayList<>(rows.size());
    for (ExitRow r : rows) {
      out.add(exit(c, r, cad));
    }
    return out;
  }

  private DepositStatus deposit(Connection c, StateSyncRow d, Cadence cad) throws SQLException {
    return rules.deposit(
        d,
        new CommitmentDao(c).covering(d.id()),
        new StateSyncDao(c).results(d.id()),
        cad,
        clock.instant());
  }

  private ExitStatus exit(Connection c, ExitRow x, Cadence cad) throws SQLException {
    return rules.exit(
        x, epochCheckpoint(c, x.epoch()), new ExitDao(c).results(x.id()), cad, clock.instant());
  }

  private ExitStatus exitUnchecked(Connection c, ExitRow x, Cadence cad) {
    try {
      return exit(c, x, cad);
    } catch (SQLException e) {
      throw new IllegalStateException("reading exit " + x.id() + ": " + e.getMessage(), e);
    }
  }

  /** The child block of the latest successful checkpoint of {@code epoch}. */
  private static OptionalLong epochCheckpoint(Connection c, long epoch) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT max(checkpoint_block) FROM checkpoints WHERE success = 1 AND epoch = ?")) {
      ps.setLong(1, epoch);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getObject(1) != null
            ? OptionalLong.of(rs.getLong(1))
            : OptionalLong.empty();
      }
    }
  }

  /** Exits at or after the last checkpoint block: the only ones that can still wait for one. */
  private static List<ExitRow> uncoveredExits(Connection c, Cadence cad, int limit)
      throws SQLException {
    long from = cad.lastCheckpointBlock().orElse(0);
    List<BigInteger> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM exits WHERE block_number >= ? ORDER BY id LIMIT ?")) {
      ps.setLong(1, from);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(new BigInteger(1, rs.getBytes(1)));
        }
      }
    }
    ExitDao dao = new ExitDao(c);
    List<ExitRow> out = new ArrayList<>(ids.size());
    for (BigInteger id : ids) {
      dao.byId(id).ifPresent(out::add);
    }
    return out;
  }

  /** Ids whose every result so far failed, newest first. */
  private static List<BigInteger> failedIds(Connection c, String table, int limit)
      throws SQLException {
    List<BigInteger> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT f.id FROM "
                + table
                + " f WHERE f.success = 0 AND NOT EXISTS"
                + " (SELECT 1 FROM "
                + table
                + " s WHERE s.id = f.id AND s.success = 1)"
                + " ORDER BY f.id DESC LIMIT ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new BigInteger(1, rs.getBytes(1)));
        }
      }
    }
    return out;
  }

  private static Map<Stage, Long> zero() {
    Map<Stage, Long> m = new EnumMap<>(Stage.class);
    for (Stage s : Stage.values()) {
      m.put(s, 0L);
    }
    return m;
  }
}
