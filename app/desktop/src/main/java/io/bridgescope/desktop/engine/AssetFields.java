package io.bridgescope.desktop.engine;

import io.bridgescope.core.asset.AssetItem;
import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.asset.AssetPayload;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.asset.TokenAmounts;
import io.bridgescope.core.asset.TokenHome;
import io.bridgescope.core.asset.TokenMetadata;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.AssetDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.TokenDao;
import io.bridgescope.desktop.ports.MessageDetail.Field;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The detail pane's asset fields (docs/protocol.md, Every asset kind): kind and action, the token
 * and its child token, and every item (NFT ids, ERC-1155 id/amount pairs, ERC-20 amounts in the
 * token's own decimals when known, raw units otherwise). Runs on the engine's thread, like the rest
 * of MessageDetails: it reads the database.
 */
final class AssetFields {

  /** Items shown one per field; the rest are counted. */
  static final int MAX_ITEMS = 20;

  private AssetFields() {}

  /** Raw bytes of an unknown payload shown in the pane; Copy has them all. */
  static final int SHOWN_RAW_BYTES = 1024;

  static void add(Database db, Direction d, BigInteger id, byte[] data, List<Field> out) {
    Optional<AssetPayload> found = db.read(c -> new AssetDao(c).payload(d, id));
    if (found.isEmpty()) {
      return;
    }
    AssetPayload p = found.get();
    out.add(
        new Field(
            "Kind",
            p instanceof AssetPayload.Unknown ? "unknown payload" : label(p.kind()),
            false));
    if (p instanceof AssetPayload.Unknown u) {
      out.add(new Field("Asset", "unknown payload: " + u.reason(), false));
      u.predicate().ifPresent(x -> out.add(new Field("Predicate", x.key(), false)));
      out.add(new Field("Raw bytes (" + data.length + ")", hex(data, data.length), true));
      out.add(new Field("", rawWords(data), false));
      return;
    }
    if (p instanceof AssetPayload.Mapping m) {
      out.add(new Field("Asset", label(m.kind()) + " token mapping", false));
      out.add(new Field("Token", m.token().toString(), true));
      return;
    }
    AssetPayload.Transfer t = (AssetPayload.Transfer) p;
    AssetPredicate pred = t.predicate();
    ChainRole home = pred.home() == TokenHome.ROOT ? ChainRole.ROOT : ChainRole.CHILD;
    Optional<TokenMetadata> meta = metadata(db, home, t.token());
    out.add(
        new Field(
            "Asset",
            label(t.kind())
                + " "
                + t.action().key().replace('_', ' ')
                + (pred.home() == TokenHome.CHILD ? " (child-native token)" : ""),
            false));
    out.add(new Field("Token (" + home.key() + ")", t.token().toString(), true));
    Optional<String> sym = meta.flatMap(TokenMetadata::symbol);
    if (sym.isPresent()) {
      OptionalInt dec = meta.get().decimals();
      String decimals = dec.isPresent() ? " (" + dec.getAsInt() + " decimals)" : "";
      out.add(new Field("Symbol", sym.get() + decimals, false));
    }
    out.add(new Field("From", t.from().toString(), true));
    db.read(c -> new TokenDao(c).mappingOf(pred, t.token()))
        .ifPresent(m -> out.add(new Field("Mirror token", m.mirrorToken().toString(), true)));
    List<AssetItem> items = t.items();
    for (int i = 0; i < Math.min(MAX_ITEMS, items.size()); i++) {
      AssetItem it = items.get(i);
      out.add(
          new Field(
              items.size() == 1 ? "Item" : "Item " + (i + 1),
              item(t.kind(), it, meta) + " to " + it.to(),
              false));
    }
    if (items.size() > MAX_ITEMS) {
      out.add(new Field("More items", Integer.toString(items.size() - MAX_ITEMS), false));
    }
  }

  /** 0x-hex of the first {@code n} bytes. */
  static String hex(byte[] data, int n) {
    StringBuilder sb = new StringBuilder(2 + 2 * n).append("0x");
    for (int i = 0; i < n; i++) {
      sb.append(Character.forDigit((data[i] >> 4) & 0xf, 16))
          .append(Character.forDigit(data[i] & 0xf, 16));
    }
    return sb.toString();
  }

  /**
   * The bytes as 8-byte groups that a narrow pane can wrap between (a 32-byte ABI word is four
   * groups), at most {@link #SHOWN_RAW_BYTES} of them.
   */
  static String rawWords(byte[] data) {
    if (data.length == 0) {
      return "(no bytes)";
    }
    int shown = Math.min(data.length, SHOWN_RAW_BYTES);
    String h = hex(data, shown).substring(2);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < h.length(); i += 16) {
      sb.append(i == 0 ? "" : " ").append(h, i, Math.min(h.length(), i + 16));
    }
    if (data.length > shown) {
      sb.append(" … ").append(data.length - shown).append(" more bytes (Copy has them all)");
    }
    return sb.toString();
  }

  static String item(AssetKind kind, AssetItem it, Optional<TokenMetadata> meta) {
    String sym = meta.flatMap(TokenMetadata::symbol).orElse("");
    String id = it.tokenId().map(BigInteger::toString).orElse("?");
    return switch (kind) {
      case ERC721 -> (sym.isEmpty() ? "token" : sym) + " #" + id;
      case ERC1155 -> it.amount() + " × id " + id + (sym.isEmpty() ? "" : " " + sym);
      default -> TokenAmounts.format(it.amount(), meta);
    };
  }

  /** The token's cached metadata, else what its MAP_TOKEN message carried. */
  static Optional<TokenMetadata> metadata(Database db, ChainRole home, Address token) {
    Optional<TokenMetadata> m = db.read(c -> new TokenDao(c).metadata(home, token));
    return m.isPresent() ? m : db.read(c -> new TokenDao(c).fromMapping(home, token));
  }

  static String label(AssetKind k) {
    return switch (k) {
      case ERC20 -> "ERC-20";
      case ERC721 -> "ERC-721";
      case ERC1155 -> "ERC-1155";
      case UNKNOWN -> "Unknown";
    };
  }
}
