package io.bridgescope.core.asset;

import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decodes predicate payloads of every asset kind (docs/protocol.md, Every asset kind). Total: any
 * bytes give a payload, and what is not exactly what the named predicate sends in that direction is
 * {@link AssetPayload.Unknown} with the reason, never an exception and never dropped.
 */
public final class AssetPayloads {

  private AssetPayloads() {}

  /**
   * @param predicate the predicate at the message's child-side address (receiver of a state sync,
   *     sender of an exit), empty when that address is no predicate
   * @param towardsChild true for a root {@code StateSynced}, false for a child {@code
   *     L2StateSynced}
   */
  public static AssetPayload decode(
      Optional<AssetPredicate> predicate, byte[] data, boolean towardsChild) {
    if (predicate.isEmpty()) {
      return new AssetPayload.Unknown(
          predicate, "not sent " + (towardsChild ? "to" : "by") + " a known bridge predicate");
    }
    AssetPredicate p = predicate.get();
    if (data.length < 32) {
      return unknown(p, "shorter than a payload tag (" + data.length + " bytes)");
    }
    AbiReader r = new AbiReader(data);
    Hash32 tag = r.bytes32("payload.tag", 0);
    Optional<AssetAction> action = AssetAction.ofTag(tag);
    if (action.isEmpty()) {
      return unknown(p, "tag " + tag + " is none of DEPOSIT, WITHDRAW, their batches or MAP_TOKEN");
    }
    AssetAction a = action.get();
    if (!p.sends(a, towardsChild)) {
      return unknown(
          p,
          a.key()
              + " does not travel "
              + (towardsChild ? "root to child" : "child to root")
              + " for "
              + p.kind().key()
              + " tokens native to the "
              + homeName(p));
    }
    try {
      AssetPayload decoded = a == AssetAction.MAP_TOKEN ? mapping(p, r) : transfer(p, a, r);
      byte[] canonical =
          decoded instanceof AssetPayload.Mapping m
              ? AssetEncoding.encode(m)
              : AssetEncoding.encode((AssetPayload.Transfer) decoded);
      if (!Arrays.equals(canonical, data)) {
        return unknown(
            p,
            a.key()
                + " is not laid out as the predicate encodes it ("
                + data.length
                + " bytes, expected "
                + canonical.length
                + ")");
      }
      return decoded;
    } catch (IllegalArgumentException e) {
      // AbiDecodingException is one too: a payload that does not decode is an unknown one.
      return unknown(p, a.key() + " does not decode: " + e.getMessage());
    }
  }

  private static String homeName(AssetPredicate p) {
    return p.home() == TokenHome.ROOT ? "root chain" : "child chain";
  }

  private static AssetPayload.Unknown unknown(AssetPredicate p, String reason) {
    return new AssetPayload.Unknown(Optional.of(p), reason);
  }

  private static AssetPayload.Transfer transfer(AssetPredicate p, AssetAction a, AbiReader r) {
    Address token = r.address("payload.token", 1);
    Address from = r.address("payload.from", 2);
    List<AssetItem> items = new ArrayList<>();
    if (a.isBatch()) {
      List<Address> to = addresses(r.tail("payload.receivers", 3), "payload.receivers");
      List<BigInteger> ids = uints(r.tail("payload.tokenIds", 4), "payload.tokenIds");
      List<BigInteger> amounts =
          p.kind() == AssetKind.ERC1155
              ? uints(r.tail("payload.amounts", 5), "payload.amounts")
              : null;
      if (to.size() != ids.size() || (amounts != null && amounts.size() != ids.size())) {
        throw new IllegalArgumentException(
            "the batch arrays differ in length (receivers "
                + to.size()
                + ", tokenIds "
                + ids.size()
                + (amounts == null ? "" : ", amounts " + amounts.size())
                + ")");
      }
      for (int i = 0; i < ids.size(); i++) {
        items.add(
            amounts == null
                ? AssetItem.nft(to.get(i), ids.get(i))
                : AssetItem.multi(to.get(i), ids.get(i), amounts.get(i)));
      }
    } else {
      Address to = r.address("payload.to", 3);
      BigInteger w4 = r.uint("payload.word4", 4);
      items.add(
          switch (p.kind()) {
            case ERC20 -> AssetItem.fungible(to, w4);
            case ERC721 -> AssetItem.nft(to, w4);
            case ERC1155 -> AssetItem.multi(to, w4, r.uint("payload.amount", 5));
            case UNKNOWN -> throw new IllegalStateException("a predicate has a known asset kind");
          });
    }
    return new AssetPayload.Transfer(p, a, token, from, items);
  }

  private static AssetPayload.Mapping mapping(AssetPredicate p, AbiReader r) {
    Address token = r.address("payload.token", 1);
    if (p.kind() == AssetKind.ERC1155) {
      String uri = text("payload.uri", r.bytes("payload.uri", 2));
      return new AssetPayload.Mapping(
          p, token, Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.of(uri));
    }
    String name = text("payload.name", r.bytes("payload.name", 2));
    String symbol = text("payload.symbol", r.bytes("payload.symbol", 3));
    OptionalInt decimals = OptionalInt.empty();
    if (p.kind() == AssetKind.ERC20) {
      BigInteger d = r.uint("payload.decimals", 4);
      if (d.bitLength() > 8) {
        throw new IllegalArgumentException("decimals " + d + " do not fit a uint8");
      }
      decimals = OptionalInt.of(d.intValue());
    }
    return new AssetPayload.Mapping(
        p, token, Optional.of(name), Optional.of(symbol), decimals, Optional.empty());
  }

  private static List<Address> addresses(AbiReader at, String field) {
    int n = at.arrayLength(field);
    AbiReader body = at.arrayBody();
    List<Address> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(body.address(field + "[" + i + "]", i));
    }
    return out;
  }

  private static List<BigInteger> uints(AbiReader at, String field) {
    int n = at.arrayLength(field);
    AbiReader body = at.arrayBody();
    List<BigInteger> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(body.uint(field + "[" + i + "]", i));
    }
    return out;
  }

  /**
   * Token names come from the token contract, so they are outside input: text that is not UTF-8 is
   * refused (the payload stays an unknown one, with its bytes) rather than shown garbled.
   */
  private static String text(String field, byte[] b) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(field + " is not UTF-8 text");
    }
  }
}
