package io.bridgescope.core.store;

import static io.bridgescope.core.store.Fixtures.cursor;
import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.BlockHashRow;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.store.rows.VerdictRow;
import io.bridgescope.core.store.rows.VerdictStatus;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReorgsTest {

  /** The store under test; the PostgreSQL variant overrides this. */
  Database openStore(String name) {
    return Database.open(dir.resolve(name));
  }

  @TempDir Path dir;

  @Test
  void rewindDeletesExactlyTheRowsAboveTheBlockOnThatChain() throws Exception {
    Database db = openStore("r.db");
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      w.submit(
              Batch.advancing(
                  cursor(ChainRole.ROOT, 20),
                  List.of(
                      c -> {
                        List<StateSyncRow> rows = new ArrayList<>();
                        LongStream.rangeClosed(1, 20)
                            .forEach(b -> rows.add(Fixtures.deposit(b, b)));
                        new StateSyncDao(c).insert(rows);
                        new CheckpointDao(c)
                            .insert(
                                List.of(
                                    Fixtures.checkpoint(1, 10, 12, true),
                                    Fixtures.checkpoint(2, 20, 18, true)));
                        new ExitDao(c).insertResults(List.of(Fixtures.result(1, true, 16)));
                        var hashes = new ArrayList<BlockHashRow>();
                        LongStream.rangeClosed(1, 20)
                            .forEach(
                                b ->
                                    hashes.add(
                                        new BlockHashRow(
                                            b, Fixtures.hash(b, 2), Fixtures.hash(b - 1, 2))));
                        new CursorDao(c).saveBlockHashes(ChainRole.ROOT, hashes);
                        // child rows at high block numbers must survive a root rewind
                        new ExitDao(c).insert(List.of(Fixtures.withdrawal(1, 99, 9)));
                        new CommitmentDao(c).insert(List.of(Fixtures.commitment(1, 12, 50)));
                        new VerdictDao(c).save(verdict(VerdictKind.COMMITMENT, 50));
                        new VerdictDao(c).save(verdict(VerdictKind.CHECKPOINT, 18));
                      })))
          .get();

      var deleted = w.call(c -> Reorgs.rewind(c, ChainRole.ROOT, 15)).get();

      assertThat(deleted)
          .containsEntry("state_syncs", 5)
          .containsEntry("checkpoints", 1)
          .containsEntry("exit_results", 1)
          .containsEntry("block_hashes", 5)
          .containsEntry("validator_sets", 2)
          // the removed checkpoint's verdict; commitment 1..12 does not use ids 16..20
          .containsEntry("verdicts", 1);
    }
    db.read(
        c -> {
          var syncs = new StateSyncDao(c);
          assertThat(syncs.count()).isEqualTo(15);
          assertThat(syncs.lastId()).contains(BigInteger.valueOf(15));
          assertThat(new CheckpointDao(c).count()).isEqualTo(1);
          assertThat(new ExitDao(c).count()).isEqualTo(1);
          assertThat(new CommitmentDao(c).count()).isEqualTo(1);
          assertThat(new CursorDao(c).recentBlockHashes(ChainRole.ROOT, 100)).hasSize(15);
          assertThat(new VerdictDao(c).get(VerdictKind.COMMITMENT, Fixtures.hash(50, 1)))
              .isPresent();
          return null;
        });
  }

  @Test
  void rootRewindDropsCommitmentVerdictsBuiltFromRemovedStateSyncs() throws Exception {
    Database db = openStore("v.db");
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      w.submit(
              Batch.of(
                  c -> {
                    new StateSyncDao(c)
                        .insert(List.of(Fixtures.deposit(1, 1), Fixtures.deposit(2, 9)));
                    new CommitmentDao(c).insert(List.of(Fixtures.commitment(1, 2, 50)));
                    new VerdictDao(c).save(verdict(VerdictKind.COMMITMENT, 50));
                  }))
          .get();
      w.submit(
              Batch.advancing(cursor(ChainRole.ROOT, 5), List.of(Reorgs.rewind(ChainRole.ROOT, 5))))
          .get();
    }
    Optional<VerdictRow> v =
        db.read(c -> new VerdictDao(c).get(VerdictKind.COMMITMENT, Fixtures.hash(50, 1)));
    assertThat(v).isEmpty();
  }

  private static VerdictRow verdict(VerdictKind kind, long block) {
    return new VerdictRow(
        kind,
        Fixtures.hash(block, kind == VerdictKind.COMMITMENT ? 1 : 9),
        block,
        VerdictStatus.VERIFIED,
        "root rebuilt from 12 leaves matches",
        Optional.of("{\"leaves\":12}"),
        Instant.ofEpochMilli(1_700_000_000_000L));
  }
}
