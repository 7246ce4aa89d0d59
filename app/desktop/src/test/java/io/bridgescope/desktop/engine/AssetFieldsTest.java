package io.bridgescope.desktop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.asset.AssetAction;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.AssetDao;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.PayloadKind;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.desktop.ports.MessageDetail.Field;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detail pane's asset fields: a 6-decimals token's amount in its own decimals and symbol (from
 * its MAP_TOKEN message when the contract was not asked yet), ERC-1155 id/amount pairs per item.
 */
class AssetFieldsTest {

  static final Address TOKEN = Address.ofLow(0x70c);
  static final Address ME = Address.ofLow(0xabc);
  static final Address YOU = Address.ofLow(0xdef);

  @TempDir Path dir;

  static StateSyncRow sync(long id, AssetPredicate p, byte[] data) {
    return new StateSyncRow(
        BigInteger.valueOf(id),
        Address.ofLow(0xbeef),
        p.edgeAddress(),
        Bytes.of(data),
        PayloadKind.MESSAGE,
        Optional.empty(),
        new EventRef(id, id, new Hash32(new byte[32]), (int) id));
  }

  static AbiValue text(String s) {
    return AbiValue.bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void amountsUseTheTokensOwnDecimalsAndPairsArePerItem() throws Exception {
    AbiValue t = AbiValue.address(TOKEN);
    byte[] map =
        Abi.encode(
            AbiValue.bytes32(AssetAction.MAP_TOKEN.tag()),
            t,
            text("Dollar"),
            text("BUSD"),
            AbiValue.uint(6));
    byte[] dep =
        Abi.encode(
            AbiValue.bytes32(AssetAction.DEPOSIT.tag()),
            t,
            AbiValue.address(ME),
            AbiValue.address(ME),
            AbiValue.uint(12_345_678));
    byte[] multi =
        Abi.encode(
            AbiValue.bytes32(AssetAction.DEPOSIT_BATCH.tag()),
            AbiValue.address(Address.ofLow(0x1155)),
            AbiValue.address(ME),
            AbiValue.array(List.of(AbiValue.address(ME), AbiValue.address(YOU))),
            AbiValue.array(List.of(AbiValue.uint(1), AbiValue.uint(2))),
            AbiValue.array(List.of(AbiValue.uint(5), AbiValue.uint(7))));
    Database db = Database.open(dir.resolve("d.db"));
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      w.submit(
              Batch.of(
                  c ->
                      new StateSyncDao(c)
                          .insert(
                              List.of(
                                  sync(1, AssetPredicate.CHILD_ERC20, map),
                                  sync(2, AssetPredicate.CHILD_ERC20, dep),
                                  sync(3, AssetPredicate.CHILD_ERC1155, multi))),
                  c -> new AssetDao(c).classifyPending(Direction.TO_CHILD, AssetPredicates.edge())))
          .get();
    }
    List<Field> erc20 = new ArrayList<>();
    AssetFields.add(db, Direction.TO_CHILD, BigInteger.TWO, dep, erc20);
    assertThat(erc20).contains(new Field("Asset", "ERC-20 deposit", false));
    assertThat(erc20).contains(new Field("Item", "12.345678 BUSD to " + ME, false));
    List<Field> pairs = new ArrayList<>();
    AssetFields.add(db, Direction.TO_CHILD, BigInteger.valueOf(3), multi, pairs);
    assertThat(pairs)
        .contains(
            new Field("Asset", "ERC-1155 deposit batch", false),
            new Field("Item 1", "5 × id 1 to " + ME, false),
            new Field("Item 2", "7 × id 2 to " + YOU, false));
  }
}
