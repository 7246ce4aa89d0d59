package io.bridgescope.desktop.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.AirGap;
import io.bridgescope.core.wallet.Inspection;
import io.bridgescope.core.wallet.KeyInfo;
import io.bridgescope.core.wallet.NftPlanner;
import io.bridgescope.core.wallet.Outcome;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.core.wallet.TxFiles;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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

  /**
   * Calls {@code listener} (any thread, often) when the open network's index moved, so the
   * account's exits, deposits and their countdowns follow it; no-op where nothing is indexed.
   */
  default AutoCloseable onDataChange(Runnable listener) {
    return () -> {};
  }

  List<KeyInfo> keys();

  KeyInfo createKey(String name, char[] password);

  KeyInfo importPrivateKey(String name, char[] privateKeyHex, char[] password);

  KeyInfo importMnemonic(String name, char[] mnemonic, @Nullable String path, char[] password);

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

  /**
   * Burns {@code amount} of {@code childToken} on the child for an exit to {@code receiver}; the
   * amount is in whole tokens as typed, read at the decimals the child token states.
   */
  Review prepareWithdraw(Address from, Address childToken, Address receiver, String amount);

  /** Deposits {@code amount} (whole tokens, at the root token's decimals) of {@code rootToken}. */
  Review prepareDeposit(Address from, Address rootToken, Address receiver, String amount);

  /**
   * A child-native token on the move, either way: from the child to the root through Edge's
   * root-mintable predicate of its kind on the child (mapping and approving first when needed), or
   * its root mirror home through the root's child-mintable predicate (burnt there, released from
   * the child's escrow once executed).
   *
   * @param toRoot from the child to the root; false: the root mirror home to the child
   * @param token the child-native token ({@code toRoot}), or its root mirror
   * @param amount an ERC-20's amount in whole tokens, at the token's decimals (ignored for NFTs)
   * @param items the NFT ids (and ERC-1155 amounts); null for an ERC-20
   */
  record ChildNativeMove(
      boolean toRoot,
      Address from,
      Address token,
      Address receiver,
      String amount,
      NftPlanner.@Nullable Items items) {}

  /** The review of {@code move}, preflighted; refused with a {@code WalletException}. */
  Review prepareChildNative(ChildNativeMove move);

  Review prepareSelfExecute(BigInteger id, Address from);

  /**
   * Deposits ERC-721 or ERC-1155 {@code items} of {@code rootToken} to {@code receiver} on the
   * child (approving the root predicate first when it is not an operator yet).
   */
  Review prepareNftDeposit(
      Address from, Address rootToken, Address receiver, NftPlanner.Items items);

  /** Burns ERC-721 or ERC-1155 {@code items} of {@code childToken}, to be claimed on the root. */
  Review prepareNftWithdraw(
      Address from, Address childToken, Address receiver, NftPlanner.Items items);

  /** Unlocks {@code key} with {@code password} (zeroed), signs, sends and waits for inclusion. */
  Outcome execute(Review review, String key, char[] password);

  /**
   * Writes the review's one transaction unsigned to {@code file} for an offline signer and keeps a
   * copy beside the network's database (only signed bytes equal to it are sent). Signs nothing.
   */
  Exported exportUnsigned(Review review, Path file);

  /**
   * Reads an unsigned transaction file and inspects it against the open network's profile alone (no
   * node is asked: this is the offline machine's step).
   */
  UnsignedFile readUnsigned(Path file);

  /**
   * Signs what {@code file}'s inspection decoded with {@code key} (its sender), unlocked with
   * {@code password} (zeroed), and writes the signed file beside it; asks no node.
   */
  SignedOut signFile(UnsignedFile file, String key, char[] password);

  /** Reads a signed file, decodes its bytes on the open network and finds its reviewed export. */
  SignedFile readSigned(Path file);

  /** Journals, sends and follows a checked signed file; refuses it unless it was reviewed here. */
  Outcome sendSigned(SignedFile file);

  /** Resumes the journal after a start (rebroadcast, settle); returns what is still open. */
  List<TxLine> resume();

  /** Unfinished and recent journal entries, newest first. */
  List<TxLine> transactions();

  /** Where an unsigned export went and where its reviewed copy is kept. */
  record Exported(Path file, Path keptIn) {}

  /**
   * An unsigned file as read: its content, what the bytes say, the keys in the store that are its
   * sender, and why it may not be signed ({@code refusal}, null when it may).
   */
  record UnsignedFile(
      Path file,
      TxFiles.Unsigned content,
      Inspection inspection,
      List<KeyInfo> keys,
      @Nullable String refusal) {}

  /** A signed file written by {@link #signFile}. */
  record SignedOut(Path file, String hash) {}

  /**
   * A signed file as read: what its bytes say, its reviewed export when found, and why it may not
   * be sent ({@code refusal}, null when it may).
   */
  record SignedFile(Path file, AirGap.ToSend check, @Nullable String refusal) {}

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
