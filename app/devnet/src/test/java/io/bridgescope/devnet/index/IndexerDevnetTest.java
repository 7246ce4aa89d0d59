package io.bridgescope.devnet.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.EpochDao;
import io.bridgescope.core.store.ExitDao;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.ValidatorSetDao;
import io.bridgescope.core.store.rows.ValidatorSetSource;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index of a live devnet agrees with the chains' own counters. */
@Tag("devnet")
class IndexerDevnetTest {

  @TempDir Path work;

  @Test
  void indexMatchesTheChains() throws Exception {
    try (Devnet d = Devnet.start(DevnetConfig.defaults(), DevnetHome.locate(), work, m -> {})) {
      await("2 checkpoints accepted")
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> d.status().checkpoints() >= 2);
      NetworkProfile p = d.profile();
      Database db = Database.open(work.resolve("index.db"));
      try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
          Indexer ix = new Indexer(p, db, w, Duration.ofMillis(200))) {
        ix.catchUp();
        long syncs = db.read(c -> new StateSyncDao(c).count());
        long exits = db.read(c -> new ExitDao(c).count());
        long commitments = db.read(c -> new CommitmentDao(c).count());
        long checkpoints = db.read(c -> new CheckpointDao(c).count());
        BigInteger lastCommitted =
            db.read(c -> new CommitmentDao(c).lastCommittedId()).orElseThrow();
        BigInteger onChainSyncs =
            new BigInteger(
                1, d.root().call(d.contracts().stateSender(), BridgeAbi.noArgView("counter()")));
        assertThat(syncs).isPositive();
        assertThat(BigInteger.valueOf(syncs)).isLessThanOrEqualTo(onChainSyncs);
        assertThat(commitments).isPositive();
        assertThat(checkpoints).isGreaterThanOrEqualTo(2);
        assertThat(exits).isPositive();
        assertThat(lastCommitted).isPositive();
        // Epochs come from the child's NewEpoch events, each exactly epochSize blocks long, with
        // the validator set read at the block that closed it.
        var epoch = db.read(c -> new EpochDao(c).latest()).orElseThrow();
        assertThat(epoch.length()).isEqualTo(p.epochSize());
        assertThat(epoch.endBlock()).isEqualTo(epoch.id() * p.epochSize());
        var set =
            db.read(c -> new ValidatorSetDao(c).get(ValidatorSetSource.CHILD, epoch.id()))
                .orElseThrow();
        assertThat(set.validators())
            .extracting(v -> v.address())
            .containsExactlyElementsOf(
                d.validators().validatorSet().stream().map(v -> v.address()).toList());
        System.out.printf(
            "indexed %d syncs, %d commitments, %d exits, %d checkpoints%n",
            syncs, commitments, exits, checkpoints);
      }
    }
  }
}
