package io.bridgescope.desktop.engine;

import io.bridgescope.core.asset.AssetItem;
import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.asset.AssetPayload;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.asset.TokenAmounts;
import io.bridgescope.core.asset.TokenHome;
import io.bridgescope.core.asset.TokenMapping;
import io.bridgescope.core.asset.TokenMetadata;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.AssetDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.TokenDao;
import io.bridgescope.desktop.ports.AssetCells;
import io.bridgescope.desktop.ports.TokenChoice;
import io.bridgescope.desktop.widgets.ShortHex;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The asset cells of a page of Deposits or Exits rows, read from the decoded payloads in one read
 * (the token metadata of a page's tokens asked once each), and the tokens the token filter offers.
 * Runs on a worker thread.
 */
final class AssetCellsReader {

  /** Items shown in the table's amount cell before "and N more" (the CSV parts list them all). */
  static final int SHOWN_ITEMS = 4;

  private AssetCellsReader() {}

  /** A decoded message's payload and the party names it gives (for the sender/receiver cells). */
  record Read(AssetCells cells, Optional<Address> from, Optional<Address> to) {}

  static Map<BigInteger, Read> read(Database db, Direction d, List<BigInteger> ids) {
    return db.read(
        c -> {
          Map<String, Optional<TokenMetadata>> meta = new HashMap<>();
          Map<BigInteger, Read> out = new HashMap<>();
          AssetDao assets = new AssetDao(c);
          for (BigInteger id : ids) {
            Optional<AssetPayload> p = assets.payload(d, id);
            if (p.isPresent()) {
              out.put(id, read(c, p.get(), meta));
            }
          }
          return out;
        });
  }

  private static Read read(Connection c, AssetPayload p, Map<String, Optional<TokenMetadata>> cache)
      throws SQLException {
    if (p instanceof AssetPayload.Unknown) {
      return new Read(
          new AssetCells(AssetCells.UNKNOWN, "", "", "", AssetCells.UNKNOWN, "", "", ""),
          Optional.empty(),
          Optional.empty());
    }
    if (p instanceof AssetPayload.Mapping m) {
      Optional<TokenMetadata> meta = metadata(c, m.predicate(), m.token(), cache);
      String sym = symbol(meta);
      return new Read(
          new AssetCells(
              AssetFields.label(m.kind()),
              "map token",
              m.token().toString(),
              sym,
              "token mapping" + (sym.isEmpty() ? "" : " (" + sym + ")"),
              "",
              "",
              ""),
          Optional.empty(),
          Optional.empty());
    }
    AssetPayload.Transfer t = (AssetPayload.Transfer) p;
    Optional<TokenMetadata> meta = metadata(c, t.predicate(), t.token(), cache);
    List<AssetItem> items = t.items();
    OptionalInt decimals =
        t.kind() == AssetKind.ERC20
            ? meta.map(TokenMetadata::decimals).orElse(OptionalInt.empty())
            : OptionalInt.of(0);
    String ids = join(items, i -> i.tokenId().map(BigInteger::toString).orElse(""));
    String decimal =
        t.kind() == AssetKind.ERC721
            ? ""
            : join(items, i -> TokenAmounts.number(i.amount(), decimals));
    return new Read(
        new AssetCells(
            AssetFields.label(t.kind()),
            t.action().key().replace('_', ' '),
            t.token().toString(),
            symbol(meta),
            amount(t.kind(), items, meta),
            decimal,
            join(items, i -> i.amount().toString()),
            t.kind() == AssetKind.ERC20 ? "" : ids),
        Optional.of(t.from()),
        items.isEmpty() ? Optional.empty() : Optional.of(items.get(0).to()));
  }

  private static String join(List<AssetItem> items, Function<AssetItem, String> part) {
    return items.stream().map(part).collect(Collectors.joining(";"));
  }

  /** "12.345678 BUSD", "BNFT #1, #2", "5 × id 7 BMT, 3 × id 8 BMT", "… and 6 more". */
  static String amount(AssetKind kind, List<AssetItem> items, Optional<TokenMetadata> meta) {
    List<String> parts = new ArrayList<>();
    String sym = symbol(meta);
    for (AssetItem it : items.subList(0, Math.min(SHOWN_ITEMS, items.size()))) {
      String id = it.tokenId().map(BigInteger::toString).orElse("?");
      parts.add(
          switch (kind) {
            case ERC721 -> parts.isEmpty() ? (sym.isEmpty() ? "token" : sym) + " #" + id : "#" + id;
            case ERC1155 -> it.amount() + " × id " + id + (sym.isEmpty() ? "" : " " + sym);
            default -> TokenAmounts.format(it.amount(), meta);
          });
    }
    if (items.size() > SHOWN_ITEMS) {
      parts.add("and " + (items.size() - SHOWN_ITEMS) + " more");
    }
    return String.join(", ", parts);
  }

  private static String symbol(Optional<TokenMetadata> meta) {
    return meta.flatMap(TokenMetadata::symbol).orElse("");
  }

  /** The token's cached metadata on its home chain, else what its MAP_TOKEN message carried. */
  private static Optional<TokenMetadata> metadata(
      Connection c, AssetPredicate p, Address token, Map<String, Optional<TokenMetadata>> cache)
      throws SQLException {
    ChainRole home = p.home() == TokenHome.ROOT ? ChainRole.ROOT : ChainRole.CHILD;
    String key = home.key() + token;
    Optional<TokenMetadata> known = cache.get(key);
    if (known == null) {
      TokenDao dao = new TokenDao(c);
      known = dao.metadata(home, token);
      if (known.isEmpty()) {
        known = dao.fromMapping(home, token);
      }
      cache.put(key, known);
    }
    return known;
  }

  /** Every mapped token once, by symbol then address: "BUSD · ERC-20 · 0x1234…abcd". */
  /** The chooser's entry for a token: "SYMBOL · kind · 0xab…cd" (no symbol: without it). */
  private static TokenChoice choice(
      Connection c, AssetPredicate p, Address token, Map<String, Optional<TokenMetadata>> cache)
      throws SQLException {
    String sym = symbol(metadata(c, p, token, cache));
    return new TokenChoice(
        token,
        (sym.isEmpty() ? "" : sym + " · ")
            + AssetFields.label(p.kind())
            + " · "
            + ShortHex.of(token.toString()));
  }

  static List<TokenChoice> tokens(Database db) {
    return db.read(
        c -> {
          Map<String, Optional<TokenMetadata>> cache = new HashMap<>();
          Map<Address, TokenChoice> out = new LinkedHashMap<>();
          for (TokenMapping m : new TokenDao(c).allMappings()) {
            if (out.containsKey(m.nativeToken())) {
              continue;
            }
            out.put(m.nativeToken(), choice(c, m.predicate(), m.nativeToken(), cache));
          }
          // a token whose MAP_TOKEN message is indexed but not executed on the other chain yet
          // (or never: its commitment may be bad) is a mapped token too
          try (var ps =
                  c.prepareStatement(
                      "SELECT DISTINCT token, predicate_name FROM asset_payloads"
                          + " WHERE action = 'map_token' AND token IS NOT NULL"
                          + " AND predicate_name IS NOT NULL");
              var rs = ps.executeQuery()) {
            while (rs.next()) {
              Address t = new Address(rs.getBytes(1));
              if (out.containsKey(t)) {
                continue;
              }
              out.put(t, choice(c, AssetPredicate.fromKey(rs.getString(2)), t, cache));
            }
          }
          List<TokenChoice> list = new ArrayList<>(out.values());
          list.sort(
              java.util.Comparator.comparing(
                  (TokenChoice t) -> t.label().toLowerCase(java.util.Locale.ROOT)));
          return list;
        });
  }
}
