package io.bridgescope.desktop.wallet;

import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.WrongChainException;
import io.bridgescope.core.identity.ChainGuard;
import io.bridgescope.core.lifecycle.DepositStatus;
import io.bridgescope.core.lifecycle.MessageStatus;
import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.rows.Erc20Transfer;
import io.bridgescope.core.store.rows.JournalEntry;
import io.bridgescope.core.wallet.Amounts;
import io.bridgescope.core.wallet.ExitPlanner;
import io.bridgescope.core.wallet.KeyInfo;
import io.bridgescope.core.wallet.Keystore;
import io.bridgescope.core.wallet.Outcome;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.core.wallet.TxSender;
import io.bridgescope.core.wallet.Wallet;
import io.bridgescope.core.wallet.WalletException;
import io.bridgescope.desktop.engine.Session;
import io.bridgescope.desktop.engine.SessionManager;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The wallet port over the open session: one {@link Wallet} per session (it holds the double-submit
 * guard), built on first use with its own RPC clients over the session's writer, and closed when
 * the session changes.
 */
public final class SessionWallet implements WalletPort, AutoCloseable {

  private static final int RECENT_TX = 20;

  private final SessionManager sessions;
  private final Keystore keys;
  private final Duration timeout;
  private final Clock clock;
  private Open open;

  /** The open network's wallet plus the RPC clients it owns (the writer is the session's). */
  private record Open(Session session, Wallet wallet, ChainClient root, ChainClient child) {
    void close() {
      root.close();
      child.close();
    }
  }

