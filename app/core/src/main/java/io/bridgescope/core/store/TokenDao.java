package io.bridgescope.core.store;

import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.TokenMapping;
import io.bridgescope.core.asset.TokenMetadata;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.EventRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Token pairs from the child's mapping events ({@code token_mappings}) and the cached name, symbol
 * and decimals of token contracts ({@code token_metadata}).
 */
public final class TokenDao {

  private final Connection c;

  public TokenDao(Connection c) {
    this.c = c;
  }

  /** Inserts mapping events not stored yet; returns how many were new. */
  public int insertMappings(List<TokenMapping> rows) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO token_mappings (predicate, asset_kind, token_home, native_token,"
                + " mirror_token, block_number, tx_hash, log_index, predicate_name)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (TokenMapping m : rows) {
        ps.setBytes(1, m.predicateAddress().bytes());
        ps.setString(2, m.predicate().kind().key());
        ps.setString(3, m.predicate().home().key());
        ps.setBytes(4, m.nativeToken().bytes());
        ps.setBytes(5, m.mirrorToken().bytes());
        ps.setLong(6, m.event().blockNumber());
        ps.setBytes(7, m.event().txHash().bytes());
        ps.setInt(8, m.event().logIndex());
        ps.setString(9, m.predicate().key());
        ps.addBatch();
      }
      return ResultTable.sum(ps.executeBatch());
    }
  }

  /**
   * The first mapping of a token named on its home chain by {@code predicate}'s family. The
   * contracts refuse a second mapping, so a later one can only come from a misbehaving node and the
   * first stands.
   */
  public Optional<TokenMapping> mappingOf(AssetPredicate predicate, Address nativeToken)
      throws SQLException {
    return Sql.one(
        c,
        "SELECT * FROM token_mappings WHERE native_token = ? AND predicate_name = ?"
            + " ORDER BY block_number, log_index LIMIT 1",
        ps -> {
          ps.setBytes(1, nativeToken.bytes());
          ps.setString(2, predicate.key());
        },
        TokenDao::mapping);
  }

  /** Every mapping whose native or mirror token is {@code token}, oldest first. */
  public List<TokenMapping> mappingsWith(Address token) throws SQLException {
    return Sql.list(
        c,
        "SELECT * FROM token_mappings WHERE native_token = ?1 OR mirror_token = ?1"
            + " ORDER BY block_number, log_index",
        ps -> ps.setBytes(1, token.bytes()),
        TokenDao::mapping);
  }

  public List<TokenMapping> allMappings() throws SQLException {
    return Sql.list(
        c,
        "SELECT * FROM token_mappings ORDER BY block_number, log_index",
        ps -> {},
        TokenDao::mapping);
  }

  private static TokenMapping mapping(ResultSet rs) throws SQLException {
    return new TokenMapping(
        AssetPredicate.fromKey(rs.getString("predicate_name")),
        Sql.address(rs, "predicate"),
        Sql.address(rs, "native_token"),
        Sql.address(rs, "mirror_token"),
        new EventRef(
            rs.getLong("block_number"), 0, Sql.hash(rs, "tx_hash"), rs.getInt("log_index")));
  }

  /** Stores what a token said about itself (replacing an earlier reading). */
  public void putMetadata(TokenMetadata m, long readAtMillis) throws SQLException {
    Sql.update(
        c,
        Dialect.of(c)
            .upsert(
                "token_metadata",
                List.of("chain", "token", "name", "symbol", "decimals", "problem", "read_at"),
                List.of("chain", "token")),
        ps -> {
          ps.setString(1, m.chain().key());
          ps.setBytes(2, m.token().bytes());
          text(ps, 3, m.name());
          text(ps, 4, m.symbol());
          if (m.decimals().isPresent()) {
            ps.setInt(5, m.decimals().getAsInt());
          } else {
            ps.setNull(5, Types.INTEGER);
          }
          text(ps, 6, m.problem());
          ps.setLong(7, readAtMillis);
        });
  }

  public Optional<TokenMetadata> metadata(ChainRole chain, Address token) throws SQLException {
    return Sql.one(
        c,
        "SELECT * FROM token_metadata WHERE chain = ? AND token = ?",
        ps -> {
          ps.setString(1, chain.key());
          ps.setBytes(2, token.bytes());
        },
        rs -> {
          int d = rs.getInt("decimals");
          OptionalInt decimals = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(d);
          return new TokenMetadata(
              chain,
              token,
              Optional.ofNullable(rs.getString("name")),
              Optional.ofNullable(rs.getString("symbol")),
              decimals,
              Optional.ofNullable(rs.getString("problem")));
        });
  }

  /**
   * What the token's own MAP_TOKEN message said (name, symbol, decimals as the predicate read them
   * from the token when mapping it): a fallback for a token whose contract was not asked yet.
   */
  public Optional<TokenMetadata> fromMapping(ChainRole home, Address token) throws SQLException {
    return Sql.one(
        c,
        "SELECT name, symbol, decimals FROM asset_payloads WHERE token = ? AND action = 'map_token'"
            + " ORDER BY id LIMIT 1",
        ps -> ps.setBytes(1, token.bytes()),
        rs -> {
          int d = rs.getInt("decimals");
          OptionalInt decimals = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(d);
          return new TokenMetadata(
              home,
              token,
              Optional.ofNullable(rs.getString("name")),
              Optional.ofNullable(rs.getString("symbol")),
              decimals,
              Optional.of("from the token's MAP_TOKEN message"));
        });
  }

  private static void text(PreparedStatement ps, int i, Optional<String> s) throws SQLException {
    if (s.isPresent()) {
      ps.setString(i, s.get());
    } else {
      ps.setNull(i, Types.VARCHAR);
    }
  }
}
