package io.bridgescope.core.asset;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes a predicate puts into {@code syncState} for a payload: {@code abi.encode} of the tag
 * and the tuple of docs/protocol.md (Every asset kind). The decoder accepts exactly these bytes, so
 * a payload a predicate could not have produced is never shown as a transfer.
 */
public final class AssetEncoding {

  private AssetEncoding() {}

  public static byte[] encode(AssetPayload.Transfer t) {
    List<AbiValue> v = new ArrayList<>();
    v.add(AbiValue.bytes32(t.action().tag()));
    v.add(AbiValue.address(t.token()));
    v.add(AbiValue.address(t.from()));
    if (t.action().isBatch()) {
      v.add(AbiValue.array(t.items().stream().map(i -> AbiValue.address(i.to())).toList()));
      v.add(AbiValue.array(t.items().stream().map(i -> AbiValue.uint(id(i))).toList()));
      if (t.kind() == AssetKind.ERC1155) {
        v.add(AbiValue.array(t.items().stream().map(i -> AbiValue.uint(i.amount())).toList()));
      }
    } else {
      AssetItem i = t.items().get(0);
      v.add(AbiValue.address(i.to()));
      switch (t.kind()) {
        case ERC20 -> v.add(AbiValue.uint(i.amount()));
        case ERC721 -> v.add(AbiValue.uint(id(i)));
        case ERC1155 -> {
          v.add(AbiValue.uint(id(i)));
          v.add(AbiValue.uint(i.amount()));
        }
        case UNKNOWN -> throw new IllegalStateException("a predicate has a known asset kind");
      }
    }
    return Abi.encode(v.toArray(AbiValue[]::new));
  }

  public static byte[] encode(AssetPayload.Mapping m) {
    List<AbiValue> v = new ArrayList<>();
    v.add(AbiValue.bytes32(AssetAction.MAP_TOKEN.tag()));
    v.add(AbiValue.address(m.token()));
    if (m.kind() == AssetKind.ERC1155) {
      v.add(string(m.uri().orElse("")));
    } else {
      v.add(string(m.name().orElse("")));
      v.add(string(m.symbol().orElse("")));
      if (m.kind() == AssetKind.ERC20) {
        v.add(AbiValue.uint(m.decimals().orElse(0)));
      }
    }
    return Abi.encode(v.toArray(AbiValue[]::new));
  }

  /** Solidity {@code string} encodes as {@code bytes} of its UTF-8. */
  static AbiValue string(String s) {
    return AbiValue.bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private static BigInteger id(AssetItem i) {
    return i.tokenId()
        .orElseThrow(() -> new IllegalArgumentException("an NFT item carries a token id"));
  }
}
