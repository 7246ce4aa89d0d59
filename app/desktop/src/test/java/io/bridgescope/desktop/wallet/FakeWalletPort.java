package io.bridgescope.desktop.wallet;

import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.wallet.DecodedCall;
import io.bridgescope.core.wallet.Fees;
import io.bridgescope.core.wallet.KeyInfo;
import io.bridgescope.core.wallet.KeystoreException;
import io.bridgescope.core.wallet.NftPlanner;
import io.bridgescope.core.wallet.Outcome;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.core.wallet.SignedTx;
import io.bridgescope.core.wallet.Step;
import io.bridgescope.core.wallet.UnsignedTx;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A wallet port that answers from memory, zeroes secrets like the core does and records what it was
 * asked; for ViewModel tests without a chain.
 */
final class FakeWalletPort implements WalletPort {

  static final Address ME = Address.of("0x00000000000000000000000000000000000000aa");
  static final Address HELPER = Address.of("0x00000000000000000000000000000000000000e1");
  static final String PASSWORD = "right-password";

  final List<KeyInfo> keys = new ArrayList<>();
  final List<String> executed = new ArrayList<>();
  final List<String> prepared = new ArrayList<>();
  final List<String> deleted = new ArrayList<>();
  RuntimeException prepareFailure;

  /** Whether the next exit's receiver reverts (ExitProcessed(id, false)). */
  boolean receiverReverts;

  @Override
  public boolean isConnected() {
    return true;
  }

  @Override
  public String network() {
    return "fake";
  }

  @Override
  public AutoCloseable onSessionChange(Runnable listener) {
    return () -> {};
  }

  @Override
  public List<KeyInfo> keys() {
    return List.copyOf(keys);
  }

  private KeyInfo add(String name, char[]... secrets) {
    boolean empty = secrets[secrets.length - 1].length == 0;
    for (char[] s : secrets) {
      Arrays.fill(s, '\0');
    }
    if (empty) {
      throw new KeystoreException(KeystoreException.Kind.INVALID_INPUT, "the password is empty");
    }
    if (keys.stream().anyMatch(k -> k.name().equals(name))) {
      throw new KeystoreException(
          KeystoreException.Kind.DUPLICATE, "a key named '" + name + "' exists");
    }
    KeyInfo k = new KeyInfo(name, ME, Path.of(name + ".json"), Optional.empty());
    keys.add(k);
    return k;
  }

  @Override
  public KeyInfo createKey(String name, char[] password) {
    return add(name, password);
  }

  @Override
  public KeyInfo importPrivateKey(String name, char[] privateKeyHex, char[] password) {
    return add(name, privateKeyHex, password);
  }

  @Override
  public KeyInfo importMnemonic(String name, char[] mnemonic, String path, char[] password) {
    return add(name, mnemonic, password);
  }

  @Override
  public KeyInfo importFile(String name, Path file, char[] password) {
    return add(name, password);
  }

  @Override
  public KeyInfo rename(String key, String newName) {
    throw new UnsupportedOperationException("not used by these tests");
  }

  @Override
  public Path export(String key, Path target) {
    return target;
  }

  @Override
  public void delete(String key) {
    deleted.add(key);
    keys.removeIf(k -> k.address().toString().equals(key));
  }

  @Override
  public Balances balances(Address account) {
    return new Balances(
        BigInteger.TEN.pow(18), BigInteger.ZERO, Optional.empty(), Optional.empty());
  }

  @Override
  public List<AccountExit> exits(Address account) {
    return List.of(
        new AccountExit(BigInteger.valueOf(8), "CHECKPOINTED", "in checkpoint", "", "1", true, ""));
  }

  @Override
  public List<AccountDeposit> deposits(Address account) {
    return List.of();
  }

  @Override
  public Optional<TokenPair> demoToken() {
    return Optional.empty();
  }

  static Review exitReview(BigInteger id) {
    UnsignedTx tx =
        new UnsignedTx(
            ChainRole.ROOT,
            31337,
            ME,
            3,
            HELPER,
            Bytes.of(new byte[] {1, 2}),
            BigInteger.ZERO,
            200_000,
            new Fees(true, BigInteger.valueOf(2_000_000_000L), BigInteger.ONE),
            TxPurpose.EXIT,
            Optional.of(id),
            "exit " + id);
    DecodedCall call =
        new DecodedCall(
            "ExitHelper",
            HELPER,
            "exit",
            List.of(new DecodedCall.Arg("blockNumber", "uint256", "40")),
            BigInteger.ZERO);
    Step step =
        new Step(
            ChainRole.ROOT,
            ME,
            call,
            tx.data(),
            TxPurpose.EXIT,
            tx.relatedId(),
            tx.summary(),
            Optional.of(tx));
    return new Review(
        "Withdraw: exit " + id,
        ME,
        List.of(step),
        List.of("exit " + id + " is not processed on the root (processedExits is false)"),
        List.of(),
        "exit:" + id);
  }