  public SessionWallet(SessionManager sessions, Keystore keys, Duration timeout, Clock clock) {
    this.sessions = sessions;
    this.keys = keys;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** The app's wallet: the key store of the data directory, two minutes per transaction. */
  public static SessionWallet over(SessionManager sessions) {
    return new SessionWallet(
        sessions,
        Keystore.inDataDirectory(sessions.dataDir().root()),
        Duration.ofSeconds(120),
        Clock.systemUTC());
  }

  private synchronized Open open() {
    Session s =
        sessions
            .current()
            .orElseThrow(
                () ->
                    new WalletException(
                        WalletException.Kind.CHAIN_ERROR,
                        "no network is open: choose one in the top bar first"));
    if (open != null && open.session() == s) {
      return open;
    }
    if (open != null) {
      open.close();
    }
    NetworkProfile p = s.profile();
    ChainClient root = new ChainClient("root", p.root().primaryRpcUrl());
    ChainClient child = new ChainClient("child", p.child().primaryRpcUrl());
    try {
      ChainGuard.refuseOtherChain(p, s.db(), root, child);
    } catch (WrongChainException e) {
      root.close();
      child.close();
      throw new WalletException(WalletException.Kind.CHAIN_ERROR, e.getMessage(), e);
    }
    // The journal goes through the session's one writer thread: a second SQLite writer would
    // meet SQLITE_BUSY_SNAPSHOT when the indexer commits between its read and its write.
    Wallet w = new Wallet(p, s.db(), s.writer(), keys, root, child, clock);
    open = new Open(s, w, root, child);
    return open;
  }

  private Wallet wallet() {
    return open().wallet();
  }

  @Override
  public boolean isConnected() {
    return sessions.current().isPresent();
  }

  @Override
  public String network() {
    return sessions.current().map(Session::label).orElse("");
  }

  @Override
  public AutoCloseable onSessionChange(Runnable listener) {
    return sessions.onSessionChange(listener);
  }

  @Override
  public List<KeyInfo> keys() {
    return keys.list();
  }

  @Override
  public KeyInfo createKey(String name, char[] password) {
    return keys.create(name, password);
  }

  @Override
  public KeyInfo importPrivateKey(String name, char[] privateKeyHex, char[] password) {
    return keys.importPrivateKey(name, privateKeyHex, password);
  }

  @Override
  public KeyInfo importMnemonic(String name, char[] mnemonic, String path, char[] password) {
    return keys.importMnemonic(name, mnemonic, path, password);
  }

  @Override
  public KeyInfo importFile(String name, Path file, char[] password) {
    return keys.importKeystoreFile(name, file, password);
  }

  @Override
  public KeyInfo rename(String key, String newName) {
    return keys.rename(key, newName);
  }

  @Override
  public Path export(String key, Path target) {
    return keys.export(key, target);
  }

  @Override
  public void delete(String key) {
    keys.delete(key);
  }

  @Override
  public Balances balances(Address account) {
    Open o = open();
    Optional<TokenPair> t = demoToken();
    return new Balances(
        o.root().balance(account),
        o.child().balance(account),
        t.map(p -> tokenBalance(o.root(), p.root(), account)),
        t.map(p -> tokenBalance(o.child(), p.child(), account)));
  }

  private static BigInteger tokenBalance(ChainClient c, Address token, Address owner) {
    byte[] r = c.call(token, BridgeAbi.balanceOf(owner));
    // the child token is a clone that exists only once its mapping was executed on the child
    return r.length == 0 ? BigInteger.ZERO : new AbiReader(r).uint("balance", 0);
  }

  @Override
  public List<AccountExit> exits(Address account) {
    List<AccountExit> out = new ArrayList<>();
    for (ExitPlanner.ExitItem item : wallet().exits().exits(account)) {
      MessageStatus st = item.status().status();
      out.add(
          new AccountExit(
              item.id(),
              st.stage().name(),
              st.reason(),
              eta(st),
              amount(item.status().exit().withdrawal()),
              item.ready(),
              item.pending()
                  .map(e -> e.purpose().key() + " " + e.state().key() + " " + e.txHash())
                  .orElse("")));
    }
    return out;
  }

  @Override
  public List<AccountDeposit> deposits(Address account) {
    List<AccountDeposit> out = new ArrayList<>();
    for (DepositStatus d :
        open().session().lifecycle().depositsByAddress(account, Optional.empty(), 200)) {
      Stage stage = d.status().stage();
      boolean waiting =
          d.commitment().isPresent()
              && (stage == Stage.COMMITTED || stage == Stage.STUCK || stage == Stage.FAILED);
      out.add(
          new AccountDeposit(
              d.deposit().id(),
              stage.name(),
              d.status().reason(),
              amount(d.deposit().deposit()),
              waiting));
    }
    return out;
  }

  private String eta(MessageStatus st) {
    if (st.eta().isEmpty()) {
      return "";
    }
    long s = Duration.between(clock.instant(), st.eta().get()).toSeconds();
    return s <= 0 ? "due now" : "in ~" + (s < 120 ? s + " s" : (s / 60) + " min");
  }

  private static String amount(Optional<Erc20Transfer> t) {
    return t.map(x -> Amounts.ether(x.amount())).orElse("");
  }

  @Override
  public Optional<TokenPair> demoToken() {
    return sessions
        .current()
        .flatMap(Session::devnet)
        .map(d -> new TokenPair(d.contracts().rootToken(), d.contracts().childToken()));
  }

  @Override
  public Review prepareExit(BigInteger id, Address from) {
    return wallet().exits().prepareExit(id, from);
  }

  @Override
  public Review prepareClaimAll(Address from) {
    return wallet().exits().prepareClaimAll(from, from);
  }

  @Override
  public Review prepareWithdraw(
      Address from, Address childToken, Address receiver, BigInteger amount) {
    return wallet().bridge().prepareWithdraw(from, childToken, receiver, amount);
  }

  @Override
  public Review prepareDeposit(
      Address from, Address rootToken, Address receiver, BigInteger amount) {
    return wallet().bridge().prepareDeposit(from, rootToken, receiver, amount);
  }

  @Override
  public Review prepareSelfExecute(BigInteger id, Address from) {
    return wallet().bridge().prepareSelfExecute(id, from);
  }

  @Override
  public Outcome execute(Review review, String key, char[] password) {
    return wallet().execute(review, key, password, timeout);
  }

  @Override
  public List<TxLine> resume() {
    Map<Long, TxLine> out = new LinkedHashMap<>();
    for (TxSender.Resumed r : wallet().sender().resume()) {
      out.put(r.entry().id(), line(r.entry(), e -> r.state().key(), r.note()));
    }
    return List.copyOf(out.values());
  }

  @Override
  public List<TxLine> transactions() {
    Map<Long, TxLine> out = new LinkedHashMap<>();
    for (JournalEntry e : wallet().journal().unfinished()) {
      out.put(e.id(), line(e, x -> x.state().key(), "unfinished"));
    }
    for (JournalEntry e : wallet().journal().recent(RECENT_TX)) {
      out.putIfAbsent(
          e.id(),
          line(
              e,
              x -> x.state().key(),
              e.error()
                  .orElse(
                      e.blockNumber().isPresent() ? "block " + e.blockNumber().getAsLong() : "")));
    }
    return List.copyOf(out.values());
  }

  private static TxLine line(JournalEntry e, Function<JournalEntry, String> state, String note) {
    String what = e.purpose().key() + e.relatedId().map(id -> " " + id).orElse("");
    return new TxLine(e.id(), what, state.apply(e), e.chain().key(), e.txHash().toString(), note);
  }

  @Override
  public synchronized void close() {
    if (open != null) {
      open.close();
      open = null;
    }
  }
}
