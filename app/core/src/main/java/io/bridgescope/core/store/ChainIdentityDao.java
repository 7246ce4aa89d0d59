package io.bridgescope.core.store;

import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.ChainPin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The pinned identity of each chain (see V004__chain_identity.sql). */
public final class ChainIdentityDao {

  private final Connection c;

  public ChainIdentityDao(Connection c) {
    this.c = c;
  }

  public Optional<ChainPin> get(ChainRole chain) throws SQLException {
    return Sql.one(
        c,
        "SELECT chain_id, genesis_hash FROM chain_identity WHERE chain = ?",
        ps -> ps.setString(1, chain.key()),
        rs -> new ChainPin(chain, rs.getLong(1), Sql.hash(rs, "genesis_hash")));
  }

  /**
   * Pins {@code pin} unless the chain is pinned already, and returns what is pinned now: the caller
   * compares it, so two writers racing to pin different chains cannot both win.
   */
  public ChainPin pinIfAbsent(ChainPin pin, Instant now) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO chain_identity (chain, chain_id, genesis_hash, pinned_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (chain) DO NOTHING",
        ps -> {
          ps.setString(1, pin.chain().key());
          ps.setLong(2, pin.chainId());
          ps.setBytes(3, pin.genesisHash().bytes());
          ps.setLong(4, now.toEpochMilli());
        });
    return get(pin.chain()).orElseThrow();
  }
}
