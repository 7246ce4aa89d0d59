package io.bridgescope.bench;

import io.bridgescope.core.network.BlsSchemeName;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.VerdictStatus;
import io.bridgescope.core.verify.SchemeSupport;
import io.bridgescope.core.verify.Verifier;
import io.bridgescope.core.verify.VerifyOptions;
import io.bridgescope.core.verify.VerifySummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code verify --all} throughput (issue 18, item 2): a history of many 100-validator commitments
 * ({@link VerifyHistory}) verified again and again through {@link Verifier#verifyAll()}, the entry
 * point of {@code ./bridgescope verify --all}, with the verifier's settings varied in one run.
 *
 * <p>{@code VerifyBench [--commitments N] [--validators V] [--syncs K] [--rounds R] [--baseline]
 * [--keep]}; see bench/README.md.
 */
public final class VerifyBench {

  private VerifyBench() {}

  public static void main(String[] args) throws Exception {
    int commitments = 2000;
    int validators = 100;
    int syncs = 10;
    int rounds = 3;
    boolean baseline = false;
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--commitments" -> commitments = Integer.parseInt(args[++i]);
        case "--validators" -> validators = Integer.parseInt(args[++i]);
        case "--syncs" -> syncs = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--baseline" -> baseline = true;
        case "--keep" -> keep = true;
        default -> {
          System.err.println(
              "usage: VerifyBench [--commitments N] [--validators V] [--syncs K] [--rounds R]"
                  + " [--baseline] [--keep]");
          System.exit(2);
        }
      }
    }
    Path work = Files.createTempDirectory("bridgescope-verify-bench-");
    try {
      run(work, new VerifyHistory(validators, commitments, syncs, 20), rounds, baseline);
    } finally {
      if (keep) {
        System.out.println("kept " + work);
      } else {
        deleteTree(work);
      }
    }
  }

  private static void run(Path work, VerifyHistory history, int rounds, boolean baseline) {
    int cores = Runtime.getRuntime().availableProcessors();
    long t0 = System.nanoTime();
    Database db = Database.open(work.resolve("index.db"));
    history.write(db);
    int commitments = db.read(c -> (int) new io.bridgescope.core.store.CommitmentDao(c).count());
    System.out.printf(
        "history: %,d commitments of %d validators, %,d checkpoints, built in %.1f s;"
            + " %d cores, Java %s%n",
        commitments,
        history.validatorsCount(),
        history.checkpoints(),
        seconds(t0),
        cores,
        Runtime.version());

    List<Setting> settings = new ArrayList<>();
    settings.add(new Setting("all cores (default settings)", VerifyOptions.defaults()));
    settings.add(new Setting("1 thread", new VerifyOptions(1, true, true)));
    if (baseline) {
      settings.add(
          new Setting("1 thread, signatures one by one", new VerifyOptions(1, true, false)));
      settings.add(
          new Setting(
              "1 thread, one by one, keys per signature", new VerifyOptions(1, false, false)));
    }
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      // Warm-up: JIT and page cache, one full pass with the default settings.
      measure(db, w, history, settings.get(0).options());
      double[][] rates = new double[settings.size()][rounds];
      double[][] perCpu = new double[settings.size()][rounds];
      for (int r = 0; r < rounds; r++) {
        for (int s = 0; s < settings.size(); s++) {
          long cpu0 = processCpuNanos();
          double secs = measure(db, w, history, settings.get(s).options());
          double cpuSecs = (processCpuNanos() - cpu0) / 1e9;
          rates[s][r] = commitments / secs;
          perCpu[s][r] = commitments / cpuSecs;
          System.out.printf(
              "  round %d  %-42s %8.1f commitments/s, %8.1f per CPU-second%n",
              r + 1, settings.get(s).name(), rates[s][r], perCpu[s][r]);
        }
      }
      System.out.println();
      System.out.printf(
          "verify --all, %,d commitments + %,d checkpoints, median of %d rounds:%n",
          commitments, history.checkpoints(), rounds);
      for (int s = 0; s < settings.size(); s++) {
        VerifyOptions o = settings.get(s).options();
        double median = median(rates[s]);
        System.out.printf(
            "  %-42s %8.1f commitments/s = %6.1f per core (%d thread%s); %6.1f per CPU-second%n",
            settings.get(s).name(),
            median,
            median / o.threads(),
            o.threads(),
            o.threads() == 1 ? "" : "s",
            median(perCpu[s]));
      }
      double perCore = median(rates[0]) / cores;
      System.out.printf("per-core rate on all cores: %.1f (aim >= 250)%n", perCore);
      if (baseline) {
        System.out.printf(
            "1 thread: batching %.2fx, key cache %.2fx, both %.2fx (per CPU-second)%n",
            median(perCpu[1]) / median(perCpu[2]),
            median(perCpu[2]) / median(perCpu[3]),
            median(perCpu[1]) / median(perCpu[3]));
      }
    }
  }

  private record Setting(String name, VerifyOptions options) {}

  /** One {@code verifyAll()}; fails unless every subject verified. Returns seconds. */
  private static double measure(Database db, StoreWriter w, VerifyHistory h, VerifyOptions o) {
    Verifier v =
        new Verifier(
            db,
            w,
            SchemeSupport.of(BlsSchemeName.BN254_EDGE),
            VerifyHistory.CHAIN_ID,
            h.epochSize(),
            Clock.systemUTC(),
            o);
    long t = System.nanoTime();
    VerifySummary s = v.verifyAll();
    double secs = seconds(t);
    int verified =
        s.commitments().get(VerdictStatus.VERIFIED) + s.checkpoints().get(VerdictStatus.VERIFIED);
    if (verified != s.total() || s.total() == 0) {
      throw new IllegalStateException("not everything verified: " + s);
    }
    return secs;
  }

  /**
   * CPU time of the whole process (verifier threads, store writer, GC): commitments per CPU-second
   * is the per-core rate that other load on a shared machine disturbs least.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
