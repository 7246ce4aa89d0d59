package io.bridgescope.core.wallet;

import io.bridgescope.core.model.Hex;
import io.bridgescope.core.wallet.Inspection.Problem;
import io.bridgescope.core.wallet.WalletException.Kind;
import io.bridgescope.crypto.Keccak;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@code tx export} wrote, kept on the online machine: a copy of every exported unsigned
 * transaction. {@code tx send} sends signed bytes only if they equal one of these, so a file
 * changed on its way to the signer and back is caught even when the signer was told to allow it.
 */
public final class ReviewedExports {

  private final Path dir;

  public ReviewedExports(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** Keeps a copy of an exported transaction (once per distinct transaction). */
  public void remember(String network, UnsignedTx tx, IndexSnapshot snapshot) {
    remember(network, tx, snapshot, List.of());
  }

  /** As above, with the deposits an exported approval is for (checked again when it is sent). */
  public void remember(
      String network,
      UnsignedTx tx,
      IndexSnapshot snapshot,
      List<SigningPolicy.Companion> approvalFor) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new WalletException(
          Kind.BAD_FILE, "cannot keep the exported transaction in " + dir + ": " + e.getMessage());
    }
    Path file = dir.resolve(prefix(tx) + fingerprint(tx) + ".json");
    if (!Files.exists(file)) {
      TxFiles.writeUnsigned(network, tx, snapshot, approvalFor, file);
    }
  }

  /** The exported transaction whose signed fields all equal {@code fromBytes}, if there is one. */
  public Optional<TxFiles.Unsigned> find(UnsignedTx fromBytes) {
    return candidates(fromBytes).stream()
        .filter(u -> SignedBytes.differences(u.tx(), fromBytes, "reviewed").isEmpty())
        .findFirst();
  }

  /**
   * The exported transaction whose signed fields all equal {@code fromBytes}. Throws {@link
   * Kind#REFUSED} naming the fields that differ from the export of the same sender and nonce, or
   * saying that nothing of that sender and nonce was exported here.
   */
  public TxFiles.Unsigned require(UnsignedTx fromBytes) {
    Optional<TxFiles.Unsigned> exact = find(fromBytes);
    if (exact.isPresent()) {
      return exact.get();
    }
    List<TxFiles.Unsigned> same = candidates(fromBytes);
    if (same.isEmpty()) {
      throw new WalletException(
          Kind.REFUSED,
          "no transaction of "
              + fromBytes.from()
              + " with nonce "
              + fromBytes.nonce()
              + " on chain "
              + fromBytes.chainId()
              + " was exported from this data directory ("
              + dir
              + "), so these signed bytes were never reviewed here; give the unsigned file you"
              + " reviewed with --reviewed FILE. Nothing was sent");
    }
    List<Problem> d = SignedBytes.differences(same.get(0).tx(), fromBytes, "reviewed");
    throw new WalletException(
        Kind.REFUSED,
        "the signed bytes are not the transaction exported for review: "
            + d.stream().map(Problem::toString).collect(Collectors.joining("; "))
            + ". Nothing was sent");
  }

  private List<TxFiles.Unsigned> candidates(UnsignedTx tx) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    String prefix = prefix(tx);
    List<TxFiles.Unsigned> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
        out.add(TxFiles.readUnsigned(f));
      }
    } catch (IOException e) {
      throw new WalletException(
          Kind.BAD_FILE, "cannot read the exported transactions in " + dir + ": " + e.getMessage());
    }
    return out;
  }

  private static String prefix(UnsignedTx tx) {
    return tx.chainId() + "-" + tx.from() + "-" + tx.nonce() + "-";
  }

  /** A short hash of every signed field, to tell two exports of the same nonce apart. */
  private static String fingerprint(UnsignedTx tx) {
    String fields =
        String.join(
            "|",
            Long.toString(tx.chainId()),
            tx.from().toString(),
            Long.toString(tx.nonce()),
            tx.to().toString(),
            tx.value().toString(),
            Hex.encode(tx.data().value()),
            Long.toString(tx.gasLimit()),
            Boolean.toString(tx.fees().eip1559()),
            tx.fees().maxFeePerGas().toString(),
            tx.fees().maxPriorityFeePerGas().toString());
    return Hex.encode(Keccak.keccak256(fields.getBytes(StandardCharsets.UTF_8))).substring(2, 18);
  }
}
