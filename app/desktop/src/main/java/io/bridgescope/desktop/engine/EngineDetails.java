package io.bridgescope.desktop.engine;

import io.bridgescope.core.evidence.EvidenceBundle;
import io.bridgescope.core.evidence.EvidenceJson;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.verify.EvidenceExport;
import io.bridgescope.desktop.ports.DetailSource;
import io.bridgescope.desktop.ports.MessageDetail;
import io.bridgescope.desktop.ports.TreeDetail;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The detail panes and evidence export over the open session. */
final class EngineDetails implements DetailSource {

  private final SessionManager sessions;

  EngineDetails(SessionManager sessions) {
    this.sessions = sessions;
  }

  private Session session() {
    return sessions.current().orElseThrow(() -> new IllegalStateException("no network is open"));
  }

  @Override
  public boolean isConnected() {
    return sessions.current().isPresent();
  }

  @Override
  public Optional<MessageDetail> deposit(BigInteger id) {
    return MessageDetails.deposit(session(), id);
  }

  @Override
  public Optional<MessageDetail> exit(BigInteger id) {
    return MessageDetails.exit(session(), id);
  }

  @Override
  public Optional<TreeDetail> tree(boolean commitment, String key, Optional<BigInteger> leafId) {
    return TreeDetails.load(session(), commitment, key, leafId).map(TreeDetails.Loaded::detail);
  }

  @Override
  public String evidence(boolean commitment, String key) throws Exception {
    Session s = session();
    // The same bundle `export-evidence` writes, so `verify-evidence` re-checks it (ADR 0015).
    Optional<EvidenceBundle> b =
        s.db()
            .read(
                c ->
                    commitment
                        ? EvidenceExport.commitment(c, s.profile(), new BigInteger(key))
                        : EvidenceExport.checkpoint(c, s.profile(), Hash32.of(key)));
    return new String(
        EvidenceJson.write(
            b.orElseThrow(() -> new IllegalArgumentException("nothing indexed for " + key))),
        StandardCharsets.UTF_8);
  }

  @Override
  public Optional<String> network() {
    return sessions.current().map(s -> s.profile().name());
  }

  @Override
  public Optional<String> explorerUrl(boolean rootChain, String txHash) {
    ChainRole role = rootChain ? ChainRole.ROOT : ChainRole.CHILD;
    Optional<String> base =
        sessions
            .settings()
            .explorer(role)
            .or(
                () ->
                    sessions
                        .current()
                        .flatMap(s -> s.profile().chain(role).explorerUrl())
                        .map(Object::toString));
    return base.map(b -> (b.endsWith("/") ? b : b + "/") + "tx/" + txHash);
  }
}
