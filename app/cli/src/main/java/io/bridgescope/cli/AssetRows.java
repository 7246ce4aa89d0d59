package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.asset.AssetItem;
import io.bridgescope.core.asset.AssetMessage;
import io.bridgescope.core.asset.AssetPayload;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.TokenAmounts;
import io.bridgescope.core.asset.TokenHome;
import io.bridgescope.core.asset.TokenMapping;
import io.bridgescope.core.asset.TokenMetadata;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.EventRef;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The rows of {@code transfers}: a decoded message with its child token (from the mapping events)
 * and its token's metadata, as JSON, one text line, or CSV rows (one per item).
 */
record AssetRows(
    AssetMessage message,
    Optional<TokenMapping> mapping,
    Optional<TokenMetadata> meta,
    Optional<String> metaProblem,
    Optional<EventRef> event) {

  static final String CSV_HEADER =
      "direction,id,block_number,time_utc,tx_hash,asset_kind,token_home,action,token,root_token,"
          + "child_token,symbol,from,to,token_id,amount_raw,amount";

  /** The same reading of another message (its token's mapping and metadata). */
  AssetRows of(AssetMessage m, Optional<EventRef> e) {
    return new AssetRows(m, mapping, meta, metaProblem, e);
  }

  /** ISO-8601 UTC, e.g. {@code 2026-12-03T04:05:06Z}. */
  static String time(long unixSeconds) {
    return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(unixSeconds));
  }

  /** The chain where a payload's token lives (its home), whose contract says decimals. */
  static ChainRole homeChain(AssetPredicate p) {
    return p.home() == TokenHome.ROOT ? ChainRole.ROOT : ChainRole.CHILD;
  }

  OptionalInt decimals() {
    return meta.map(TokenMetadata::decimals).orElse(OptionalInt.empty());
  }

  ObjectNode json() {
    ObjectNode o = Json.object();
    o.put("direction", message.direction().key());
    o.put("id", message.id().toString());
    event.ifPresent(
        e -> {
          o.put("blockNumber", e.blockNumber());
          o.put("time", time(e.blockTime()));
          o.put("txHash", e.txHash().toString());
        });
    AssetPayload p = message.payload();
    o.put("assetKind", p.kind().key());
    if (p instanceof AssetPayload.Unknown u) {
      u.predicate().ifPresent(x -> o.put("predicate", x.key()));
      o.put("problem", "unknown payload: " + u.reason());
      return o;
    }
    AssetPredicate pred =
        p instanceof AssetPayload.Transfer t
            ? t.predicate()
            : ((AssetPayload.Mapping) p).predicate();
    o.put("predicate", pred.key());
    o.put("tokenHome", pred.home().key());
    rootToken().ifPresent(a -> o.put("rootToken", a.toString()));
    childToken().ifPresent(a -> o.put("childToken", a.toString()));
    meta.ifPresent(
        m -> {
          m.symbol().ifPresent(s -> o.put("symbol", s));
          m.name().ifPresent(s -> o.put("name", s));
          m.decimals().ifPresent(d -> o.put("decimals", d));
        });
    metaProblem.ifPresent(s -> o.put("metadataProblem", s));
    if (p instanceof AssetPayload.Mapping m) {
      o.put("action", "map_token");
      o.put("token", m.token().toString());
      ObjectNode mo = o.putObject("mapping");
      m.name().ifPresent(s -> mo.put("name", s));
      m.symbol().ifPresent(s -> mo.put("symbol", s));
      m.decimals().ifPresent(d -> mo.put("decimals", d));
      m.uri().ifPresent(s -> mo.put("uri", s));
      return o;
    }
    AssetPayload.Transfer t = (AssetPayload.Transfer) p;
    o.put("action", t.action().key());
    o.put("token", t.token().toString());
    o.put("from", t.from().toString());
    ArrayNode items = o.putArray("items");
    for (AssetItem i : t.items()) {
      ObjectNode io = items.addObject();
      io.put("to", i.to().toString());
      i.tokenId().ifPresent(id -> io.put("tokenId", id.toString()));
      io.put("amount", i.amount().toString());
      if (decimals().isPresent() && i.tokenId().isEmpty()) {
        io.put("amountDecimal", TokenAmounts.number(i.amount(), decimals()));
      }
      io.put("display", display(i));
    }
    return o;
  }

  /** The payload's token: the one on its home chain (the contracts' {@code rootToken}). */
  private Optional<Address> nativeToken() {
    AssetPayload p = message.payload();
    if (p instanceof AssetPayload.Transfer t) {
      return Optional.of(t.token());
    }
    if (p instanceof AssetPayload.Mapping m) {
      return Optional.of(m.token());
    }
    return Optional.empty();
  }

  private Optional<TokenHome> home() {
    AssetPayload p = message.payload();
    if (p instanceof AssetPayload.Transfer t) {
      return Optional.of(t.predicate().home());
    }
    if (p instanceof AssetPayload.Mapping m) {
      return Optional.of(m.predicate().home());
    }
    return Optional.empty();
  }

  /**
   * The token on the root chain: the payload's own for a root-native token, the mirror from the
   * mapping events for a child-native one (empty while no mapping is indexed).
   */
  Optional<Address> rootToken() {
    return home()
        .flatMap(
            h -> h == TokenHome.ROOT ? nativeToken() : mapping.map(TokenMapping::rootChainToken));
  }

  /** The token on the child chain, the other way round. */
  Optional<Address> childToken() {
    return home()
        .flatMap(
            h -> h == TokenHome.CHILD ? nativeToken() : mapping.map(TokenMapping::childChainToken));
  }

  /** An item for people: "12.345678 BUSD", "BSK #42", "5 × id 7 of …". */
  String display(AssetItem i) {
    String sym = meta.flatMap(TokenMetadata::symbol).orElse(shortToken());
    return switch (message.payload().kind()) {
      case ERC721 -> sym + " #" + i.tokenId().map(BigInteger::toString).orElse("?");
      case ERC1155 ->
          i.amount() + " × " + sym + " id " + i.tokenId().map(BigInteger::toString).orElse("?");
      default -> TokenAmounts.format(i.amount(), meta);
    };
  }

  private String shortToken() {
    AssetPayload p = message.payload();
    Address a = p instanceof AssetPayload.Transfer t ? t.token() : Address.ZERO;
    return "token " + a;
  }

  String line() {
    AssetPayload p = message.payload();
    String head =
        String.format("%-8s %-6s %-8s", message.direction().key(), message.id(), p.kind().key());
    if (p instanceof AssetPayload.Unknown u) {
      return head + " unknown payload: " + u.reason();
    }
    if (p instanceof AssetPayload.Mapping m) {
      return head + " map_token " + m.token();
    }
    AssetPayload.Transfer t = (AssetPayload.Transfer) p;
    List<String> parts = new ArrayList<>();
    for (AssetItem i : t.items()) {
      parts.add(display(i) + " to " + i.to());
    }
    return head + " " + t.action().key() + " " + String.join(", ", parts);
  }

  List<String> csv() {
    AssetPayload p = message.payload();
    String base =
        String.join(
            ",",
            message.direction().key(),
            message.id().toString(),
            event.map(e -> Long.toString(e.blockNumber())).orElse(""),
            event.map(e -> time(e.blockTime())).orElse(""),
            event.map(e -> e.txHash().toString()).orElse(""),
            p.kind().key(),
            home().map(TokenHome::key).orElse(""),
            p instanceof AssetPayload.Transfer t
                ? t.action().key()
                : p instanceof AssetPayload.Mapping ? "map_token" : "");
    String token =
        p instanceof AssetPayload.Transfer t
            ? t.token().toString()
            : p instanceof AssetPayload.Mapping m ? m.token().toString() : "";
    String rootSide = rootToken().map(Address::toString).orElse("");
    String child = childToken().map(Address::toString).orElse("");
    String symbol = cell(meta.flatMap(TokenMetadata::symbol).orElse(""));
    if (!(p instanceof AssetPayload.Transfer t)) {
      return List.of(String.join(",", base, token, rootSide, child, symbol, "", "", "", "", ""));
    }
    List<String> rows = new ArrayList<>();
    for (AssetItem i : t.items()) {
      String amount =
          i.tokenId().isEmpty() && decimals().isPresent()
              ? TokenAmounts.number(i.amount(), decimals())
              : i.amount().toString();
      rows.add(
          String.join(
              ",",
              base,
              token,
              rootSide,
              child,
              symbol,
              t.from().toString(),
              i.to().toString(),
              i.tokenId().map(BigInteger::toString).orElse(""),
              i.amount().toString(),
              amount));
    }
    return rows;
  }

  /**
   * A CSV cell from outside text (a token's symbol): quoted, and a leading formula character
   * defused, so a spreadsheet neither splits nor evaluates it.
   */
  static String cell(String s) {
    String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
