package io.bridgescope.desktop.wallet;

import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.asset.TokenScale;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.WrongChainException;
import io.bridgescope.core.identity.ChainGuard;
import io.bridgescope.core.lifecycle.DepositStatus;
import io.bridgescope.core.lifecycle.MessageStatus;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.rows.Erc20Transfer;
import io.bridgescope.core.store.rows.JournalEntry;
import io.bridgescope.core.wallet.AirGap;
import io.bridgescope.core.wallet.Erc20Amount;
import io.bridgescope.core.wallet.ExitPlanner;
import io.bridgescope.core.wallet.Inspection;
import io.bridgescope.core.wallet.KeyInfo;
import io.bridgescope.core.wallet.KeySession;
import io.bridgescope.core.wallet.Keystore;
import io.bridgescope.core.wallet.NftPlanner;
import io.bridgescope.core.wallet.Outcome;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.core.wallet.ReviewedExports;
import io.bridgescope.core.wallet.SignedTx;
import io.bridgescope.core.wallet.SigningLimits;
import io.bridgescope.core.wallet.SigningPolicy;
import io.bridgescope.core.wallet.TxFiles;
import io.bridgescope.core.wallet.TxSender;
import io.bridgescope.core.wallet.Wallet;
import io.bridgescope.core.wallet.WalletException;
import io.bridgescope.desktop.activity.ActivityItem;
import io.bridgescope.desktop.activity.ActivityPort;
import io.bridgescope.desktop.activity.TrackedAddresses;
import io.bridgescope.desktop.common.GuiWords;
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
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The wallet port over the open session: one {@link Wallet} per session (it holds the double-submit
 * guard), built on first use with its own RPC clients over the session's writer, and closed when
 * the session changes.
 */
public final class SessionWallet implements WalletPort, ActivityPort, AutoCloseable {

  private static final int RECENT_TX = 20;

