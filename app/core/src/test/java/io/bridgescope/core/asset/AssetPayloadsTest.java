package io.bridgescope.core.asset;

import static io.bridgescope.core.asset.AssetPredicate.CHILD_ERC1155;
import static io.bridgescope.core.asset.AssetPredicate.CHILD_ERC20;
import static io.bridgescope.core.asset.AssetPredicate.CHILD_ERC721;
import static io.bridgescope.core.asset.AssetPredicate.ROOT_MINTABLE_ERC1155;
import static io.bridgescope.core.asset.AssetPredicate.ROOT_MINTABLE_ERC20;
import static io.bridgescope.core.asset.AssetPredicate.ROOT_MINTABLE_ERC721;
import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Payloads built with the project's ABI encoder from the layouts in docs/protocol.md (Every asset
 * kind), and two laid out word by word, decode to typed transfers and mappings; anything a
 * predicate would not send is an unknown payload with a reason.
 */
class AssetPayloadsTest {

  static final Address TOKEN = Address.of("0x1111111111111111111111111111111111111111");
  static final Address ALICE = Address.of("0xa11ce00000000000000000000000000000000001");
  static final Address BOB = Address.of("0xb0b0000000000000000000000000000000000002");
  static final Address CAROL = Address.of("0xca201000000000000000000000000000000000c3");
  static final AssetPredicates EDGE = AssetPredicates.edge();

  static AbiValue tag(String name) {
    return AbiValue.bytes32(Abi.topic(name));
  }

  static AbiValue addr(Address a) {
    return AbiValue.address(a);
  }

  static AbiValue u(long v) {
    return AbiValue.uint(v);
  }

