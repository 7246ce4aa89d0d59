package io.bridgescope.core.solvency;

import static io.bridgescope.core.asset.AssetPredicate.CHILD_ERC1155;
import static io.bridgescope.core.asset.AssetPredicate.ROOT_MINTABLE_ERC20;
import static io.bridgescope.core.asset.AssetPredicate.ROOT_MINTABLE_ERC721;
import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.asset.AssetAction;
import io.bridgescope.core.asset.AssetItem;
import io.bridgescope.core.asset.AssetMessage;
import io.bridgescope.core.asset.AssetPayload;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.AssetDao;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.ExitDao;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.Erc20Transfer;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.ExecutionResultRow;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.core.store.rows.PayloadKind;
import io.bridgescope.core.store.rows.StateSyncRow;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-flight ERC-20 amounts per root token from a real index, and when no verdict can be given. */
class InFlightTest {

  static final Address TOKEN = Address.ofLow(0x7070);
  static final Address OTHER = Address.ofLow(0x8080);

  @TempDir Path dir;
  Database db;
  StoreWriter writer;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("t.db"));
    writer = new StoreWriter(db, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    writer.close();
  }

  static Hash32 hash(int seed) {
    byte[] b = new byte[32];
    b[0] = 0x33;
    b[30] = (byte) (seed >> 8);
    b[31] = (byte) seed;
    return new Hash32(b);
  }

  static StateSyncRow deposit(int id, Address token, long amount) {
    return new StateSyncRow(
        BigInteger.valueOf(id),
        Address.ofLow(1),
        Address.ofLow(2),
        Bytes.of(new byte[] {1}),
        PayloadKind.DEPOSIT,
        Optional.of(
            new Erc20Transfer(
                token, Address.ofLow(3), Address.ofLow(4), BigInteger.valueOf(amount))),
        new EventRef(id, 100 + id, hash(id), 0));
  }

  static ExitRow withdrawal(int id, long amount) {
    return new ExitRow(
        BigInteger.valueOf(id),
        Address.ofLow(2),
        Address.ofLow(1),
        Bytes.of(new byte[] {2}),
        1,
        PayloadKind.WITHDRAWAL,
        Optional.of(
            new Erc20Transfer(
                TOKEN, Address.ofLow(4), Address.ofLow(3), BigInteger.valueOf(amount))),
        new EventRef(id, 100 + id, hash(1000 + id), 0));
  }

  static ExecutionResultRow result(int id, boolean ok, int seed) {
    return new ExecutionResultRow(
        BigInteger.valueOf(id), ok, Bytes.EMPTY, new EventRef(50, 150, hash(2000 + seed), 0));
  }

  @Test
  void depositsAndExitsAreInFlightUntilASuccessfulResultAndFailuresAreCountedApart() {
    write(
        c -> {
          StateSyncDao s = new StateSyncDao(c);
          s.insert(List.of(deposit(1, TOKEN, 10), deposit(2, TOKEN, 20), deposit(3, TOKEN, 40)));
          s.insert(List.of(deposit(4, OTHER, 7)));
          // 1 executed; 2 failed once; 3 failed, then succeeded on a retry
          s.insertResults(List.of(result(1, true, 1), result(2, false, 2), result(3, false, 3)));
          s.insertResults(List.of(result(3, true, 4)));
          ExitDao e = new ExitDao(c);
          e.insert(List.of(withdrawal(1, 5), withdrawal(2, 6), withdrawal(3, 9)));
          e.insertResults(List.of(result(1, true, 5), result(2, false, 6)));
        });
    var sums = db.read(InFlight::erc20);
    assertThat(sums.get(TOKEN).v())
        .containsExactly(
            BigInteger.ZERO, BigInteger.valueOf(20), BigInteger.valueOf(9), BigInteger.valueOf(6));
    assertThat(sums.get(OTHER).v()[InFlight.DEPOSITS]).isEqualTo(BigInteger.valueOf(7));
    assertThat(db.read(InFlight::unsettled)).isEmpty();
  }

  static AssetMessage childNative(Direction d, int id, AssetPredicate p, Address token, long n) {
    AssetAction a = d == Direction.TO_ROOT ? AssetAction.DEPOSIT : AssetAction.WITHDRAW;
    AssetItem item =
        p.kind() == io.bridgescope.core.asset.AssetKind.ERC20
            ? AssetItem.fungible(Address.ofLow(4), BigInteger.valueOf(n))
            : AssetItem.nft(Address.ofLow(4), BigInteger.valueOf(n));
    return new AssetMessage(
        d,
        BigInteger.valueOf(id),
        new AssetPayload.Transfer(p, a, token, Address.ofLow(3), List.of(item)));
  }

  @Test
  void childNativeTokensAreInFlightTheOtherWayRound() {
    AssetPredicates edge = AssetPredicates.edge();
    write(
        c -> {
          AssetDao a = new AssetDao(c);
          // child -> root deposits of the child-native ERC-20: 1 exited, 2 pending, 3 failed
          a.insert(childNative(Direction.TO_ROOT, 1, ROOT_MINTABLE_ERC20, TOKEN, 10), edge);
          a.insert(childNative(Direction.TO_ROOT, 2, ROOT_MINTABLE_ERC20, TOKEN, 20), edge);
          a.insert(childNative(Direction.TO_ROOT, 3, ROOT_MINTABLE_ERC20, TOKEN, 40), edge);
          // root -> child withdrawal pending; and payloads that are not child-native ERC-20
          a.insert(childNative(Direction.TO_CHILD, 1, ROOT_MINTABLE_ERC20, TOKEN, 5), edge);
          a.insert(childNative(Direction.TO_ROOT, 4, ROOT_MINTABLE_ERC721, OTHER, 7), edge);
          a.insert(
              new AssetMessage(
                  Direction.TO_ROOT,
                  BigInteger.valueOf(5),
                  new AssetPayload.Transfer(
                      AssetPredicate.CHILD_ERC20,
                      AssetAction.WITHDRAW,
                      OTHER,
                      Address.ofLow(3),
                      List.of(AssetItem.fungible(Address.ofLow(4), BigInteger.TEN)))),
              edge);
          new ExitDao(c).insertResults(List.of(result(1, true, 1), result(3, false, 3)));
        });
    var sums = db.read(InFlight::childNativeErc20);
    assertThat(sums).containsOnlyKeys(TOKEN);
    assertThat(sums.get(TOKEN).v())
        .containsExactly(
            BigInteger.valueOf(20), BigInteger.valueOf(40), BigInteger.valueOf(5), BigInteger.ZERO);
    assertThat(db.read(InFlight::erc20)).isEmpty();
  }

  static AssetMessage nfts(Direction d, int id, AssetAction a, Address token, int... tokenIds) {
    List<AssetItem> items = new java.util.ArrayList<>();
    for (int t : tokenIds) {
      items.add(AssetItem.nft(Address.ofLow(4), BigInteger.valueOf(t)));
    }
    return new AssetMessage(
        d,
        BigInteger.valueOf(id),
        new AssetPayload.Transfer(AssetPredicate.CHILD_ERC721, a, token, Address.ofLow(3), items));
  }

  @Test
  void rootNativeNftIdsAreInFlightOneByOneAndEveryIdTheyNamedIsKnown() {
    AssetPredicates edge = AssetPredicates.edge();
    write(
        c -> {
          StateSyncDao s = new StateSyncDao(c);
          // the messages (blocks 1..3 on the root, 1 on the child) the payloads describe
          s.insert(List.of(deposit(1, TOKEN, 0), deposit(2, TOKEN, 0), deposit(3, TOKEN, 0)));
          new ExitDao(c).insert(List.of(withdrawal(1, 0)));
          AssetDao a = new AssetDao(c);
          // deposit 1 (id 11) executed; batch 2 (ids 12, 13) pending; deposit 3 (id 14) failed
          a.insert(nfts(Direction.TO_CHILD, 1, AssetAction.DEPOSIT, TOKEN, 11), edge);
          a.insert(nfts(Direction.TO_CHILD, 2, AssetAction.DEPOSIT_BATCH, TOKEN, 12, 13), edge);
          a.insert(nfts(Direction.TO_CHILD, 3, AssetAction.DEPOSIT, TOKEN, 14), edge);
          // id 11 withdrawn again: burned on the child, not exited yet
          a.insert(nfts(Direction.TO_ROOT, 1, AssetAction.WITHDRAW, TOKEN, 11), edge);
          // a child-native ERC-721 is not a root-native one
          a.insert(childNative(Direction.TO_ROOT, 4, ROOT_MINTABLE_ERC721, OTHER, 7), edge);
          s.insertResults(List.of(result(1, true, 1), result(3, false, 3)));
        });
    var all =
        db.read(
            c -> InFlight.nftsAt(c, AssetPredicate.CHILD_ERC721, Long.MAX_VALUE, Long.MAX_VALUE));
    assertThat(all).containsOnlyKeys(TOKEN);
    assertThat(all.get(TOKEN).sums().v())
        .containsExactly(BigInteger.TWO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO);
    assertThat(all.get(TOKEN).perId().keySet())
        .containsExactly(
            BigInteger.valueOf(11),
            BigInteger.valueOf(12),
            BigInteger.valueOf(13),
            BigInteger.valueOf(14));
    // as of root block 2: deposit 3 was not sent yet, so id 14 is neither in flight nor known
    var early = db.read(c -> InFlight.nftsAt(c, AssetPredicate.CHILD_ERC721, 2, Long.MAX_VALUE));
    assertThat(early.get(TOKEN).sums().v())
        .containsExactly(BigInteger.TWO, BigInteger.ZERO, BigInteger.ONE, BigInteger.ZERO);
    assertThat(early.get(TOKEN).perId()).doesNotContainKey(BigInteger.valueOf(14));
    // per id: 11 executed and burned again (its exit pending), 12 pending, 14 failed
    assertThat(all.get(TOKEN).perId().get(BigInteger.valueOf(11)).v())
        .containsExactly(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ONE, BigInteger.ZERO);
    assertThat(all.get(TOKEN).perId().get(BigInteger.valueOf(12)).v())
        .containsExactly(BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
    assertThat(all.get(TOKEN).perId().get(BigInteger.valueOf(14)).v())
        .containsExactly(BigInteger.ZERO, BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO);
    // as of child block 0: the exit was not sent, and the execution not seen yet
    var before = db.read(c -> InFlight.nftsAt(c, AssetPredicate.CHILD_ERC721, Long.MAX_VALUE, 0));
    assertThat(before.get(TOKEN).sums().v())
        .containsExactly(BigInteger.valueOf(4), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
  }

  @Test
  void childNativeMultiTokensAreInFlightPerIdTheOtherWayRound() {
    AssetPredicates edge = AssetPredicates.edge();
    AssetPredicate family = AssetPredicate.ROOT_MINTABLE_ERC1155;
    write(
        c -> {
          // deposits leave the child as exits 1 (settled) and 2 (a batch, pending); a mirror
          // withdrawal comes back as state sync 3 (pending)
          new ExitDao(c).insert(List.of(withdrawal(1, 0), withdrawal(2, 0)));
          new StateSyncDao(c).insert(List.of(deposit(3, TOKEN, 0)));
          AssetDao a = new AssetDao(c);
          a.insert(multi(Direction.TO_ROOT, 1, AssetAction.DEPOSIT, family, 5, 10), edge);
          a.insert(
              multi(Direction.TO_ROOT, 2, AssetAction.DEPOSIT_BATCH, family, 5, 3, 6, 4), edge);
          a.insert(multi(Direction.TO_CHILD, 3, AssetAction.WITHDRAW, family, 6, 2), edge);
          // the same shapes through the root-native family are not this family's
          a.insert(multi(Direction.TO_CHILD, 3, AssetAction.DEPOSIT, CHILD_ERC1155, 5, 99), edge);
          new ExitDao(c).insertResults(List.of(result(1, true, 1)));
        });
    var all = db.read(c -> InFlight.nftsAt(c, family, Long.MAX_VALUE, Long.MAX_VALUE));
    assertThat(all).containsOnlyKeys(TOKEN);
    assertThat(all.get(TOKEN).sums().v())
        .containsExactly(BigInteger.valueOf(7), BigInteger.ZERO, BigInteger.TWO, BigInteger.ZERO);
    assertThat(all.get(TOKEN).perId().get(BigInteger.valueOf(5)).v())
        .containsExactly(BigInteger.valueOf(3), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
    assertThat(all.get(TOKEN).perId().get(BigInteger.valueOf(6)).v())
        .containsExactly(BigInteger.valueOf(4), BigInteger.ZERO, BigInteger.TWO, BigInteger.ZERO);
    // as of root block 0 the mirror withdrawal was not sent, and the settling exit not seen
    var early = db.read(c -> InFlight.nftsAt(c, family, 0, Long.MAX_VALUE));
    assertThat(early.get(TOKEN).sums().v())
        .containsExactly(BigInteger.valueOf(17), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
    // as of child block 1 only the first deposit had left the child
    var first = db.read(c -> InFlight.nftsAt(c, family, 0, 1));
    assertThat(first.get(TOKEN).perId()).containsOnlyKeys(BigInteger.valueOf(5));
  }

  /** An ERC-1155 payload of {@code family}: id, amount pairs. */
  static AssetMessage multi(
      Direction d, int id, AssetAction a, AssetPredicate family, long... idAmounts) {
    List<AssetItem> items = new java.util.ArrayList<>();
    for (int i = 0; i < idAmounts.length; i += 2) {
      items.add(
          AssetItem.multi(
              Address.ofLow(4),
              BigInteger.valueOf(idAmounts[i]),
              BigInteger.valueOf(idAmounts[i + 1])));
    }
    Address token = family == CHILD_ERC1155 ? OTHER : TOKEN;
    return new AssetMessage(
        d,
        BigInteger.valueOf(id),
        new AssetPayload.Transfer(family, a, token, Address.ofLow(3), items));
  }

  @Test
  void aResultWhoseMessageIsNotIndexedLeavesTheVerdictOpen() {
    write(c -> new StateSyncDao(c).insertResults(List.of(result(9, true, 9))));
    assertThat(db.read(InFlight::unsettled)).get().asString().contains("not indexed on the root");
  }

  @Test
  void theDifferenceIsEscrowMinusEverythingOwed() {
    TokenSolvency t =
        new TokenSolvency(
            AssetKind.ERC20,
            TOKEN,
            Optional.of(OTHER),
            BigInteger.valueOf(100),
            BigInteger.valueOf(70),
            BigInteger.valueOf(10),
            BigInteger.valueOf(5),
            BigInteger.valueOf(10),
            BigInteger.valueOf(5));
    assertThat(t.status()).isEqualTo(TokenSolvency.Status.BALANCED);
    TokenSolvency minted =
        new TokenSolvency(
            AssetKind.ERC20,
            TOKEN,
            Optional.of(OTHER),
            t.escrow(),
            t.childSupply().add(BigInteger.valueOf(3)),
            t.depositsInFlight(),
            t.depositsFailed(),
            t.exitsInFlight(),
            t.exitsFailed());
    assertThat(minted.difference()).isEqualTo(BigInteger.valueOf(-3));
    assertThat(minted.status()).isEqualTo(TokenSolvency.Status.DEFICIT);
  }

  private void write(io.bridgescope.core.store.WriteOp op) {
    writer.submit(Batch.of(op)).join();
  }
}
