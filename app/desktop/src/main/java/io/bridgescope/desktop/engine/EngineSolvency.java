package io.bridgescope.desktop.engine;

import io.bridgescope.core.asset.TokenMetadata;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.solvency.Solvency;
import io.bridgescope.core.solvency.SolvencyHistory;
import io.bridgescope.core.solvency.SolvencyReport;
import io.bridgescope.core.solvency.SupplyLogs;
import io.bridgescope.desktop.ports.SolvencySource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The Solvency screen over the open session: its index, and its profile's nodes for balances. */
final class EngineSolvency implements SolvencySource {

  private final SessionManager sessions;

  /** The NFT supply logs read for the session they belong to: each block is read once a session. */
  private @Nullable Session logsOf;

  private @Nullable SupplyLogs logs;

  EngineSolvency(SessionManager sessions) {
    this.sessions = sessions;
  }

  @Override
  public boolean isConnected() {
    return sessions.current().isPresent();
  }

  @Override
  public Optional<SolvencyReport> check() throws Exception {
    Session s =
        sessions.current().orElseThrow(() -> new IllegalStateException("no network is open"));
    Optional<SolvencyReport> r;
    try (ChainClient root = new ChainClient("root", s.profile().root().primaryRpcUrl());
        ChainClient child = new ChainClient("child", s.profile().child().primaryRpcUrl())) {
      r = new Solvency(s.profile(), s.db(), root, child, logsFor(s)).check();
    }
    if (r.isPresent() && r.get().unsettled().isEmpty()) {
      // kept in the local file (a team index is the indexer's to write), through its one writer
      SolvencyReport found = r.get();
      s.writer().call(c -> SolvencyHistory.record(c, found, Instant.now())).get();
    }
    return r;
  }

  @Override
  public List<SolvencyHistory.Entry> history(int limit) {
    Session s =
        sessions.current().orElseThrow(() -> new IllegalStateException("no network is open"));
    return s.localDb().read(c -> SolvencyHistory.latest(c, limit));
  }

  private synchronized SupplyLogs logsFor(Session s) {
    SupplyLogs known = logs;
    if (known == null || logsOf != s) {
      known = new SupplyLogs();
      logs = known;
      logsOf = s;
    }
    return known;
  }

  @Override
  public Optional<TokenMetadata> metadata(Address rootToken) {
    Session s =
        sessions.current().orElseThrow(() -> new IllegalStateException("no network is open"));
    return AssetFields.metadata(s.db(), ChainRole.ROOT, rootToken);
  }

  @Override
  public AutoCloseable subscribe(Runnable changed) {
    return new SessionFollower(sessions, changed);
  }
}
