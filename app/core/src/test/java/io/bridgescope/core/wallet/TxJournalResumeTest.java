package io.bridgescope.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.JournalEntry;
import io.bridgescope.core.store.rows.TxState;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal side of resuming: nothing is lost or changed while the node is unreachable. */
class TxJournalResumeTest {

  @TempDir Path dir;

  @Test
  void signedTransactionSurvivesADeadNodeAndNoncesReconcileWithTheJournal() throws Exception {
    Database db = Database.open(dir.resolve("index.db"));
    Keystore ks = new Keystore(dir.resolve("ks"), ScryptParams.lightForTests());
    KeyInfo k =
        ks.importPrivateKey("alice", KeystoreTest.ANVIL_KEY.toCharArray(), "pw".toCharArray());
    URI dead = URI.create("http://127.0.0.1:9");
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
        ChainClient root = new ChainClient("root", dead);
        ChainClient child = new ChainClient("child", dead)) {
      TxJournal journal = new TxJournal(db, w, Clock.systemUTC());
      TxSender sender = new TxSender(root, child, journal);
      SignedTx s;
      try (KeySession session = ks.unlock("alice", "pw".toCharArray())) {
        s = sender.signAndRecord(TxFilesTest.exitTx(k.address(), true), session);
      }
      assertThatThrownBy(() -> sender.send(s))
          .isInstanceOf(WalletException.class)
          .hasMessageContaining("signed and kept in the journal")
          .matches(e -> ((WalletException) e).kind() == WalletException.Kind.NOT_SENT);
      JournalEntry e = journal.byHash(s.hash()).orElseThrow();
      assertThat(e.state()).isEqualTo(TxState.SIGNED);
      assertThat(e.rawTx()).isEqualTo(s.raw());
      assertThat(journal.maxUnfinishedNonce(ChainRole.ROOT, k.address())).hasValue(7);
      assertThat(journal.unfinishedExit(BigInteger.valueOf(12))).isPresent();
      assertThat(journal.record(s)).isEqualTo(e.id());

      List<TxSender.Resumed> resumed = sender.resume();
      assertThat(resumed).hasSize(1);
      assertThat(resumed.get(0).state()).isEqualTo(TxState.SIGNED);
      assertThat(resumed.get(0).note()).startsWith("not resumed");
      assertThat(journal.byHash(s.hash()).orElseThrow().state()).isEqualTo(TxState.SIGNED);

      journal.update(e.id(), TxState.MINED, OptionalLong.of(5), Optional.empty());
      assertThat(journal.unfinished()).isEmpty();
      assertThat(journal.unfinishedExit(BigInteger.valueOf(12))).isEmpty();
      assertThat(journal.maxUnfinishedNonce(ChainRole.ROOT, k.address())).isEmpty();
    }
  }
}
