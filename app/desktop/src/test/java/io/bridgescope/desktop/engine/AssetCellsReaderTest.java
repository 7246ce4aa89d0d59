package io.bridgescope.desktop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.asset.AssetAction;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.asset.TokenMapping;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.AssetDao;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.TokenDao;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.desktop.ports.AssetCells;
import io.bridgescope.desktop.ports.MessageDetail.Field;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Deposits/Exits cells of every kind: a 6-decimals token's amount in its own decimals and
 * symbol with the raw integer beside it, ERC-721 ids and ERC-1155 id/amount pairs per item, an
 * unknown payload as "unknown payload" (its raw bytes in the detail pane), and the token chooser's
 * entries from the mapping events.
 */
class AssetCellsReaderTest {

  static final Address NFT = Address.ofLow(0x721);
  static final Address MIRROR = Address.ofLow(0x7777);

  @TempDir Path dir;
  Database db;
  byte[] junk = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 1, 2, 3, 4, 5};

  @BeforeEach
  void fill() throws Exception {
    AbiValue usd = AbiValue.address(AssetFieldsTest.TOKEN);
    byte[] map =
        Abi.encode(
            AbiValue.bytes32(AssetAction.MAP_TOKEN.tag()),
            usd,
            AssetFieldsTest.text("Dollar"),
            AssetFieldsTest.text("BUSD"),
            AbiValue.uint(6));
    byte[] dep =
        Abi.encode(
            AbiValue.bytes32(AssetAction.DEPOSIT.tag()),
            usd,
            AbiValue.address(AssetFieldsTest.ME),
            AbiValue.address(AssetFieldsTest.YOU),
            AbiValue.uint(12_345_678));
    byte[] nfts =
        Abi.encode(
            AbiValue.bytes32(AssetAction.DEPOSIT_BATCH.tag()),
            AbiValue.address(NFT),
            AbiValue.address(AssetFieldsTest.ME),
            AbiValue.array(
                List.of(
                    AbiValue.address(AssetFieldsTest.YOU), AbiValue.address(AssetFieldsTest.ME))),
            AbiValue.array(List.of(AbiValue.uint(42), AbiValue.uint(43))));
    byte[] multi =
        Abi.encode(
            AbiValue.bytes32(AssetAction.DEPOSIT_BATCH.tag()),
            AbiValue.address(Address.ofLow(0x1155)),
            AbiValue.address(AssetFieldsTest.ME),
            AbiValue.array(
                List.of(
                    AbiValue.address(AssetFieldsTest.ME), AbiValue.address(AssetFieldsTest.YOU))),
            AbiValue.array(List.of(AbiValue.uint(1), AbiValue.uint(2))),
            AbiValue.array(List.of(AbiValue.uint(5), AbiValue.uint(7))));
    db = Database.open(dir.resolve("d.db"));
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      w.submit(
              Batch.of(
                  c ->
                      new StateSyncDao(c)
                          .insert(
                              List.of(
                                  AssetFieldsTest.sync(1, AssetPredicate.CHILD_ERC20, map),
                                  AssetFieldsTest.sync(2, AssetPredicate.CHILD_ERC20, dep),
                                  AssetFieldsTest.sync(3, AssetPredicate.CHILD_ERC721, nfts),
                                  AssetFieldsTest.sync(4, AssetPredicate.CHILD_ERC1155, multi),
                                  AssetFieldsTest.sync(5, AssetPredicate.CHILD_ERC1155, junk))),
                  c -> new AssetDao(c).classifyPending(Direction.TO_CHILD, AssetPredicates.edge()),
                  c ->
                      new TokenDao(c)
                          .insertMappings(
                              List.of(
                                  mapping(AssetPredicate.CHILD_ERC20, AssetFieldsTest.TOKEN, 1),
                                  mapping(AssetPredicate.CHILD_ERC721, NFT, 2)))))
          .get();
    }
  }

  static TokenMapping mapping(AssetPredicate p, Address token, int log) {
    return new TokenMapping(
        p, p.edgeAddress(), token, MIRROR, new EventRef(3, 3, new Hash32(new byte[32]), log));
  }

  Map<BigInteger, AssetCellsReader.Read> read() {
    return AssetCellsReader.read(
        db,
        Direction.TO_CHILD,
        List.of(
            BigInteger.ONE,
            BigInteger.TWO,
            BigInteger.valueOf(3),
            BigInteger.valueOf(4),
            BigInteger.valueOf(5)));
  }

  @Test
  void theSixDecimalsAmountIsScaledAndTheRawIntegerKept() {
    AssetCellsReader.Read r = read().get(BigInteger.TWO);
    assertThat(r.cells())
        .isEqualTo(
            new AssetCells(
                "ERC-20",
                "deposit",
                AssetFieldsTest.TOKEN.toString(),
                "BUSD",
                "12.345678 BUSD",
                "12.345678",
                "12345678",
                ""));
    assertThat(r.cells().label()).isEqualTo("ERC-20 · BUSD");
    assertThat(r.from()).contains(AssetFieldsTest.ME);
    assertThat(r.to()).contains(AssetFieldsTest.YOU);
  }

  @Test
  void nftIdsAndMultiTokenPairsArePerItemAndUnknownPayloadsSaySo() {
    Map<BigInteger, AssetCellsReader.Read> all = read();
    AssetCells nft = all.get(BigInteger.valueOf(3)).cells();
    assertThat(nft.kind()).isEqualTo("ERC-721");
    assertThat(nft.amount()).isEqualTo("token #42, #43"); // the NFT's MAP_TOKEN was not indexed
    assertThat(nft.tokenIds()).isEqualTo("42;43");
    assertThat(nft.amountDecimal()).isEmpty();
    assertThat(all.get(BigInteger.valueOf(3)).to()).contains(AssetFieldsTest.YOU);
    AssetCells multi = all.get(BigInteger.valueOf(4)).cells();
    assertThat(multi.amount()).isEqualTo("5 × id 1, 7 × id 2");
    assertThat(multi.tokenIds()).isEqualTo("1;2");
    assertThat(multi.amountRaw()).isEqualTo("5;7");
    assertThat(multi.amountDecimal()).isEqualTo("5;7");
    AssetCells unknown = all.get(BigInteger.valueOf(5)).cells();
    assertThat(unknown.kind()).isEqualTo("unknown payload");
    assertThat(unknown.label()).isEqualTo("unknown payload");
    AssetCells mapping = all.get(BigInteger.ONE).cells();
    assertThat(mapping.action()).isEqualTo("map token");
    assertThat(mapping.amount()).isEqualTo("token mapping (BUSD)");
  }

  @Test
  void anUnknownPayloadsDetailShowsItsRawBytes() {
    List<Field> out = new ArrayList<>();
    AssetFields.add(db, Direction.TO_CHILD, BigInteger.valueOf(5), junk, out);
    assertThat(out)
        .contains(
            new Field("Kind", "unknown payload", false),
            new Field("Raw bytes (9)", "0xdeadbeef0102030405", true),
            new Field("", "deadbeef01020304 05", false));
    assertThat(out.get(1).value()).startsWith("unknown payload: ");
  }

  @Test
  void theTokenChooserListsEveryMappedTokenWithItsSymbol() {
    assertThat(AssetCellsReader.tokens(db))
        .extracting(t -> t.label())
        .containsExactly("BUSD · ERC-20 · 0x0000…070c", "ERC-721 · 0x0000…0721");
  }
}