  static AbiValue text(String s) {
    return AbiValue.bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  static AssetPayload toChild(AssetPredicate p, byte[] data) {
    return EDGE.decodeStateSync(p.edgeAddress(), data);
  }

  static AssetPayload toRoot(AssetPredicate p, byte[] data) {
    return EDGE.decodeExit(p.edgeAddress(), data);
  }

  @Test
  void tagsAreTheKeccakOfTheirNames() {
    assertThat(AssetAction.DEPOSIT.tag().toString())
        .isEqualTo("0x87a7811f4bfedea3d341ad165680ae306b01aaeacc205d227629cf157dd9f821");
    assertThat(AssetAction.WITHDRAW.tag().bytes()).isEqualTo(Abi.topic("WITHDRAW"));
    assertThat(AssetAction.ofTag(AssetAction.DEPOSIT_BATCH.tag()))
        .contains(AssetAction.DEPOSIT_BATCH);
  }

  @Test
  void erc20DepositIsOneFungibleItem() {
    byte[] data = Abi.encode(tag("DEPOSIT"), addr(TOKEN), addr(ALICE), addr(BOB), u(1_500_000));
    assertThat(toChild(CHILD_ERC20, data))
        .isEqualTo(
            new AssetPayload.Transfer(
                CHILD_ERC20,
                AssetAction.DEPOSIT,
                TOKEN,
                ALICE,
                List.of(AssetItem.fungible(BOB, BigInteger.valueOf(1_500_000)))));
  }

  @Test
  void theSameBytesAreAnAmountOrATokenIdByPredicate() {
    byte[] data = Abi.encode(tag("WITHDRAW"), addr(TOKEN), addr(ALICE), addr(BOB), u(7));
    AssetPayload.Transfer erc20 = (AssetPayload.Transfer) toRoot(CHILD_ERC20, data);
    AssetPayload.Transfer erc721 = (AssetPayload.Transfer) toRoot(CHILD_ERC721, data);
    assertThat(erc20.kind()).isEqualTo(AssetKind.ERC20);
    assertThat(erc20.items().get(0).tokenId()).isEmpty();
    assertThat(erc20.items().get(0).amount()).isEqualTo(7);
    assertThat(erc721.kind()).isEqualTo(AssetKind.ERC721);
    assertThat(erc721.items().get(0)).isEqualTo(AssetItem.nft(BOB, BigInteger.valueOf(7)));
  }

  @Test
  void erc721BatchLaidOutWordByWordHasOneReceiverPerId() {
    // abi.encode(DEPOSIT_BATCH, token, depositor, address[] receivers, uint256[] tokenIds):
    // five head words, the arrays' offsets 0xa0 and 0xa0 + 3 words = 0x100.
    String hex =
        Hex.encode(Abi.topic("DEPOSIT_BATCH")).substring(2)
            + word(TOKEN)
            + word(ALICE)
            + word(0xa0)
            + word(0x100)
            + word(2)
            + word(BOB)
            + word(CAROL)
            + word(2)
            + word(42)
            + word(43);
    AssetPayload p = toChild(CHILD_ERC721, Hex.decode("payload", "0x" + hex));
    assertThat(p)
        .isEqualTo(
            new AssetPayload.Transfer(
                CHILD_ERC721,
                AssetAction.DEPOSIT_BATCH,
                TOKEN,
                ALICE,
                List.of(
                    AssetItem.nft(BOB, BigInteger.valueOf(42)),
                    AssetItem.nft(CAROL, BigInteger.valueOf(43)))));
  }

  @Test
  void erc1155BatchPairsIdsWithAmounts() {
    byte[] data =
        Abi.encode(
            tag("WITHDRAW_BATCH"),
            addr(TOKEN),
            addr(ALICE),
            AbiValue.array(List.of(addr(BOB), addr(BOB), addr(CAROL))),
            AbiValue.array(List.of(u(1), u(2), u(1))),
            AbiValue.array(List.of(u(10), u(20), u(30))));
    AssetPayload.Transfer t = (AssetPayload.Transfer) toRoot(CHILD_ERC1155, data);
    assertThat(t.action()).isEqualTo(AssetAction.WITHDRAW_BATCH);
    assertThat(t.items())
        .containsExactly(
            AssetItem.multi(BOB, BigInteger.ONE, BigInteger.TEN),
            AssetItem.multi(BOB, BigInteger.TWO, BigInteger.valueOf(20)),
            AssetItem.multi(CAROL, BigInteger.ONE, BigInteger.valueOf(30)));
    assertThat(AssetEncoding.encode(t)).isEqualTo(data);
  }

  @Test
  void erc1155SingleCarriesIdAndAmount() {
    byte[] data = Abi.encode(tag("DEPOSIT"), addr(TOKEN), addr(ALICE), addr(BOB), u(5), u(1000));
    assertThat(((AssetPayload.Transfer) toChild(CHILD_ERC1155, data)).items())
        .containsExactly(AssetItem.multi(BOB, BigInteger.valueOf(5), BigInteger.valueOf(1000)));
  }

  @Test
  void mappingsCarryWhatEachKindCopies() {
    byte[] erc20 = Abi.encode(tag("MAP_TOKEN"), addr(TOKEN), text("USD Coin"), text("USDC"), u(6));
    byte[] erc721 = Abi.encode(tag("MAP_TOKEN"), addr(TOKEN), text("Kitties"), text("KIT"));
    byte[] erc1155 = Abi.encode(tag("MAP_TOKEN"), addr(TOKEN), text("ipfs://x/{id}.json"));
    assertThat(toChild(CHILD_ERC20, erc20))
        .isEqualTo(
            new AssetPayload.Mapping(
                CHILD_ERC20,
                TOKEN,
                Optional.of("USD Coin"),
                Optional.of("USDC"),
                OptionalInt.of(6),
                Optional.empty()));
    assertThat(toChild(CHILD_ERC721, erc721))
        .isEqualTo(
            new AssetPayload.Mapping(
                CHILD_ERC721,
                TOKEN,
                Optional.of("Kitties"),
                Optional.of("KIT"),
                OptionalInt.empty(),
                Optional.empty()));
    assertThat(toChild(CHILD_ERC1155, erc1155))
        .isEqualTo(
            new AssetPayload.Mapping(
                CHILD_ERC1155,
                TOKEN,
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                Optional.of("ipfs://x/{id}.json")));
  }

  @Test
  void childNativeTokensDepositAndMapTowardsRoot() {
    byte[] map = Abi.encode(tag("MAP_TOKEN"), addr(TOKEN), text("Game Gold"), text("GG"), u(18));
    byte[] dep = Abi.encode(tag("DEPOSIT"), addr(TOKEN), addr(ALICE), addr(BOB), u(3));
    byte[] back = Abi.encode(tag("WITHDRAW"), addr(TOKEN), addr(BOB), addr(ALICE), u(3));
    assertThat(toRoot(ROOT_MINTABLE_ERC20, map)).isInstanceOf(AssetPayload.Mapping.class);
    assertThat(toRoot(ROOT_MINTABLE_ERC721, dep).kind()).isEqualTo(AssetKind.ERC721);
    assertThat(toChild(ROOT_MINTABLE_ERC20, back)).isInstanceOf(AssetPayload.Transfer.class);
    // The root-native family sends them the other way, so there they are unknown.
    assertThat(toRoot(CHILD_ERC20, map)).isInstanceOf(AssetPayload.Unknown.class);
    assertThat(toChild(ROOT_MINTABLE_ERC20, dep)).isInstanceOf(AssetPayload.Unknown.class);
    byte[] batchBack =
        Abi.encode(
            tag("WITHDRAW_BATCH"),
            addr(TOKEN),
            addr(BOB),
            AbiValue.array(List.of(addr(ALICE))),
            AbiValue.array(List.of(u(9))),
            AbiValue.array(List.of(u(4))));
    assertThat(toChild(ROOT_MINTABLE_ERC1155, batchBack).kind()).isEqualTo(AssetKind.ERC1155);
  }

  @Test
  void aMessageOutsideThePredicatesIsUnknownWithItsReason() {
    byte[] data = Abi.encode(tag("DEPOSIT"), addr(TOKEN), addr(ALICE), addr(BOB), u(1));
    AssetPayload p = EDGE.decodeStateSync(CAROL, data);
    assertThat(p).isInstanceOf(AssetPayload.Unknown.class);
    assertThat(((AssetPayload.Unknown) p).predicate()).isEmpty();
    assertThat(((AssetPayload.Unknown) p).reason())
        .contains("not sent to a known bridge predicate");
  }

  @Test
  void bytesAPredicateWouldNotSendAreUnknown() {
    byte[] deposit = Abi.encode(tag("DEPOSIT"), addr(TOKEN), addr(ALICE), addr(BOB), u(1));
    byte[] trailing = Arrays.copyOf(deposit, deposit.length + 1);
    byte[] uneven =
        Abi.encode(
            tag("DEPOSIT_BATCH"),
            addr(TOKEN),
            addr(ALICE),
            AbiValue.array(List.of(addr(BOB), addr(BOB))),
            AbiValue.array(List.of(u(1))));
    byte[] erc20Batch =
        Abi.encode(
            tag("DEPOSIT_BATCH"),
            addr(TOKEN),
            addr(ALICE),
            AbiValue.array(List.of(addr(BOB))),
            AbiValue.array(List.of(u(1))));
    byte[] wideDecimals = Abi.encode(tag("MAP_TOKEN"), addr(TOKEN), text("A"), text("A"), u(256));
    byte[] badName =
        Abi.encode(
            tag("MAP_TOKEN"), addr(TOKEN), AbiValue.bytes(new byte[] {(byte) 0xff}), text("X"));
    byte[] otherTag = Abi.encode(tag("BURN"), addr(TOKEN));
    assertThat(reason(toChild(CHILD_ERC20, trailing))).contains("not laid out");
    assertThat(reason(toChild(CHILD_ERC721, uneven))).contains("differ in length");
    assertThat(reason(toChild(CHILD_ERC20, erc20Batch))).contains("does not travel");
    assertThat(reason(toChild(CHILD_ERC20, wideDecimals))).contains("uint8");
    assertThat(reason(toChild(CHILD_ERC721, badName))).contains("not UTF-8");
    assertThat(reason(toChild(CHILD_ERC721, otherTag))).contains("is none of");
    assertThat(reason(toChild(CHILD_ERC721, new byte[5]))).contains("shorter");
  }

  @Test
  void everyPredicateSitsAtEdgesSystemAddress() {
    assertThat(CHILD_ERC20.edgeAddress()).isEqualTo(Address.ofLow(0x1004));
    assertThat(CHILD_ERC721.edgeAddress()).isEqualTo(Address.ofLow(0x1006));
    assertThat(CHILD_ERC1155.edgeAddress()).isEqualTo(Address.ofLow(0x1008));
    assertThat(ROOT_MINTABLE_ERC20.edgeAddress()).isEqualTo(Address.ofLow(0x1009));
    assertThat(ROOT_MINTABLE_ERC721.edgeAddress()).isEqualTo(Address.ofLow(0x100a));
    assertThat(ROOT_MINTABLE_ERC1155.edgeAddress()).isEqualTo(Address.ofLow(0x100b));
  }

  static String reason(AssetPayload p) {
    assertThat(p).isInstanceOf(AssetPayload.Unknown.class);
    return ((AssetPayload.Unknown) p).reason();
  }

  static String word(long v) {
    return String.format("%064x", v);
  }

  static String word(Address a) {
    return "000000000000000000000000" + Hex.encode(a.bytes()).substring(2);
  }
}
