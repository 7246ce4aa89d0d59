package io.bridgescope.bench;

import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.PgTarget;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.Erc20Transfer;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.PayloadKind;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetHome;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * SQLite against a team index on PostgreSQL, in one run (docs/decisions/0017):
 *
 * <ol>
 *   <li>index rate: the same devnet history (state syncs and exits, as {@link IndexBench} builds
 *       it) indexed into a fresh SQLite file and a fresh PostgreSQL database, alternately, {@code
 *       --rounds} times each; events/s of each and the ratio PostgreSQL / SQLite.
 *   <li>first page: a deposits table of {@code --rows} synthetic state syncs (written through the
 *       indexer's own DAO and writer), then the newest page of 50 read on a fresh read-only
 * reader, as a reader verb or the desktop would (the first read opens the session): median and worst
 *     of 20.
 * </ol>
 *
 * <p>{@code StoreBench [--syncs N] [--exits M] [--rounds R] [--rows N] [--db postgresql://...]}:
 * without {@code --db} an embedded PostgreSQL (zonky, binaries from Maven Central) is started.
 */
public final class StoreBench {

  private StoreBench() {}

  public static void main(String[] args) throws Exception {
    int syncs = 20_000;
    int exits = 5_000;
    int rounds = 2;
    int pageRows = 1_000_000;
    String url = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--syncs" -> syncs = Integer.parseInt(args[++i]);
        case "--exits" -> exits = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--rows" -> pageRows = Integer.parseInt(args[++i]);
        case "--db" -> url = args[++i];
        default -> {
          System.err.println(
              "usage: StoreBench [--syncs N] [--exits M] [--rounds R] [--rows N] [--db URL]");
          System.exit(2);
        }
      }
    }
    EmbeddedPostgres embedded = null;
    if (url == null) {
      embedded = EmbeddedPostgres.builder().start();
      url = "postgresql://localhost:" + embedded.getPort() + "/postgres?user=postgres";
      System.out.println("embedded PostgreSQL 14 on port " + embedded.getPort());
    }
    Path work = Files.createTempDirectory("bridgescope-store-bench-");
    try {
      PgServer pg = new PgServer(url);
      try (Devnet d = Devnet.start(IndexBench.quietDevnet(), DevnetHome.locate(), work, m -> {})) {
        indexRates(d, work, pg, syncs, exits, rounds);
      }
      if (pageRows > 0) {
        firstPage(pg, pageRows);
      }
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  private static void indexRates(Devnet d, Path work, PgServer pg, int syncs, int exits, int rounds)
      throws Exception {
    Address spammer =
        Address.of(((List<?>) d.root().rpc("eth_accounts", List.of())).get(6).toString());
    IndexBench.generate(d.root(), d.contracts().stateSender(), spammer, syncs);
    IndexBench.generate(d.child(), d.contracts().l2StateSender(), spammer, exits);
    NetworkProfile profile = d.profile();
    // warm-up of both paths
    index(profile, Database.open(work.resolve("warm.db")));
    index(profile, pg.fresh("bench_warm"));
    double[] lite = new double[rounds];
    double[] post = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      lite[r] = index(profile, Database.open(work.resolve("lite-" + r + ".db")));
      post[r] = index(profile, pg.fresh("bench_index_" + r));
      System.out.printf(
          "round %d: SQLite %,.0f events/s, PostgreSQL %,.0f events/s, ratio %.2f%n",
          r + 1, lite[r], post[r], post[r] / lite[r]);
    }
    System.out.printf(
        "index rate, median of %d: SQLite %,.0f events/s, PostgreSQL %,.0f events/s,"
            + " ratio PostgreSQL/SQLite %.2f (aim >= 1.0)%n",
        rounds, median(lite), median(post), median(post) / median(lite));
  }

  /** Indexes the whole history into {@code db}; events per second. */
  private static double index(NetworkProfile p, Database db) {
    long t = System.nanoTime();
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
        Indexer ix = new Indexer(p, db, w, Duration.ofMillis(100))) {
      ix.catchUp();
    }
    double s = (System.nanoTime() - t) / 1e9;
    return IndexBench.rows(db) / s;
  }

  private static void firstPage(PgServer pg, int n) throws Exception {
    Database db = pg.fresh("bench_page");
    long t = System.nanoTime();
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      int batch = 10_000;
      for (int from = 0; from < n; from += batch) {
        List<StateSyncRow> rows = new ArrayList<>(batch);
        for (int i = from; i < Math.min(n, from + batch); i++) {
          rows.add(deposit(i));
        }
        w.submit(Batch.of(c -> new StateSyncDao(c).insert(rows))).get();
      }
    }
    System.out.printf(
        "deposits table: %,d rows written in %.1f s%n", n, (System.nanoTime() - t) / 1e9);
    pg.analyze("bench_page");
    Database reader = pg.reader("bench_page");
    double[] ms = new double[20];
    for (int i = 0; i < ms.length; i++) {
      long s = System.nanoTime();
      int got = reader.read(c -> new StateSyncDao(c).page(Optional.empty(), 50)).size();
      ms[i] = (System.nanoTime() - s) / 1e6;
      if (got != 50) {
        throw new IllegalStateException("first page has " + got + " rows");
      }
    }
    double worst = Arrays.stream(ms).max().orElse(0);
    System.out.printf(
        "first page of 50 of %,d deposits through a read-only reader (the first read opens its session): median %.1f ms, worst"
            + " %.1f ms (aim < 300 ms)%n",
        n, median(ms), worst);
  }

  /** A synthetic ERC-20 deposit: distinct id, tx and addresses; amounts of real size. */
  private static StateSyncRow deposit(long i) {
    Address a = Address.ofLow(0x100000 + i % 5000);
    Address b = Address.ofLow(0x200000 + i % 7000);
    Address token = Address.ofLow(0x70c);
    BigInteger amount = BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(1 + i % 1000));
    byte[] tx = new byte[32];
    for (int k = 0; k < 8; k++) {
      tx[31 - k] = (byte) (i >>> (8 * k));
    }
    tx[0] = 1;
    return new StateSyncRow(
        BigInteger.valueOf(i + 1),
        Address.ofLow(0xbeef),
        Address.ofLow(0x1004),
        Bytes.of(new byte[] {1, 2, 3}),
        PayloadKind.DEPOSIT,
        Optional.of(new Erc20Transfer(token, a, b, amount)),
        new EventRef(i / 100, (int) (i % 100), new Hash32(tx), 0));
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** Fresh databases on one server, through its admin URL. */
  private record PgServer(String adminUrl) {

    Database fresh(String name) throws Exception {
      try (Connection c = admin();
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name);
        s.execute("CREATE DATABASE " + name);
      }
      return Database.openPostgres(target(name), System.getenv(), true, false);
    }

    Database reader(String name) {
      return Database.openPostgres(target(name), System.getenv(), false, false);
    }

    void analyze(String name) throws Exception {
      PgTarget t = target(name);
      try (Connection c =
              java.sql.DriverManager.getConnection(
                  "jdbc:postgresql://" + t.host() + ":" + t.port() + "/" + name,
                  t.user(),
                  System.getenv().getOrDefault("PGPASSWORD", ""));
          Statement s = c.createStatement()) {
        s.execute("VACUUM ANALYZE state_syncs");
      }
    }

    private PgTarget target(String name) {
      PgTarget admin = PgTarget.parse(adminUrl, System.getenv());
      String q = adminUrl.contains("?") ? adminUrl.substring(adminUrl.indexOf('?')) : "";
      String base = "postgresql://" + admin.host() + ":" + admin.port() + "/" + name + q;
      return PgTarget.parse(base, System.getenv());
    }

    private Connection admin() throws Exception {
      PgTarget t = PgTarget.parse(adminUrl, System.getenv());
      return java.sql.DriverManager.getConnection(
          "jdbc:postgresql://" + t.host() + ":" + t.port() + "/" + t.database(),
          t.user(),
          System.getenv().getOrDefault("PGPASSWORD", ""));
    }
  }
}
