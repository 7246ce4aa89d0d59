package io.bridgescope.devnet.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.store.rows.TxState;
import io.bridgescope.core.wallet.KeyInfo;
import io.bridgescope.core.wallet.KeystoreException;
import io.bridgescope.core.wallet.Outcome;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.core.wallet.SignedTx;
import io.bridgescope.core.wallet.TxSender;
import io.bridgescope.core.wallet.Wallet;
import io.bridgescope.core.wallet.WalletException;
import io.bridgescope.core.wallet.WalletException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The wallet end to end on a real devnet: deposit, withdraw on the child, exit on the root (one and
 * a batch of five), and every failure a user can hit losing nothing.
 */
@Tag("devnet")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WithdrawalDevnetTest {

  static final String PASSWORD = "Tr0ub4dor&3-correct-horse";
  static final Duration WAIT = Duration.ofSeconds(180); // generous: for a loaded machine

  @TempDir static Path work;
  WalletFixture f;
  Wallet wallet;
  Address me;

  @BeforeAll
  void start() {
    // the relayer stays paused: the wallet executes its own deposits (and the token mapping)
    f = new WalletFixture(work, true);
    wallet = f.wallet;
    me = f.account(6);
    f.mintRootTokens(me, WalletFixture.ETHER.multiply(BigInteger.valueOf(1000)));
  }

  @AfterAll
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  static char[] pw() {
    return PASSWORD.toCharArray();
  }

  @Test
  @Order(1)
  void fullWithdrawalLogsAndPrintsNoSecret() throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    root.setLevel(Level.ALL);
    logs.start();
    root.addAppender(logs);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(tee);
    System.setErr(tee);
    try {
      KeyInfo k =
          f.keys.importMnemonic(
              "me", WalletFixture.MNEMONIC.toCharArray(), WalletFixture.PATH_6, pw());
      assertThat(k.address()).isEqualTo(me);
      withdrawAndExit();
    } finally {
      System.setOut(out);
      System.setErr(err);
      root.detachAppender(logs);
      root.setLevel(before);
    }
    StringBuilder all = new StringBuilder(captured.toString(StandardCharsets.UTF_8));
    for (ILoggingEvent e : logs.list) {
      all.append(e.getFormattedMessage()).append('\n');
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        all.append(t.getMessage()).append('\n');
      }
    }
    assertThat(logs.list).isNotEmpty();
    String text = all.toString().toLowerCase();
    String key = WalletFixture.privateKeyHex(6);
    assertThat(text).doesNotContain(key);
    assertThat(text).doesNotContain(new BigInteger(key, 16).toString());
    assertThat(text).doesNotContain(PASSWORD.toLowerCase());
    assertThat(text).doesNotContain(WalletFixture.MNEMONIC);
    assertThat(text).doesNotContain("test test");
  }

  private void withdrawAndExit() throws Exception {
    BigInteger hundred = WalletFixture.ETHER.multiply(BigInteger.valueOf(100));
    Review deposit =
        wallet.bridge().prepareDeposit(me, f.devnet.contracts().rootToken(), me, hundred);
    System.out.println(String.join("\n", deposit.describe()));
    Outcome d = wallet.execute(deposit, "me", pw(), WAIT);
    assertThat(d.emittedIds()).isNotEmpty();
    for (BigInteger id : List.of(BigInteger.ONE, d.emittedIds().get(d.emittedIds().size() - 1))) {
      Review exec = f.whenReady(() -> wallet.bridge().prepareSelfExecute(id, me), WAIT);
      assertThat(wallet.execute(exec, "me", pw(), WAIT).results())
          .allMatch(BridgeEvents.Result::success);
    }
    f.await(
        () -> f.childTokenBalance(me).compareTo(hundred) >= 0, WAIT, "the deposit on the child");

    BigInteger ten = WalletFixture.ETHER.multiply(BigInteger.TEN);
    Review w = wallet.bridge().prepareWithdraw(me, f.devnet.contracts().childToken(), me, ten);
    System.out.println(String.join("\n", w.describe()));
    BigInteger exitId = wallet.execute(w, "me", pw(), WAIT).emittedIds().get(0);

    Review exit = f.whenReady(() -> wallet.exits().prepareExit(exitId, me), WAIT);
    System.out.println(String.join("\n", exit.describe()));
    assertThat(exit.steps().get(0).call().function()).isEqualTo("exit");
    assertThat(exit.checks()).anyMatch(c -> c.contains("getEventRootByBlock"));
    BigInteger rootBefore = f.rootTokenBalance(me);

    // A double click: two submissions of the same review at once send one transaction.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Outcome>> runs = new ArrayList<>();
    Callable<Outcome> run = () -> wallet.execute(exit, "me", pw(), WAIT);
    runs.add(pool.submit(run));
    runs.add(pool.submit(run));
    List<Outcome> done = new ArrayList<>();
    List<WalletException> refused = new ArrayList<>();
    for (Future<Outcome> r : runs) {
      try {
        done.add(r.get());
      } catch (java.util.concurrent.ExecutionException e) {
        refused.add((WalletException) e.getCause());
      }
    }
    pool.shutdown();
    assertThat(done).hasSize(1);
    assertThat(refused).hasSize(1);
    assertThat(refused.get(0).kind()).isIn(Kind.IN_FLIGHT, Kind.ALREADY_PROCESSED);
    BridgeEvents.Result r = done.get(0).results().get(0);
    assertThat(r.id()).isEqualTo(exitId);
    assertThat(r.success()).isTrue();
    assertThat(f.rootTokenBalance(me)).isEqualTo(rootBefore.add(ten));
    assertThat(wallet.journal().forRelated(TxPurpose.EXIT, exitId)).hasSize(1);

    assertThatThrownBy(() -> wallet.exits().prepareExit(exitId, me))
        .isInstanceOf(WalletException.class)
        .hasMessageContaining("already processed")
        .matches(e -> ((WalletException) e).kind() == Kind.ALREADY_PROCESSED);
  }

  @Test
  @Order(2)
  void claimAllSendsFiveExitsInOneBatch() throws Exception {
    BigInteger one = WalletFixture.ETHER;
    List<BigInteger> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Review w = wallet.bridge().prepareWithdraw(me, f.devnet.contracts().childToken(), me, one);
      ids.add(wallet.execute(w, "me", pw(), WAIT).emittedIds().get(0));
    }
    Review claim =
        f.whenReady(
            () -> {
              Review r = wallet.exits().prepareClaimAll(me, me);
              if (!r.steps().get(0).summary().contains(ids.get(4).toString())) {
                throw new WalletException(Kind.NOT_READY, "not all five checkpointed yet");
              }
              return r;
            },
            WAIT);
    assertThat(claim.steps()).hasSize(1);
    assertThat(claim.steps().get(0).call().function()).isEqualTo("batchExit");
    BigInteger before = f.rootTokenBalance(me);
    Outcome o = wallet.execute(claim, "me", pw(), WAIT);
    assertThat(o.results()).extracting(BridgeEvents.Result::id).containsExactlyElementsOf(ids);
    assertThat(o.results()).allMatch(BridgeEvents.Result::success);
    assertThat(f.rootTokenBalance(me)).isEqualTo(before.add(one.multiply(BigInteger.valueOf(5))));
    f.indexer.catchUp();
    assertThat(wallet.exits().ready(me)).isEmpty();
  }

  @Test
  @Order(3)
  void everyFailureIsClearAndLosesNothing() throws Exception {
    BigInteger two = WalletFixture.ETHER.multiply(BigInteger.TWO);
    Review w = wallet.bridge().prepareWithdraw(me, f.devnet.contracts().childToken(), me, two);
    BigInteger exitId = wallet.execute(w, "me", pw(), WAIT).emittedIds().get(0);
    Review exit = f.whenReady(() -> wallet.exits().prepareExit(exitId, me), WAIT);
    int journaled = wallet.journal().recent(1000).size();

    // Wrong password: nothing signed, nothing journaled.
    assertThatThrownBy(() -> wallet.execute(exit, "me", "wrong-password".toCharArray(), WAIT))
        .isInstanceOf(KeystoreException.class)
        .hasMessageStartingWith("wrong password for key 'me' (0x")
        .hasMessageNotContaining("wrong-password");

    // Corrupt keystore: a clear error naming the file; the backup restores it.
    Path file = f.keys.find("me").file();
    byte[] good = Files.readAllBytes(file);
    Files.writeString(file, "{ not json");
    assertThatThrownBy(() -> wallet.execute(exit, "me", pw(), WAIT))
        .isInstanceOf(KeystoreException.class)
        .hasMessageContaining("is not a valid V3 keystore")
        .hasMessageContaining("restore it from your backup");
    Files.write(file, good);

    // No gas money: a fresh key is refused before any password.
    KeyInfo broke = f.keys.create("broke", "x".toCharArray());
    assertThatThrownBy(() -> wallet.exits().prepareExit(exitId, broke.address()))
        .isInstanceOf(WalletException.class)
        .hasMessageContaining("has 0 ETH on the root chain")
        .matches(e -> ((WalletException) e).kind() == Kind.INSUFFICIENT_FUNDS);

    // Root mismatch: a tampered local row never reaches the chain.
    byte[] data = f.db.read(c -> dataOf(c, exitId));
    f.writer.call(c -> setData(c, exitId, new byte[] {1, 2, 3})).join();
    assertThatThrownBy(() -> wallet.exits().prepareExit(exitId, me))
        .isInstanceOf(WalletException.class)
        .hasMessageContaining("root mismatch")
        .matches(e -> ((WalletException) e).kind() == Kind.ROOT_MISMATCH);
    f.writer.call(c -> setData(c, exitId, data)).join();
    assertThat(wallet.journal().recent(1000)).hasSize(journaled);

    // The node dies between signing and sending: the journal keeps the signed bytes, resume sends
    // them once, and the exit cannot be sent a second time.
    Review again = wallet.exits().prepareExit(exitId, me);
    SignedTx signed = wallet.sign(again, "me", pw()).get(0);
    URI dead = URI.create("http://127.0.0.1:9");
    try (ChainClient deadRoot = new ChainClient("root", dead);
        ChainClient deadChild = new ChainClient("child", dead)) {
      Wallet offline =
          new Wallet(f.profile, f.db, f.writer, f.keys, deadRoot, deadChild, Clock.systemUTC());
      assertThatThrownBy(() -> offline.sender().send(signed))
          .isInstanceOf(WalletException.class)
          .hasMessageContaining("signed and kept in the journal")
          .matches(e -> ((WalletException) e).kind() == Kind.NOT_SENT);
    }
    assertThat(wallet.journal().byHash(signed.hash()).orElseThrow().state())
        .isEqualTo(TxState.SIGNED);
    assertThatThrownBy(() -> wallet.exits().prepareExit(exitId, me))
        .matches(e -> ((WalletException) e).kind() == Kind.IN_FLIGHT);
    BigInteger before = f.rootTokenBalance(me);
    List<TxSender.Resumed> resumed = wallet.sender().resume();
    assertThat(resumed).extracting(TxSender.Resumed::note).containsExactly("rebroadcast");
    wallet.sender().follow(signed, WAIT);
    assertThat(wallet.journal().byHash(signed.hash()).orElseThrow().state())
        .isEqualTo(TxState.MINED);
    assertThat(wallet.sender().resume()).isEmpty();
    assertThat(f.rootTokenBalance(me)).isEqualTo(before.add(two));
    assertThat(wallet.journal().forRelated(TxPurpose.EXIT, exitId)).hasSize(1);
    assertThatThrownBy(() -> wallet.exits().prepareExit(exitId, me))
        .matches(e -> ((WalletException) e).kind() == Kind.ALREADY_PROCESSED);
  }

  private static byte[] dataOf(java.sql.Connection c, BigInteger id) throws java.sql.SQLException {
    try (var ps = c.prepareStatement("SELECT data FROM exits WHERE id = ?")) {
      ps.setBytes(1, u256(id));
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getBytes(1);
      }
    }
  }

  private static Integer setData(java.sql.Connection c, BigInteger id, byte[] data)
      throws java.sql.SQLException {
    try (var ps = c.prepareStatement("UPDATE exits SET data = ? WHERE id = ?")) {
      ps.setBytes(1, data);
      ps.setBytes(2, u256(id));
      return ps.executeUpdate();
    }
  }

  private static byte[] u256(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }
}
