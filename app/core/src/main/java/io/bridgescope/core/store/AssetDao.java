package io.bridgescope.core.store;

import io.bridgescope.core.asset.AssetAction;
import io.bridgescope.core.asset.AssetItem;
import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.asset.AssetMessage;
import io.bridgescope.core.asset.AssetPayload;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The decoded payload of every bridge message ({@code asset_payloads}, {@code asset_items}): one
 * row per state sync or exit, written by {@link #classifyPending} in the same transaction that
 * stores the messages, so no message is ever without its reading.
 */
public final class AssetDao {

  private final Connection c;

  public AssetDao(Connection c) {
    this.c = c;
  }

  /**
   * Decodes the stored messages of one direction that have no payload row yet; returns how many
   * were classified. Messages are indexed in id order and classified in the same transaction, so
   * only ids above the highest classified one can be pending (the whole table once, for a database
   * indexed before level 5).
   */
  public int classifyPending(Direction d, AssetPredicates predicates) throws SQLException {
    String table = d.towardsChild() ? "state_syncs" : "exits";
    String side = d.towardsChild() ? "receiver" : "sender";
    List<AssetMessage> pending =
        Sql.list(
            c,
            "SELECT id, "
                + side
                + " AS side, data FROM "
                + table
                + " WHERE id > coalesce((SELECT max(id) FROM asset_payloads WHERE direction = ?),"
                + " ?) ORDER BY id",
            ps -> {
              ps.setString(1, d.key());
              ps.setBytes(2, new byte[0]);
            },
            rs -> {
              Address at = Sql.address(rs, "side");
              byte[] data = Sql.data(rs, "data").value();
              return new AssetMessage(
                  d,
                  Sql.u256(rs, "id"),
                  d.towardsChild()
                      ? predicates.decodeStateSync(at, data)
                      : predicates.decodeExit(at, data));
            });
    store(pending, predicates);
    return pending.size();
  }

  private static final Inserts PAYLOADS =
      new Inserts(
          "INSERT INTO asset_payloads (direction, id, asset_kind, predicate, token_home, action,"
              + " token, sender, item_count, name, symbol, decimals, uri, problem,"
              + " predicate_name)",
          15,
          "ON CONFLICT DO NOTHING");

  private static final Inserts ITEMS =
      new Inserts(
          "INSERT INTO asset_items (direction, id, item, recipient, token_id, amount)", 6, "");

  /** Stores one message's payload (ignored if the message already has one). */
  public void insert(AssetMessage m, AssetPredicates predicates) throws SQLException {
    store(List.of(m), predicates);
  }

  /** A message's key in {@code asset_payloads}. */
  private record Key(String direction, BigInteger id) {}

  /** One row of {@code asset_items}. */
  private record Item(AssetMessage message, int index, AssetItem item) {}

  /**
   * Stores the payload rows (a message that already has one keeps it) and then the item rows of the
   * payloads actually inserted: as many statements as {@link Inserts} needs, not one per message
   * (the payloads were one round trip each on a team index, issue 20).
   */
  private void store(List<AssetMessage> messages, AssetPredicates predicates) throws SQLException {
    Set<Key> added =
        new HashSet<>(
            PAYLOADS.runReturning(
                c,
                messages,
                (ps, at, m) -> bindPayload(ps, at, m, predicates),
                "direction, id",
                rs -> new Key(rs.getString("direction"), Sql.u256(rs, "id")),
                m -> new Key(m.direction().key(), m.id())));
    List<Item> items = new ArrayList<>();
    for (AssetMessage m : messages) {
      if (m.payload() instanceof AssetPayload.Transfer t
          && added.contains(new Key(m.direction().key(), m.id()))) {
        for (int i = 0; i < t.items().size(); i++) {
          items.add(new Item(m, i, t.items().get(i)));
        }
      }
    }
    ITEMS.run(
        c,
        items,
        (ps, at, it) -> {
          ps.setString(at + 1, it.message().direction().key());
          ps.setBytes(at + 2, Sql.u256(it.message().id()));
          ps.setInt(at + 3, it.index());
          ps.setBytes(at + 4, it.item().to().bytes());
          Sql.blob(ps, at + 5, it.item().tokenId().map(Sql::u256).orElse(null));
          ps.setBytes(at + 6, Sql.u256(it.item().amount()));
        });
  }

  /** Binds one message's payload row, its first column at parameter {@code at + 1}. */
  private void bindPayload(PreparedStatement ps, int at, AssetMessage m, AssetPredicates predicates)
      throws SQLException {
    AssetPayload p = m.payload();
    Optional<AssetPredicate> predicate = predicate(p);
    ps.setString(at + 1, m.direction().key());
    ps.setBytes(at + 2, Sql.u256(m.id()));
    ps.setString(at + 3, p.kind().key());
    Sql.blob(ps, at + 4, predicate.map(predicates::address).map(a -> a.bytes()).orElse(null));
    text(ps, at + 5, predicate.map(x -> x.home().key()));
    text(ps, at + 15, predicate.map(AssetPredicate::key));
    ps.setInt(at + 9, 0);
    for (int i : new int[] {6, 7, 8, 10, 11, 13, 14}) {
      ps.setNull(at + i, i == 7 || i == 8 ? Dialect.of(c).blobType() : Types.VARCHAR);
    }
    ps.setNull(at + 12, Types.INTEGER);
    if (p instanceof AssetPayload.Transfer t) {
      ps.setString(at + 6, t.action().key());
      ps.setBytes(at + 7, t.token().bytes());
      ps.setBytes(at + 8, t.from().bytes());
      ps.setInt(at + 9, t.items().size());
    } else if (p instanceof AssetPayload.Mapping mp) {
      ps.setString(at + 6, AssetAction.MAP_TOKEN.key());
      ps.setBytes(at + 7, mp.token().bytes());
      text(ps, at + 10, mp.name());
      text(ps, at + 11, mp.symbol());
      if (mp.decimals().isPresent()) {
        ps.setInt(at + 12, mp.decimals().getAsInt());
      }
      text(ps, at + 13, mp.uri());
    } else {
      ps.setString(at + 14, ((AssetPayload.Unknown) p).reason());
    }
  }

  private static Optional<AssetPredicate> predicate(AssetPayload p) {
    if (p instanceof AssetPayload.Transfer t) {
      return Optional.of(t.predicate());
    }
    if (p instanceof AssetPayload.Mapping m) {
      return Optional.of(m.predicate());
    }
    return ((AssetPayload.Unknown) p).predicate();
  }

  private static void text(PreparedStatement ps, int i, Optional<String> s) throws SQLException {
    if (s.isPresent()) {
      ps.setString(i, s.get());
    } else {
      ps.setNull(i, Types.VARCHAR);
    }
  }

  public Optional<AssetPayload> payload(Direction d, BigInteger id) throws SQLException {
    return Sql.one(
        c,
        "SELECT * FROM asset_payloads WHERE direction = ? AND id = ?",
        ps -> {
          ps.setString(1, d.key());
          ps.setBytes(2, Sql.u256(id));
        },
        rs -> map(rs).payload());
  }

  /**
   * Messages of one direction, newest first, optionally only of one asset kind and/or one token
   * (the token as the payload names it: on its home chain). Keyset paging as in StateSyncDao.
   */
  public List<AssetMessage> page(
      Direction d,
      Optional<AssetKind> kind,
      Optional<Address> token,
      Optional<BigInteger> beforeId,
      int limit)
      throws SQLException {
    Sql.checkLimit(limit);
    return Sql.list(
        c,
        "SELECT * FROM asset_payloads WHERE direction = ?1 AND id < ?2"
            + " AND (?3 IS NULL OR asset_kind = ?3) AND (?4 IS NULL OR token = ?4)"
            + " ORDER BY id DESC LIMIT ?5",
        ps -> {
          ps.setString(1, d.key());
          ps.setBytes(2, Sql.before(beforeId));
          text(ps, 3, kind.map(AssetKind::key));
          Sql.blob(ps, 4, token.map(Address::bytes).orElse(null));
          ps.setInt(5, limit);
        },
        this::map);
  }

  private AssetMessage map(ResultSet rs) throws SQLException {
    Direction d = Direction.fromKey(rs.getString("direction"));
    BigInteger id = Sql.u256(rs, "id");
    AssetKind kind = AssetKind.fromKey(rs.getString("asset_kind"));
    Optional<AssetPredicate> predicate =
        Optional.ofNullable(rs.getString("predicate_name")).map(AssetPredicate::fromKey);
    if (kind == AssetKind.UNKNOWN) {
      return new AssetMessage(d, id, new AssetPayload.Unknown(predicate, rs.getString("problem")));
    }
    AssetPredicate p = predicate.orElseThrow();
    AssetAction action = AssetAction.fromKey(rs.getString("action"));
    Address token = Sql.address(rs, "token");
    if (action == AssetAction.MAP_TOKEN) {
      int dec = rs.getInt("decimals");
      OptionalInt decimals = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(dec);
      return new AssetMessage(
          d,
          id,
          new AssetPayload.Mapping(
              p,
              token,
              Optional.ofNullable(rs.getString("name")),
              Optional.ofNullable(rs.getString("symbol")),
              decimals,
              Optional.ofNullable(rs.getString("uri"))));
    }
    return new AssetMessage(
        d,
        id,
        new AssetPayload.Transfer(p, action, token, Sql.address(rs, "sender"), items(d, id)));
  }

  private List<AssetItem> items(Direction d, BigInteger id) throws SQLException {
    return Sql.list(
        c,
        "SELECT * FROM asset_items WHERE direction = ? AND id = ? ORDER BY item",
        ps -> {
          ps.setString(1, d.key());
          ps.setBytes(2, Sql.u256(id));
        },
        rs -> {
          byte[] tokenId = rs.getBytes("token_id");
          return new AssetItem(
              Sql.address(rs, "recipient"),
              tokenId == null ? Optional.empty() : Optional.of(Sql.u256(tokenId)),
              Sql.u256(rs, "amount"));
        });
  }

  public long count(Direction d, AssetKind kind) throws SQLException {
    return Sql.count(
        c,
        "SELECT count(*) FROM asset_payloads WHERE direction = ? AND asset_kind = ?",
        ps -> {
          ps.setString(1, d.key());
          ps.setString(2, kind.key());
        });
  }
}
