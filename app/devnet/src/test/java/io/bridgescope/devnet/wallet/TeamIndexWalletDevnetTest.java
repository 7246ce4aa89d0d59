package io.bridgescope.devnet.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.JournalDao;
import io.bridgescope.core.store.rows.JournalEntry;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.core.wallet.Wallet;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wallet of a desktop (or a CLI profile) that reads a team index on a real PostgreSQL server:
 * the exit's proof is built from the team index, which another process's indexer writes, and the
 * journal goes to the user's own SQLite file, which indexes nothing (ADR 0021).
 */
@Tag("devnet")
class TeamIndexWalletDevnetTest {

  static final Duration WAIT = Duration.ofMinutes(3); // generous: for a loaded machine

  @TempDir Path work;

  @Test
  void anExitIsProvedFromTheTeamIndexAndJournaledInTheUsersOwnFile() throws Exception {
    try (WalletFixture f = new WalletFixture(work, false, true)) {
      Wallet wallet = f.wallet;
      Address me = f.account(6);
      f.keys.importPrivateKey(
          "me", WalletFixture.privateKeyHex(6).toCharArray(), "pw".toCharArray());
      BigInteger hundred = WalletFixture.ETHER.multiply(BigInteger.valueOf(100));
      f.mintRootTokens(me, hundred);

      Review deposit =
          f.whenReady(
              () ->
                  wallet.bridge().prepareDeposit(me, f.devnet.contracts().rootToken(), me, hundred),
              WAIT);
      wallet.execute(deposit, "me", "pw".toCharArray(), WAIT);
      f.await(
          () -> f.childTokenBalance(me).compareTo(hundred) >= 0,
          WAIT,
          "the relayer executing the deposit on the child");

      BigInteger ten = WalletFixture.ETHER.multiply(BigInteger.TEN);
      Review withdraw =
          wallet.bridge().prepareWithdraw(me, f.devnet.contracts().childToken(), me, ten);
      BigInteger exitId =
          wallet.execute(withdraw, "me", "pw".toCharArray(), WAIT).emittedIds().get(0);

      // Ready once the team's indexer has the exit's checkpoint: the proof reads only that index.
      Review exit = f.whenReady(() -> wallet.exits().prepareExit(exitId, me), WAIT);
      assertThat(exit.steps().get(0).call().function()).isEqualTo("exit");
      BigInteger rootBefore = f.rootTokenBalance(me);
      BridgeEvents.Result r = wallet.execute(exit, "me", "pw".toCharArray(), WAIT).results().get(0);
      assertThat(r.id()).isEqualTo(exitId);
      assertThat(r.success())
          .as("ExitHelper accepted the proof built from the team index")
          .isTrue();
      assertThat(f.rootTokenBalance(me)).isEqualTo(rootBefore.add(ten));

      assertThat(f.journalDb).isNotSameAs(f.db);
      List<JournalEntry> claims =
          f.journalDb.read(c -> new JournalDao(c).forRelated(TxPurpose.EXIT, exitId));
      assertThat(claims).as("the claim is journaled in the user's own file").hasSize(1);
      assertThat(count(f.journalDb, "exits"))
          .as("the user's own file indexes nothing: the proof did not come from it")
          .isZero();
      assertThat(count(f.db, "exits")).isPositive();
      assertThat(count(f.db, "tx_journal")).as("nothing of the wallet in the team index").isZero();
    }
  }

  private static long count(Database db, String table) {
    return db.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
