package io.bridgescope.desktop.engine;

import io.bridgescope.core.asset.TokenMetadata;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.solvency.Solvency;
import io.bridgescope.core.solvency.SolvencyReport;
import io.bridgescope.desktop.ports.SolvencySource;
import java.util.Optional;

/** The Solvency screen over the open session: its index, and its profile's nodes for balances. */
final class EngineSolvency implements SolvencySource {

  private final SessionManager sessions;

  EngineSolvency(SessionManager sessions) {
    this.sessions = sessions;
  }

  @Override
  public boolean isConnected() {
    return sessions.current().isPresent();
  }

  @Override
  public Optional<SolvencyReport> check() {
    Session s =
        sessions.current().orElseThrow(() -> new IllegalStateException("no network is open"));
    try (ChainClient root = new ChainClient("root", s.profile().root().primaryRpcUrl());
        ChainClient child = new ChainClient("child", s.profile().child().primaryRpcUrl())) {
      return new Solvency(s.profile(), s.db(), root, child).check();
    }
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