  private final SessionManager sessions;
  private final Keystore keys;
  private final Duration timeout;
  private final Clock clock;
  private final TrackedAddresses tracked;
  private @Nullable Open open;

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
    this.tracked = new TrackedAddresses(sessions.dataDir().root());
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
      ChainGuard.refuseOtherChain(p, s.localDb(), root, child);
    } catch (WrongChainException e) {
      root.close();
      child.close();
      throw new WalletException(
          WalletException.Kind.CHAIN_ERROR,
          Objects.requireNonNullElse(e.getMessage(), e.toString()),
          e);
    }
    // The journal goes through the session's one writer thread: a second SQLite writer would
    // meet SQLITE_BUSY_SNAPSHOT when the indexer commits between its read and its write.
    // Messages and proofs come from the index the screens read (the team index in a team
    // session); the journal stays in the user's own file (ADR 0021).
    Wallet w = new Wallet(p, s.db(), s.localDb(), s.writer(), keys, root, child, clock);
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
  public AutoCloseable onDataChange(Runnable listener) {
    java.util.concurrent.atomic.AtomicReference<AutoCloseable> inner =
        new java.util.concurrent.atomic.AtomicReference<>(follow(listener));
    AutoCloseable outer =
        sessions.onSessionChange(() -> closeQuietly(inner.getAndSet(follow(listener))));
    return () -> {
      outer.close();
      closeQuietly(inner.getAndSet(() -> {}));
    };
  }

  private AutoCloseable follow(Runnable listener) {
    return sessions.current().<AutoCloseable>map(s -> s.onChange(listener)).orElse(() -> {});
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(SessionWallet.class)
          .warn("Closing the wallet's index subscription failed", e);
    }
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
  public KeyInfo importMnemonic(
      String name, char[] mnemonic, @Nullable String path, char[] password) {
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
    TokenScale scale = new TokenScale(open().session().db());
    for (ExitPlanner.ExitItem item : wallet().exits().exits(account)) {
      MessageStatus st = item.status().status();
      out.add(
          new AccountExit(
              item.id(),
              st.stage().name(),
              GuiWords.of(st.reason()),
              eta(st),
              amount(item.status().exit().withdrawal(), scale),
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
    TokenScale scale = new TokenScale(open().session().db());
    for (DepositStatus d :
        open().session().lifecycle().depositsByAddress(account, Optional.empty(), 200)) {
      out.add(
          new AccountDeposit(
              d.deposit().id(),
              d.status().stage().name(),
              GuiWords.of(d.status().reason()),
              amount(d.deposit().deposit(), scale),
              ActivityItems.selfExecutable(d)));
    }
    return out;
  }

  @Override
  public List<Address> trackedAddresses() {
    return tracked.list();
  }

  @Override
  public List<Address> track(Address a) {
    return tracked.add(a);
  }

  @Override
  public List<Address> untrack(Address a) {
    return tracked.remove(a);
  }

  @Override
  public List<ActivityItem> activity(Address account) {
    Session s = open().session();
    return ActivityItems.of(
        wallet().exits(), s.lifecycle(), s.profile().contracts(), new TokenScale(s.db()), account);
  }

  private String eta(MessageStatus st) {
    if (st.eta().isEmpty()) {
      return "";
    }
    return io.bridgescope.desktop.common.Countdown.text(st.eta().get(), clock.instant());
  }

  /** An ERC-20 amount at the root token's decimals the index knows, else in raw units. */
  private static String amount(Optional<Erc20Transfer> t, TokenScale scale) {
    return t.map(x -> scale.format(x.rootToken(), x.amount())).orElse("");
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
  public Review prepareWithdraw(Address from, Address childToken, Address receiver, String amount) {
    return wallet()
        .bridge()
        .prepareWithdraw(from, childToken, receiver, Erc20Amount.whole(amount), false);
  }

  @Override
  public Review prepareDeposit(Address from, Address rootToken, Address receiver, String amount) {
    return wallet()
        .bridge()
        .prepareDeposit(from, rootToken, receiver, Erc20Amount.whole(amount), false);
  }

  @Override
  public Review prepareChildNative(ChildNativeMove m) {
    NftPlanner.Items items = m.items();
    if (items != null) {
      return m.toRoot()
          ? wallet().nfts().prepareDepositFromChild(m.from(), m.token(), m.receiver(), items, false)
          : wallet()
              .nfts()
              .prepareWithdrawFromRoot(m.from(), m.token(), m.receiver(), items, false);
    }
    Erc20Amount a = Erc20Amount.whole(m.amount());
    return m.toRoot()
        ? wallet().bridge().prepareChildNativeDeposit(m.from(), m.token(), m.receiver(), a, false)
        : wallet().bridge().prepareWithdrawFromRoot(m.from(), m.token(), m.receiver(), a, false);
  }

  // A receiver with no code is required (allowBurn false), as for the ERC-20 forms: the GUI offers
  // no way to send NFTs where nobody could move them again.
  @Override
  public Review prepareNftDeposit(
      Address from, Address rootToken, Address receiver, NftPlanner.Items items) {
    return wallet().nfts().prepareDeposit(from, rootToken, receiver, items, false);
  }

  @Override
  public Review prepareNftWithdraw(
      Address from, Address childToken, Address receiver, NftPlanner.Items items) {
    return wallet().nfts().prepareWithdraw(from, childToken, receiver, items, false);
  }

  @Override
  public Review prepareSelfExecute(BigInteger id, Address from) {
    return wallet().bridge().prepareSelfExecute(id, from);
  }

  @Override
  public Outcome execute(Review review, String key, char[] password) {
    return wallet().execute(review, key, password, timeout);
  }

  /** The copies of exported transactions of the open network, beside its database. */
  private ReviewedExports kept(NetworkProfile p) {
    return AirGap.reviewedExports(sessions.dataDir(), p.name());
  }

  private NetworkProfile profile() {
    return sessions
        .current()
        .map(Session::profile)
        .orElseThrow(
            () ->
                new WalletException(
                    WalletException.Kind.CHAIN_ERROR,
                    "no network is open: open the network the file was made for first (its"
                        + " profile is enough; no node is asked)"));
  }

  @Override
  public Exported exportUnsigned(Review review, Path file) {
    Wallet w = wallet();
    ReviewedExports kept = kept(w.profile());
    w.exportUnsigned(review, SigningLimits.DEFAULT, file, kept);
    return new Exported(file, kept.dir());
  }

  @Override
  public UnsignedFile readUnsigned(Path file) {
    TxFiles.Unsigned u = TxFiles.readUnsigned(file);
    // the profile is the signer's own: the file's contracts and chain ids are checked against it
    Inspection i = new SigningPolicy(profile(), SigningLimits.DEFAULT).inspectFile(u);
    String refusal = null;
    try {
      i.requireSignable();
    } catch (WalletException e) {
      refusal = e.getMessage();
    }
    List<KeyInfo> mine =
        keys.list().stream().filter(k -> k.address().equals(i.tx().from())).toList();
    return new UnsignedFile(file, u, i, mine, refusal);
  }

  @Override
  public SignedOut signFile(UnsignedFile file, String key, char[] password) {
    SignedTx signed;
    try (KeySession session = keys.unlock(key, password)) {
      signed = TxFiles.signOffline(file.inspection(), session);
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
    Path target = AirGap.signedPath(file.file());
    TxFiles.writeSigned(file.content().network(), signed, target);
    return new SignedOut(target, signed.hash().toString());
  }

  @Override
  public SignedFile readSigned(Path file) {
    TxFiles.Signed signed = TxFiles.readSigned(file);
    Wallet w = wallet();
    ReviewedExports kept = kept(w.profile());
    AirGap.ToSend t = AirGap.checkSigned(w, signed, SigningLimits.DEFAULT, kept, null);
    String refusal = null;
    try {
      t.inspection().requireSendable();
      t.requireReviewed(kept);
    } catch (WalletException e) {
      refusal = e.getMessage();
    }
    return new SignedFile(file, t, refusal);
  }

  @Override
  public Outcome sendSigned(SignedFile file) {
    Wallet w = wallet();
    AirGap.ToSend t = file.check();
    return w.submitSigned(
        t.signed().tx(), t.requireReviewed(kept(w.profile())), SigningLimits.DEFAULT, timeout);
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
