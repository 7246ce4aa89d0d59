package io.bridgescope.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.asset.AssetAction;
import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.asset.TokenMapping;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.stats.MessageFilter;
import io.bridgescope.core.stats.MessageQuery;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Deposits/Exits list filters over the decoded payloads, in SQL: asset kind, token (as the
 * payload names it or by its mirror), and an address named only in the payload (an NFT batch's
 * receiver), each combined with the others and with the order.
 */
class MessageQueryAssetsTest {

  static final Address USD = Address.ofLow(0x20);
  static final Address MIRROR = Address.ofLow(0x7210);
  static final Address CAROL = Address.ofLow(0xca201);
  static final Address DAVE = Address.ofLow(0xda5e);

  @TempDir Path dir;
  Database db;
  StoreWriter writer;

  @BeforeEach
  void open() throws Exception {
    db = Database.open(dir.resolve("d.db"));
    writer = new StoreWriter(db, Clock.systemUTC());
    byte[] erc20 =
        Abi.encode(
            AbiValue.bytes32(AssetAction.DEPOSIT.tag()),
            AbiValue.address(USD),
            AbiValue.address(CAROL),
            AbiValue.address(DAVE),
            AbiValue.uint(12_345_678));
    write(
        c ->
            new StateSyncDao(c)
                .insert(
                    List.of(
                        AssetDaoTest.sync(
                            1,
                            10,
                            AssetPredicate.CHILD_ERC721.edgeAddress(),
                            AssetDaoTest.erc721Batch()),
                        AssetDaoTest.sync(2, 11, Fixtures.BOB, new byte[] {1, 2, 3}),
                        AssetDaoTest.sync(
                            3, 12, AssetPredicate.CHILD_ERC20.edgeAddress(), erc20))));
    write(c -> new AssetDao(c).classifyPending(Direction.TO_CHILD, AssetPredicates.edge()));
    write(
        c ->
            new TokenDao(c)
                .insertMappings(
                    List.of(
                        new TokenMapping(
                            AssetPredicate.CHILD_ERC721,
                            AssetPredicate.CHILD_ERC721.edgeAddress(),
                            AssetDaoTest.NFT,
                            MIRROR,
                            Fixtures.event(5, 0)))));
  }

  @AfterEach
  void close() {
    writer.close();
  }

  void write(WriteOp op) throws Exception {
    writer.submit(Batch.of(op)).get();
  }

  List<Long> ids(MessageFilter f) {
    List<MessageQuery.Hit> hits =
        db.read(c -> MessageQuery.page(c, MessageQuery.Kind.DEPOSITS, f, Optional.empty(), 50));
    long n = db.read(c -> MessageQuery.count(c, MessageQuery.Kind.DEPOSITS, f));
    assertThat(n).as("count of %s", f).isEqualTo(hits.size());
    return hits.stream().map(h -> h.id().longValueExact()).toList();
  }

  @Test
  void theKindFilterKeepsOnlyThatKindOfPayload() {
    assertThat(ids(MessageFilter.NONE.withKind(Optional.of(AssetKind.ERC721)))).containsExactly(1L);
    assertThat(ids(MessageFilter.NONE.withKind(Optional.of(AssetKind.UNKNOWN))))
        .containsExactly(2L);
    assertThat(ids(MessageFilter.NONE.withKind(Optional.of(AssetKind.ERC20)))).containsExactly(3L);
    assertThat(ids(MessageFilter.NONE.withKind(Optional.of(AssetKind.ERC1155)))).isEmpty();
  }

  @Test
  void theTokenFilterFindsThePayloadsTokenAndItsMirror() {
    assertThat(ids(MessageFilter.NONE.withToken(Optional.of(USD)))).containsExactly(3L);
    assertThat(ids(MessageFilter.NONE.withToken(Optional.of(AssetDaoTest.NFT))))
        .containsExactly(1L);
    assertThat(ids(MessageFilter.NONE.withToken(Optional.of(MIRROR)))).containsExactly(1L);
    assertThat(
            ids(
                MessageFilter.NONE
                    .withToken(Optional.of(MIRROR))
                    .withKind(Optional.of(AssetKind.ERC20))))
        .isEmpty();
  }

  @Test
  void anAddressNamedOnlyInThePayloadIsFoundInEveryOrderAndWithTheOtherFilters() {
    // BOB receives an NFT of the batch (1) and is the receiver contract of the unknown message (2)
    MessageFilter bob = MessageFilter.NONE.withAddress(Optional.of(Fixtures.BOB));
    assertThat(ids(bob.withOrder(MessageFilter.Order.OLDEST_ID))).containsExactly(1L, 2L);
    assertThat(ids(bob.withOrder(MessageFilter.Order.NEWEST_TIME))).containsExactly(2L, 1L);
    assertThat(ids(bob.withKind(Optional.of(AssetKind.ERC721)))).containsExactly(1L);
    // CAROL is the ERC-20 depositor only in the payload (the legacy columns know her too)
    assertThat(ids(MessageFilter.NONE.withAddress(Optional.of(CAROL)).withStage(Optional.empty())))
        .containsExactly(3L);
    // ALICE sent the NFT batch: the payload's sender
    assertThat(
            ids(
                MessageFilter.NONE
                    .withAddress(Optional.of(Fixtures.ALICE))
                    .withToken(Optional.of(MIRROR))))
        .containsExactly(1L);
  }
}
