package io.bridgescope.desktop.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.KeyInfo;
import io.bridgescope.core.wallet.Outcome;
import io.bridgescope.core.wallet.Review;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the wallet screens need from the key store and the open network's wallet. Every method may
 * block (disk, scrypt, RPC, SQL): ViewModels call it only through a {@code TaskRunner}. Methods
 * that take a secret as {@code char[]} zero it before they return.
 */
public interface WalletPort {

  /** Whether a network is open (the key store works without one). */
  boolean isConnected();

  /** The open network's name, or empty. */
  String network();

  /** Called (any thread) after the open network changed. */
  AutoCloseable onSessionChange(Runnable listener);

  List<KeyInfo> keys();

  KeyInfo createKey(String name, char[] password);

  KeyInfo importPrivateKey(String name, char[] privateKeyHex, char[] password);

  KeyInfo importMnemonic(String name, char[] mnemonic, String path, char[] password);

  KeyInfo importFile(String name, Path file, char[] password);

  KeyInfo rename(String key, String newName);

  Path export(String key, Path target);

  void delete(String key);

  Balances balances(Address account);

  List<AccountExit> exits(Address account);

  List<AccountDeposit> deposits(Address account);

  /** The network's demo token pair when the app knows it (the embedded devnet). */
  Optional<TokenPair> demoToken();

  Review prepareExit(BigInteger id, Address from);

  Review prepareClaimAll(Address from);

  Review prepareWithdraw(Address from, Address childToken, Address receiver, BigInteger amount);

  Review prepareDeposit(Address from, Address rootToken, Address receiver, BigInteger amount);

  Review prepareSelfExecute(BigInteger id, Address from);

  /** Unlocks {@code key} with {@code password} (zeroed), signs, sends and waits for inclusion. */
  Outcome execute(Review review, String key, char[] password);

  /** Resumes the journal after a start (rebroadcast, settle); returns what is still open. */
  List<TxLine> resume();

  /** Unfinished and recent journal entries, newest first. */
  List<TxLine> transactions();

  /** Native balances and, when known, the demo token on both chains (wei / 18 decimals). */
  record Balances(
      BigInteger rootNative,
      BigInteger childNative,
      Optional<BigInteger> rootToken,
      Optional<BigInteger> childToken) {}

  /** The demo token on the root and its child clone. */
  record TokenPair(Address root, Address child) {}

  /** An exit of the account, in words. */
  record AccountExit(
      BigInteger id,
      String stage,
      String reason,
      String eta,
      String amount,
      boolean ready,
      String pending) {}

  /**
   * A deposit of the account, in words; {@code selfExecutable} when committed and not executed
   * (waiting, stuck, or failed in the receiver).
   */
  record AccountDeposit(
      BigInteger id, String stage, String reason, String amount, boolean selfExecutable) {}

  /** One journaled transaction. */
  record TxLine(long id, String purpose, String state, String chain, String hash, String note) {}
}