  /** A deposit as the core reviews one without allowance: an approval, then a deferred deposit. */
  static Review approveThenDeposit() {
    Review one = exitReview(BigInteger.ONE);
    Step approve = one.steps().get(0);
    Step deposit =
        new Step(
            ChainRole.ROOT,
            ME,
            approve.call(),
            approve.data(),
            TxPurpose.DEPOSIT,
            Optional.empty(),
            "deposit",
            Optional.empty());
    return new Review(
        "Deposit", ME, List.of(approve, deposit), List.of(), List.of(), "deposit:fake");
  }

  private Review prepare(String what, Review r) {
    prepared.add(what);
    if (prepareFailure != null) {
      throw prepareFailure;
    }
    return r;
  }

  @Override
  public Review prepareExit(BigInteger id, Address from) {
    return prepare("exit " + id, exitReview(id));
  }

  @Override
  public Review prepareClaimAll(Address from) {
    return prepare("claim all", exitReview(BigInteger.valueOf(8)));
  }

  @Override
  public Review prepareWithdraw(Address from, Address childToken, Address receiver, String amount) {
    return prepare("withdraw " + amount, exitReview(BigInteger.ONE));
  }

  @Override
  public Review prepareDeposit(Address from, Address rootToken, Address receiver, String amount) {
    return prepare("deposit " + amount, approveThenDeposit());
  }

  @Override
  public Review prepareChildNative(ChildNativeMove m) {
    NftPlanner.Items items = m.items();
    String what =
        (m.toRoot() ? "child deposit " : "mirror home ")
            + (items == null ? m.amount() : items.kind() + " " + items.ids())
            + " of "
            + m.token();
    return prepare(what, approveThenDeposit());
  }

  @Override
  public Review prepareNftDeposit(
      Address from, Address rootToken, Address receiver, NftPlanner.Items items) {
    return prepare("nft deposit " + items.ids(), exitReview(BigInteger.ONE));
  }

  @Override
  public Review prepareNftWithdraw(
      Address from, Address childToken, Address receiver, NftPlanner.Items items) {
    return prepare("nft withdraw " + items.ids(), exitReview(BigInteger.ONE));
  }

  @Override
  public Review prepareSelfExecute(BigInteger id, Address from) {
    return prepare("self-execute " + id, exitReview(id));
  }

  /** Guards of the reviews exported unsigned, with the file each went to. */
  final List<String> exported = new ArrayList<>();

  @Override
  public Exported exportUnsigned(Review review, Path file) {
    exported.add(review.guard() + " -> " + file);
    return new Exported(file, Path.of("exported"));
  }

  /** Every file is damaged here: the port answers as the core does for a file it cannot parse. */
  @Override
  public UnsignedFile readUnsigned(Path file) {
    throw new io.bridgescope.core.wallet.WalletException(
        io.bridgescope.core.wallet.WalletException.Kind.BAD_FILE,
        "transaction file " + file + ": not a bridgescope-unsigned-tx/1 file");
  }

  @Override
  public SignedOut signFile(UnsignedFile file, String key, char[] password) {
    Arrays.fill(password, '\0');
    throw new IllegalStateException("nothing can be signed here");
  }

  @Override
  public SignedFile readSigned(Path file) {
    throw new io.bridgescope.core.wallet.WalletException(
        io.bridgescope.core.wallet.WalletException.Kind.BAD_FILE,
        "transaction file " + file + ": not a bridgescope-signed-tx/1 file");
  }

  @Override
  public Outcome sendSigned(SignedFile file) {
    throw new IllegalStateException("nothing can be sent here");
  }

  @Override
  public Outcome execute(Review review, String key, char[] password) {
    String given = new String(password);
    Arrays.fill(password, '\0');
    if (!given.equals(PASSWORD)) {
      throw new KeystoreException(
          KeystoreException.Kind.WRONG_PASSWORD, "wrong password for key '" + key + "'");
    }
    executed.add(review.guard());
    Step s = review.steps().get(0);
    BigInteger id = s.relatedId().orElse(BigInteger.ONE);
    byte[] revert = receiverReverts ? errorString("receiver says no") : new byte[0];
    return new Outcome(
        review,
        List.of(
            new Outcome.StepResult(
                s,
                new SignedTx(s.tx().orElseThrow(), Bytes.of(new byte[] {9}), Hash32.ZERO),
                77,
                List.of(new BridgeEvents.Result(id, !receiverReverts, revert)),
                List.of())));
  }

  /** ABI {@code Error(string)} revert data. */
  static byte[] errorString(String reason) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[4 + 32 + 32 + 32];
    out[0] = 0x08;
    out[1] = (byte) 0xc3;
    out[2] = 0x79;
    out[3] = (byte) 0xa0;
    out[4 + 31] = 0x20;
    out[4 + 63] = (byte) text.length;
    System.arraycopy(text, 0, out, 4 + 64, text.length);
    return out;
  }

  @Override
  public List<TxLine> resume() {
    return List.of();
  }

  @Override
  public List<TxLine> transactions() {
    return List.of();
  }
}
