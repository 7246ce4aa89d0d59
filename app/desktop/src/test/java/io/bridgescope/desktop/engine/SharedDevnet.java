package io.bridgescope.desktop.engine;

import static org.awaitility.Awaitility.await;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.ExitDao;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.store.rows.VerdictStatus;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One real devnet, indexed into a temp data dir, for a whole test class. Every third commitment
 * carries a wrong root (accepted on chain), so the verifier has a real failure to report.
 */
final class SharedDevnet implements AutoCloseable {

  final Devnet devnet;
  final Session session;
  final SessionManager sessions;

  SharedDevnet() throws Exception {
    Path work = Files.createTempDirectory("bs-gui-devnet-");
    DevnetConfig cfg =
        DevnetConfig.defaults().withCommitmentFaults(new DevnetConfig.CommitmentFaults(3, 0, 0));
    devnet = Devnet.start(cfg, DevnetHome.locate(), work.resolve("chains"), m -> {});
    DataDir data = new DataDir(work.resolve("data"));
    Path db = data.database(devnet.profile().name());
    Files.createDirectories(db.getParent());
    session =
        Session.open(
            devnet.profile(), SessionManager.DEVNET_LABEL, Database.open(db), Optional.empty());
    sessions = SessionManager.of(data, session);
  }

  /**
   * Waits until commitments (one failed verification), checkpoints and checkpointed exits exist.
   * The devnet makes them in about a minute on a quiet machine; the limit is for a loaded one.
   */
  void awaitTraffic() {
    await("commitments (one failed verification), checkpoints and exits indexed")
        .atMost(Duration.ofSeconds(300))
        .pollInterval(Duration.ofMillis(500))
        .until(this::hasTraffic);
  }

  private boolean hasTraffic() {
    return session
        .db()
        .read(
            c -> {
              Map<VerdictStatus, Long> v = new VerdictDao(c).countsByStatus(VerdictKind.COMMITMENT);
              boolean ok = v.getOrDefault(VerdictStatus.VERIFIED, 0L) > 0;
              boolean bad = v.getOrDefault(VerdictStatus.MISMATCH, 0L) > 0;
              var cp = new CheckpointDao(c).latest();
              boolean exits = cp.isPresent() && new CommitmentDao(c).count() >= 3;
              return ok && bad && exits && new ExitDao(c).count() > 2;
            });
  }

  @Override
  public void close() {
    session.close();
    devnet.close();
  }
}
