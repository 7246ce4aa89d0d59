package io.bridgescope.bench;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.proof.ExitProof;
import io.bridgescope.core.proof.LeafQueries;
import io.bridgescope.core.proof.ProofBuilder;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.ExitDao;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.core.store.rows.PayloadKind;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An exit proof in an epoch of {@code exits} exits, from a real SQLite index: {@code coldProof}
 * reads the epoch's leaves and builds the tree (a fresh builder, nothing cached); {@code warmProof}
 * is a later proof of the same epoch, served from the tree cache. Target: well under 100 ms cold.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProofBuilderBench {

  private static final long EPOCH = 7;
  private static final long EPOCH_SIZE = 10_000;

  @Param({"10000"})
  public int exits;

  private Path dir;
  private Database db;
  private BridgeContracts contracts;
  private ProofBuilder warm;
  private long next;

  @Setup
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("proof-bench");
    db = Database.open(dir.resolve("bench.db"));
    Address a = Address.ofLow(0x1234);
    contracts = new BridgeContracts(a, a, a, a, a, a, a, a);
    List<ExitRow> rows = new ArrayList<>(exits);
    long firstBlock = (EPOCH - 1) * EPOCH_SIZE;
    for (int i = 0; i < exits; i++) {
      long block = firstBlock + i % (EPOCH_SIZE - 1);
      rows.add(
          new ExitRow(
              BigInteger.valueOf(1_000 + i),
              Address.ofLow(0x1004),
              Address.ofLow(0xbeef),
              Bytes.of(new byte[160]),
              EPOCH,
              PayloadKind.MESSAGE,
              Optional.empty(),
              new EventRef(block, 1_700_000_000L + block, hash(i, 1), i)));
    }
    long checkpointBlock = EPOCH * EPOCH_SIZE;
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      w.submit(Batch.of(c -> new ExitDao(c).insert(rows))).join();
      Hash32 root =
          new Hash32(db.read(c -> LeafQueries.exitLeaves(c, EPOCH, checkpointBlock)).root());
      CheckpointRow cp =
          new CheckpointRow(
              hash(1, 9),
              a,
              true,
              EPOCH,
              checkpointBlock,
              root,
              hash(2, 9),
              BigInteger.ZERO,
              hash(3, 9),
              Bytes.of(new byte[64]),
              Bytes.of(new byte[] {15}),
              List.of(),
              500,
              0,
              0);
      w.submit(Batch.of(c -> new CheckpointDao(c).insert(List.of(cp)))).join();
    }
    warm = new ProofBuilder(db, contracts, EPOCH_SIZE);
    warm.exitProof(BigInteger.valueOf(1_000));
  }

  @TearDown
  public void tearDown() throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public ExitProof coldProof() {
    return new ProofBuilder(db, contracts, EPOCH_SIZE).exitProof(nextId());
  }

  @Benchmark
  public ExitProof warmProof() {
    return warm.exitProof(nextId());
  }

  private BigInteger nextId() {
    next = (next + 7919) % exits;
    return BigInteger.valueOf(1_000 + next);
  }

  private static Hash32 hash(long seed, int salt) {
    return new Hash32(ByteBuffer.allocate(32).putLong(salt).putLong(24, seed).array());
  }
}
