package io.bridgescope.desktop.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.KeyInfo;
import io.bridgescope.core.wallet.KeystoreException;
import io.bridgescope.core.wallet.NftPlanner;
import io.bridgescope.core.wallet.Outcome;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.core.wallet.WalletException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The port of a window without an engine (screens under test): no keys, no network, no sends. */
public final class NoWallet implements WalletPort {

  private static final String WHY = "this window has no wallet (it runs without the engine)";

  @Override
  public boolean isConnected() {
    return false;
  }

  @Override
  public String network() {
    return "";
  }

  @Override
  public AutoCloseable onSessionChange(Runnable listener) {
    return () -> {};
  }

  @Override
  public List<KeyInfo> keys() {
    return List.of();
  }

  private static KeystoreException noStore(char[]... secrets) {
    for (char[] s : secrets) {
      Arrays.fill(s, '\0');
    }
    return new KeystoreException(KeystoreException.Kind.IO, WHY);
  }

  private static WalletException noWallet() {
    return new WalletException(WalletException.Kind.CHAIN_ERROR, WHY);
  }

  @Override
  public KeyInfo createKey(String name, char[] password) {
    throw noStore(password);
  }

  @Override
  public KeyInfo importPrivateKey(String name, char[] privateKeyHex, char[] password) {
    throw noStore(privateKeyHex, password);
  }

  @Override
  public KeyInfo importMnemonic(
      String name, char[] mnemonic, @Nullable String path, char[] password) {
    throw noStore(mnemonic, password);
  }

  @Override
  public KeyInfo importFile(String name, Path file, char[] password) {
    throw noStore(password);
  }

  @Override
  public KeyInfo rename(String key, String newName) {
    throw noStore();
  }

  @Override
  public Path export(String key, Path target) {
    throw noStore();
  }

  @Override
  public void delete(String key) {
    throw noStore();
  }

  @Override
  public Balances balances(Address account) {
    throw noWallet();
  }

  @Override
  public List<AccountExit> exits(Address account) {
    throw noWallet();
  }

  @Override
  public List<AccountDeposit> deposits(Address account) {
    throw noWallet();
  }

  @Override
  public Optional<TokenPair> demoToken() {
    return Optional.empty();
  }

  @Override
  public Review prepareExit(BigInteger id, Address from) {
    throw noWallet();
  }

  @Override
  public Review prepareClaimAll(Address from) {
    throw noWallet();
  }

  @Override
  public Review prepareWithdraw(Address from, Address childToken, Address receiver, String amount) {
    throw noWallet();
  }

  @Override
  public Review prepareDeposit(Address from, Address rootToken, Address receiver, String amount) {
    throw noWallet();
  }

  @Override
  public Review prepareChildNative(ChildNativeMove move) {
    throw noWallet();
  }

  @Override
  public Review prepareSelfExecute(BigInteger id, Address from) {
    throw noWallet();
  }

  @Override
  public Review prepareNftDeposit(
      Address from, Address rootToken, Address receiver, NftPlanner.Items items) {
    throw noWallet();
  }

  @Override
  public Review prepareNftWithdraw(
      Address from, Address childToken, Address receiver, NftPlanner.Items items) {
    throw noWallet();
  }

  @Override
  public Outcome execute(Review review, String key, char[] password) {
    Arrays.fill(password, '\0');
    throw noWallet();
  }

  @Override
  public Exported exportUnsigned(Review review, Path file) {
    throw noWallet();
  }

  @Override
  public UnsignedFile readUnsigned(Path file) {
    throw noWallet();
  }

  @Override
  public SignedOut signFile(UnsignedFile file, String key, char[] password) {
    throw noStore(password);
  }

  @Override
  public SignedFile readSigned(Path file) {
    throw noWallet();
  }

  @Override
  public Outcome sendSigned(SignedFile file) {
    throw noWallet();
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
