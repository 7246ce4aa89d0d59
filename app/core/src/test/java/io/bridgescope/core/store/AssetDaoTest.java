package io.bridgescope.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.asset.AssetAction;
import io.bridgescope.core.asset.AssetItem;
import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.asset.AssetMessage;
import io.bridgescope.core.asset.AssetPayload;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.asset.TokenMapping;
import io.bridgescope.core.asset.TokenMetadata;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.core.store.rows.PayloadKind;
import io.bridgescope.core.store.rows.StateSyncRow;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every message gets one stored reading of its payload, typed rows for transfers (with batch
 * items), the reason for unknown ones; readings go with their message on a reorg, mappings and
 * token metadata round-trip.
 */
class AssetDaoTest {

  static final AssetPredicates EDGE = AssetPredicates.edge();
  static final Address ROOT_PREDICATE = Address.ofLow(0xbeef);
  static final Address NFT = Address.ofLow(0x721);
  static final Address MULTI = Address.ofLow(0x1155);

  @TempDir Path dir;
  Database db;
  StoreWriter writer;

  /** The store under test; the PostgreSQL variants override this. */
  Database openStore() {
    return Database.open(dir.resolve("d.db"));
  }

  @BeforeEach
  void open() {
    db = openStore();
    writer = new StoreWriter(db, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    writer.close();
  }

  void write(WriteOp op) throws Exception {
    writer.submit(Batch.of(op)).get();
  }

  static StateSyncRow sync(long id, long block, Address receiver, byte[] data) {
    return new StateSyncRow(
        BigInteger.valueOf(id),
        ROOT_PREDICATE,
        receiver,
        Bytes.of(data),
        PayloadKind.MESSAGE,
        Optional.empty(),
        Fixtures.event(block, (int) id));
  }

  static byte[] erc721Batch() {
    return Abi.encode(
        AbiValue.bytes32(AssetAction.DEPOSIT_BATCH.tag()),
        AbiValue.address(NFT),
        AbiValue.address(Fixtures.ALICE),
        AbiValue.array(List.of(AbiValue.address(Fixtures.BOB), AbiValue.address(Fixtures.ALICE))),
        AbiValue.array(List.of(AbiValue.uint(7), AbiValue.uint(BigInteger.TWO.pow(255)))));
  }

  static byte[] erc1155Withdraw() {
    return Abi.encode(
        AbiValue.bytes32(AssetAction.WITHDRAW.tag()),
        AbiValue.address(MULTI),
        AbiValue.address(Fixtures.BOB),
        AbiValue.address(Fixtures.ALICE),
        AbiValue.uint(3),
        AbiValue.uint(250));
  }

  @Test
  void everyMessageIsClassifiedOnceWithItsItems() throws Exception {
    byte[] junk = {1, 2, 3};
    write(
        c ->
            new StateSyncDao(c)
                .insert(
                    List.of(
                        sync(1, 10, AssetPredicate.CHILD_ERC721.edgeAddress(), erc721Batch()),
                        sync(2, 10, Fixtures.BOB, junk),
                        sync(3, 11, AssetPredicate.CHILD_ERC1155.edgeAddress(), junk))));
    write(
        c ->
            new ExitDao(c)
                .insert(
                    List.of(
                        new ExitRow(
                            BigInteger.ONE,
                            AssetPredicate.CHILD_ERC1155.edgeAddress(),
                            ROOT_PREDICATE,
                            Bytes.of(erc1155Withdraw()),
                            1,
                            PayloadKind.MESSAGE,
                            Optional.empty(),
                            Fixtures.event(20, 0)))));
    write(c -> new AssetDao(c).classifyPending(Direction.TO_CHILD, EDGE));
    write(c -> new AssetDao(c).classifyPending(Direction.TO_ROOT, EDGE));
    // A second pass finds nothing left to do.
    assertThat(db.<Integer>read(c -> new AssetDao(c).classifyPending(Direction.TO_CHILD, EDGE)))
        .isZero();

    AssetPayload batch = payload(Direction.TO_CHILD, 1);
    assertThat(batch)
        .isEqualTo(
            new AssetPayload.Transfer(
                AssetPredicate.CHILD_ERC721,
                AssetAction.DEPOSIT_BATCH,
                NFT,
                Fixtures.ALICE,
                List.of(
                    AssetItem.nft(Fixtures.BOB, BigInteger.valueOf(7)),
                    AssetItem.nft(Fixtures.ALICE, BigInteger.TWO.pow(255)))));
    AssetPayload.Unknown stranger = (AssetPayload.Unknown) payload(Direction.TO_CHILD, 2);
    assertThat(stranger.predicate()).isEmpty();
    AssetPayload.Unknown bad = (AssetPayload.Unknown) payload(Direction.TO_CHILD, 3);
    assertThat(bad.predicate()).contains(AssetPredicate.CHILD_ERC1155);
    assertThat(bad.reason()).contains("shorter");
    // The unknown payload's bytes are still the message's own.
    assertThat(
            db.<Optional<StateSyncRow>>read(c -> new StateSyncDao(c).byId(BigInteger.TWO))
                .orElseThrow()
                .data()
                .value())
        .isEqualTo(junk);
    assertThat(payload(Direction.TO_ROOT, 1))
        .isEqualTo(
            new AssetPayload.Transfer(
                AssetPredicate.CHILD_ERC1155,
                AssetAction.WITHDRAW,
                MULTI,
                Fixtures.BOB,
                List.of(
                    AssetItem.multi(
                        Fixtures.ALICE, BigInteger.valueOf(3), BigInteger.valueOf(250)))));

    List<AssetMessage> nfts =
        db.read(
            c ->
                new AssetDao(c)
                    .page(
                        Direction.TO_CHILD,
                        Optional.of(AssetKind.ERC721),
                        Optional.empty(),
                        Optional.empty(),
                        50));
    assertThat(nfts).extracting(AssetMessage::id).containsExactly(BigInteger.ONE);
    List<AssetMessage> unknownNewestFirst =
        db.read(
            c ->
                new AssetDao(c)
                    .page(
                        Direction.TO_CHILD,
                        Optional.of(AssetKind.UNKNOWN),
                        Optional.empty(),
                        Optional.empty(),
                        50));
    assertThat(unknownNewestFirst)
        .extracting(AssetMessage::id)
        .containsExactly(BigInteger.valueOf(3), BigInteger.TWO);
    List<AssetMessage> byToken =
        db.read(
            c ->
                new AssetDao(c)
                    .page(
                        Direction.TO_ROOT,
                        Optional.empty(),
                        Optional.of(MULTI),
                        Optional.empty(),
                        5));
    assertThat(byToken).hasSize(1);
  }

  @Test
  void aLongCatchUpIsClassifiedAcrossStatementsAndAStoredReadingKeepsItsItems() throws Exception {
    int n = 2 * Inserts.MAX_ROWS + 203;
    List<StateSyncRow> syncs = new java.util.ArrayList<>();
    for (int id = 1; id <= n; id++) {
      syncs.add(
          id % 2 == 1
              ? sync(id, 10 + id, AssetPredicate.CHILD_ERC721.edgeAddress(), erc721Batch())
              : sync(id, 10 + id, Fixtures.BOB, new byte[] {1, 2, 3}));
    }
    write(c -> new StateSyncDao(c).insert(syncs));
    assertThat(writer.call(c -> new AssetDao(c).classifyPending(Direction.TO_CHILD, EDGE)).get())
        .isEqualTo(n);
    int batches = (n + 1) / 2;
    assertThat(items()).isEqualTo(2L * batches);
    for (long id : new long[] {1, Inserts.MAX_ROWS + 1, n}) {
      assertThat(payload(Direction.TO_CHILD, id)).isInstanceOf(AssetPayload.Transfer.class);
    }
    assertThat(payload(Direction.TO_CHILD, 2)).isInstanceOf(AssetPayload.Unknown.class);
    // A message that has its reading keeps it: the payload is not replaced, no item is added.
    AssetMessage again =
        new AssetMessage(
            Direction.TO_CHILD,
            BigInteger.ONE,
            EDGE.decodeStateSync(AssetPredicate.CHILD_ERC721.edgeAddress(), erc721Batch()));
    write(c -> new AssetDao(c).insert(again, EDGE));
    assertThat(items()).isEqualTo(2L * batches);
  }

  private long items() {
    return db.read(
        c -> {
          try (var s = c.createStatement();
              var rs = s.executeQuery("SELECT count(*) FROM asset_items")) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Test
  void anAddressFindsTheMessagesWhosePayloadNamesIt() throws Exception {
    Address carol = Address.ofLow(0xca201);
    byte[] batch =
        Abi.encode(
            AbiValue.bytes32(AssetAction.DEPOSIT_BATCH.tag()),
            AbiValue.address(NFT),
            AbiValue.address(Fixtures.ALICE),
            AbiValue.array(List.of(AbiValue.address(Fixtures.BOB), AbiValue.address(carol))),
            AbiValue.array(List.of(AbiValue.uint(1), AbiValue.uint(2))));
    write(
        c ->
            new StateSyncDao(c)
                .insert(
                    List.of(
                        sync(1, 10, AssetPredicate.CHILD_ERC721.edgeAddress(), batch),
                        sync(2, 11, Fixtures.BOB, new byte[] {1}))));
    write(c -> new AssetDao(c).classifyPending(Direction.TO_CHILD, EDGE));
    // carol is only the second receiver of a batch: in no column of state_syncs.
    assertThat(
            db.<List<StateSyncRow>>read(
                c -> new StateSyncDao(c).byAddress(carol, Optional.empty(), 10)))
        .extracting(StateSyncRow::id)
        .containsExactly(BigInteger.ONE);
    assertThat(
            db.<List<StateSyncRow>>read(
                c -> new StateSyncDao(c).byAddress(Fixtures.ALICE, Optional.empty(), 10)))
        .extracting(StateSyncRow::id)
        .containsExactly(BigInteger.ONE);
  }

  @Test
  void aReorgTakesTheReadingsWithTheMessages() throws Exception {
    write(
        c ->
            new StateSyncDao(c)
                .insert(
                    List.of(
                        sync(1, 10, AssetPredicate.CHILD_ERC721.edgeAddress(), erc721Batch()),
                        sync(2, 30, AssetPredicate.CHILD_ERC721.edgeAddress(), erc721Batch()))));
    write(c -> new AssetDao(c).classifyPending(Direction.TO_CHILD, EDGE));
    write(c -> Reorgs.rewind(c, ChainRole.ROOT, 20));
    assertThat(db.<Long>read(c -> new AssetDao(c).count(Direction.TO_CHILD, AssetKind.ERC721)))
        .isEqualTo(1);
    assertThat(db.<Long>read(c -> Sql.count(c, "SELECT count(*) FROM asset_items", ps -> {})))
        .isEqualTo(2);
    // The re-indexed message gets its reading again.
    write(c -> new StateSyncDao(c).insert(List.of(sync(2, 21, Fixtures.BOB, new byte[] {9}))));
    write(c -> new AssetDao(c).classifyPending(Direction.TO_CHILD, EDGE));
    assertThat(payload(Direction.TO_CHILD, 2)).isInstanceOf(AssetPayload.Unknown.class);
  }

  @Test
  void mappingsTieTokensAndGoWithTheirBlocks() throws Exception {
    Address mirror = Address.ofLow(0xc10e);
    TokenMapping m =
        new TokenMapping(
            AssetPredicate.ROOT_MINTABLE_ERC721,
            AssetPredicate.ROOT_MINTABLE_ERC721.edgeAddress(),
            NFT,
            mirror,
            Fixtures.event(40, 2));
    write(c -> new TokenDao(c).insertMappings(List.of(m, m)));
    TokenMapping back =
        db.<Optional<TokenMapping>>read(
                c -> new TokenDao(c).mappingOf(AssetPredicate.ROOT_MINTABLE_ERC721, NFT))
            .orElseThrow();
    assertThat(back.mirrorToken()).isEqualTo(mirror);
    assertThat(back.rootChainToken()).isEqualTo(mirror);
    assertThat(back.childChainToken()).isEqualTo(NFT);
    assertThat(db.<List<TokenMapping>>read(c -> new TokenDao(c).mappingsWith(mirror))).hasSize(1);
    write(c -> Reorgs.rewind(c, ChainRole.CHILD, 39));
    assertThat(db.<List<TokenMapping>>read(c -> new TokenDao(c).allMappings())).isEmpty();
  }

  @Test
  void metadataKeepsWhatATokenDidNotAnswer() throws Exception {
    TokenMetadata usdc =
        new TokenMetadata(
            ChainRole.ROOT,
            MULTI,
            Optional.of("USD Coin"),
            Optional.of("USDC"),
            OptionalInt.of(6),
            Optional.empty());
    TokenMetadata bare =
        new TokenMetadata(
            ChainRole.CHILD,
            MULTI,
            Optional.empty(),
            Optional.of("X"),
            OptionalInt.empty(),
            Optional.of("decimals() reverted"));
    write(c -> new TokenDao(c).putMetadata(usdc, 1));
    write(c -> new TokenDao(c).putMetadata(bare, 2));
    assertThat(
            db.<Optional<TokenMetadata>>read(c -> new TokenDao(c).metadata(ChainRole.ROOT, MULTI)))
        .contains(usdc);
    assertThat(
            db.<Optional<TokenMetadata>>read(c -> new TokenDao(c).metadata(ChainRole.CHILD, MULTI)))
        .contains(bare);
    assertThat(
            db.<Optional<TokenMetadata>>read(c -> new TokenDao(c).metadata(ChainRole.CHILD, NFT)))
        .isEmpty();
  }

  AssetPayload payload(Direction d, long id) {
    return db.<Optional<AssetPayload>>read(c -> new AssetDao(c).payload(d, BigInteger.valueOf(id)))
        .orElseThrow();
  }
}
