package io.bridgescope.core.solvency;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.asset.TokenHome;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kept solvency history: only changes are written, nothing without a verdict, and it reopens.
 */
class SolvencyHistoryTest {

  static final Address TOKEN = Address.ofLow(0x7070);
  static final Address MULTI = Address.ofLow(0x8080);

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

  static TokenSolvency erc20(long escrow, long supply) {
    return new TokenSolvency(
        AssetKind.ERC20,
        TOKEN,
        Optional.of(Address.ofLow(0x1111)),
        BigInteger.valueOf(escrow),
        BigInteger.valueOf(supply),
        BigInteger.ZERO,
        BigInteger.ZERO,
        BigInteger.ZERO,
        BigInteger.ZERO);
  }

  static TokenSolvency multi(long id, long escrow, long supply) {
    return new TokenSolvency(
        AssetKind.ERC1155,
        Address.ofLow(0x9090),
        Optional.of(MULTI),
        BigInteger.valueOf(escrow),
        BigInteger.valueOf(supply),
        BigInteger.ONE,
        BigInteger.ZERO,
        BigInteger.ZERO,
        BigInteger.ZERO,
        TokenHome.CHILD,
        Optional.of(BigInteger.valueOf(id)));
  }

  int record(SolvencyReport r, long at) {
    return writer.call(c -> SolvencyHistory.record(c, r, Instant.ofEpochMilli(at))).join();
  }

  @Test
  void onlyChangesAreKeptAndAnUnsettledCheckKeepsNothing() {
    SolvencyReport first =
        new SolvencyReport(10, 20, List.of(erc20(5, 5), multi(7, 3, 2)), Optional.empty());
    assertThat(record(first, 1_000)).isEqualTo(2);
    // the same amounts at later blocks: nothing new
    assertThat(record(new SolvencyReport(11, 21, first.tokens(), Optional.empty()), 2_000))
        .isZero();
    // no verdict: nothing, even though an amount moved
    assertThat(
            record(
                new SolvencyReport(12, 22, List.of(erc20(9, 5)), Optional.of("root behind")),
                3_000))
        .isZero();
    // the ERC-20 falls into deficit; the ERC-1155 id is unchanged
    assertThat(
            record(
                new SolvencyReport(13, 23, List.of(erc20(5, 8), multi(7, 3, 2)), Optional.empty()),
                4_000))
        .isEqualTo(1);

    // a new database handle reads what the first one wrote
    List<SolvencyHistory.Entry> kept = db.read(c -> SolvencyHistory.latest(c, 100));
    assertThat(kept).hasSize(3);
    assertThat(kept)
        .extracting(SolvencyHistory.Entry::tokenKey)
        .containsExactly(TOKEN.toString(), Address.ofLow(0x9090) + "#7", TOKEN.toString());
    SolvencyHistory.Entry deficit = kept.get(2);
    assertThat(deficit.rootBlock()).isEqualTo(13);
    assertThat(deficit.childBlock()).isEqualTo(23);
    assertThat(deficit.checkedAt()).isEqualTo(Instant.ofEpochMilli(4_000));
    assertThat(deficit.difference()).isEqualTo(BigInteger.valueOf(-3));
    assertThat(deficit.status()).isEqualTo(TokenSolvency.Status.DEFICIT);
    SolvencyHistory.Entry id = kept.get(1);
    assertThat(id.kind()).isEqualTo(AssetKind.ERC1155);
    assertThat(id.home()).isEqualTo(TokenHome.CHILD);
    assertThat(id.id()).contains(BigInteger.valueOf(7));
    assertThat(id.childToken()).contains(MULTI);
    assertThat(id.owed()).isEqualTo(BigInteger.valueOf(3));
    assertThat(id.status()).isEqualTo(TokenSolvency.Status.BALANCED);
    // the latest N, oldest first
    List<SolvencyHistory.Entry> newest = db.read(c -> SolvencyHistory.latest(c, 1));
    assertThat(newest).extracting(SolvencyHistory.Entry::seq).containsExactly(deficit.seq());
  }
}
