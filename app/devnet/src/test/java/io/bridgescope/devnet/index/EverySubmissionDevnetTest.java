package io.bridgescope.devnet.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bridgescope.core.evidence.EvidenceBundle;
import io.bridgescope.core.evidence.EvidenceJson;
import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.SubmissionRevertDao;
import io.bridgescope.core.store.ValidatorSetDao;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.core.store.rows.ValidatorSetRow;
import io.bridgescope.core.store.rows.ValidatorSetSource;
import io.bridgescope.core.verify.EvidenceExport;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A demo run with the rejection knobs on, indexed from scratch on an archive root and on a pruned
 * root (anvil --prune-history: no historical eth_call, eth_getStorageAt or eth_getBalance): the
 * index finds every accepted checkpoint and every rejected submission the devnet made, each with a
 * reason, without reading historical state.
 */
@Tag("devnet")
class EverySubmissionDevnetTest {

  @TempDir Path work;

  @Test
  void onAnArchiveRootEverySubmissionIsIndexed() throws Exception {
    run(false);
  }

  @Test
  void onAPrunedRootEverySubmissionIsIndexed() throws Exception {
    run(true);
  }

  private void run(boolean pruned) throws Exception {
    DevnetConfig cfg =
        DevnetConfig.defaults().toBuilder()
            .rootPruned(pruned)
            .belowQuorumEvery(2)
            .wrongDomainEvery(3)
            .build();
    try (Devnet d = Devnet.start(cfg, DevnetHome.locate(), work, m -> {})) {
      await("4 checkpoints accepted and 3 submissions rejected")
          .atMost(Duration.ofSeconds(240))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> d.status().checkpoints() >= 4 && d.rejectedSubmissions().size() >= 3);
      List<Long> acceptedBefore = d.checkpointBlocks();
      Database db = Database.open(work.resolve("index.db"));
      try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
          Indexer ix = new Indexer(d.profile(), db, w, Duration.ofMillis(200))) {
        ix.catchUp();
        long cursor =
            db.read(c -> new CursorDao(c).get(ChainRole.ROOT)).map(Cursor::lastBlock).orElseThrow();

        // Accepted: every one the devnet made up to the indexed block, in order.
        List<Long> indexedAccepted = accepted(db);
        assertThat(indexedAccepted).hasSizeGreaterThanOrEqualTo(acceptedBefore.size());
        assertThat(d.checkpointBlocks()).startsWith(indexedAccepted.toArray(Long[]::new));
        // The first checkpoint's set came from its own calldata (the devnet profile names none).
        Optional<ValidatorSetRow> initial =
            db.read(c -> new ValidatorSetDao(c).get(ValidatorSetSource.GENESIS, 0));
        assertThat(initial).isPresent();

        // Rejected: exactly the ones the devnet made in the indexed blocks (the devnet records
        // each one just after its receipt, so it may lag a moment behind the chain).
        Map<Hash32, SubmissionRevertDao.Rejected> indexed = new TreeMap<>();
        db.read(c -> new SubmissionRevertDao(c).all()).forEach(r -> indexed.put(r.submitTx(), r));
        Map<Hash32, String> made = new TreeMap<>();
        await("the devnet's rejected submissions up to block " + cursor + " match the index")
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> {
                  made.clear();
                  made.putAll(madeUpTo(d, cursor));
                  assertThat(indexed.keySet()).containsExactlyInAnyOrderElementsOf(made.keySet());
                });
        assertThat(made).hasSizeGreaterThanOrEqualTo(3);
        for (SubmissionRevertDao.Rejected r : indexed.values()) {
          if (!r.source().equals("none")) {
            assertThat(r.reason())
                .as("reason of " + r.submitTx())
                .isEqualTo(made.get(r.submitTx()));
          }
        }
        // The evidence bundle of an epoch's accepted checkpoint lists its rejected submissions,
        // and they survive writing and reading the bundle.
        SubmissionRevertDao.Rejected first = indexed.values().iterator().next();
        CheckpointRow acceptedOfEpoch =
            db.read(c -> new CheckpointDao(c).latestOfEpoch(first.epoch())).orElseThrow();
        EvidenceBundle bundle =
            db.read(c -> EvidenceExport.checkpoint(c, d.profile(), acceptedOfEpoch.submitTx()))
                .orElseThrow();
        EvidenceBundle read = EvidenceJson.read(EvidenceJson.write(bundle));
        assertThat(read.rejected())
            .extracting(EvidenceBundle.RejectedSubmission::submitTx)
            .contains(first.submitTx())
            .containsExactlyElementsOf(
                bundle.rejected().stream()
                    .map(EvidenceBundle.RejectedSubmission::submitTx)
                    .toList());
        Map<String, Long> sources =
            indexed.values().stream()
                .collect(
                    Collectors.groupingBy(
                        SubmissionRevertDao.Rejected::source, TreeMap::new, Collectors.counting()));
        System.out.printf(
            "%s root: rejected submissions made %d, indexed %d (reasons by source %s);"
                + " accepted checkpoints indexed %d%n",
            pruned ? "pruned" : "archive",
            made.size(),
            indexed.size(),
            sources,
            indexedAccepted.size());
      }
    }
  }

  private static List<Long> accepted(Database db) {
    List<CheckpointRow> all = new ArrayList<>();
    Optional<CheckpointRow> after = Optional.empty();
    while (true) {
      Optional<CheckpointRow> a = after;
      List<CheckpointRow> page = db.read(c -> new CheckpointDao(c).page(a, 100));
      if (page.isEmpty()) {
        break;
      }
      all.addAll(page);
      after = Optional.of(page.get(page.size() - 1));
    }
    return all.stream()
        .filter(CheckpointRow::success)
        .sorted(
            java.util.Comparator.comparingLong(CheckpointRow::blockNumber)
                .thenComparingInt(CheckpointRow::txIndex))
        .map(CheckpointRow::checkpointBlock)
        .toList();
  }

  private static Map<Hash32, String> madeUpTo(Devnet d, long block) {
    Map<Hash32, String> out = new TreeMap<>();
    d.rejectedSubmissions()
        .forEach(
            (tx, reason) -> {
              long b = d.root().receipt(tx).orElseThrow().getBlockNumber().longValueExact();
              if (b <= block) {
                out.put(tx, reason);
              }
            });
    return out;
  }
}
