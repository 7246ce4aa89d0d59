package io.bridgescope.core.wallet;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.wallet.WalletException.Kind;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The pieces of the air-gapped flow shared by {@code tx export/sign/send} and the desktop: where
 * the reviewed exports are kept, where a signed file goes, and the checks before a signed file is
 * sent (decoded from its bytes, matched with the export it came from).
 */
public final class AirGap {

  private AirGap() {}

  /** Where exports of {@code network} are kept, beside the network's database. */
  public static ReviewedExports reviewedExports(DataDir dataDir, String network) {
    return new ReviewedExports(dataDir.database(network).resolveSibling("exported"));
  }

  /** The default signed file for an unsigned one: {@code <file without .json>.signed.json}. */
  public static Path signedPath(Path unsigned) {
    return Path.of(unsigned.toString().replaceAll("\\.json$", "") + ".signed.json");
  }

  /**
   * A signed file checked for sending: what its bytes say (with the reviewed export's snapshot when
   * one was found) and the reviewed export, when there is one.
   */
  public record ToSend(
      TxFiles.Signed signed, Inspection inspection, Optional<TxFiles.Unsigned> reviewed) {

    /**
     * The export these bytes equal; throws {@link Kind#REFUSED} naming the differing fields, or
     * saying nothing of that sender and nonce was exported, when there is none.
     */
    public TxFiles.Unsigned requireReviewed(ReviewedExports kept) {
      return reviewed.orElseGet(() -> kept.require(inspection.tx()));
    }
  }

  /**
   * Decodes {@code signed} on {@code wallet}'s network and finds the export it must equal: {@code
   * given} (an unsigned file the user reviewed elsewhere) or the copy in {@code kept}. Refuses a
   * file or a reviewed file of another network ({@link Kind#BAD_FILE}); does not refuse what the
   * policy refuses (see {@link Inspection#requireSendable()}), so the caller can show it first.
   */
  public static ToSend checkSigned(
      Wallet wallet,
      TxFiles.Signed signed,
      SigningLimits limits,
      ReviewedExports kept,
      TxFiles.@Nullable Unsigned given) {
    String name = wallet.profile().name();
    if (!signed.network().equals(name)) {
      throw new WalletException(
          Kind.BAD_FILE,
          "the file was prepared for network '" + signed.network() + "', not '" + name + "'");
    }
    if (given != null && !given.network().equals(name)) {
      throw new IllegalArgumentException(
          "the reviewed file is for network '" + given.network() + "', not '" + name + "'");
    }
    // what is shown and journaled comes from the signed bytes, not from the file's text
    UnsignedTx fields = wallet.inspectSigned(signed.tx(), limits, IndexSnapshot.NONE).tx();
    Optional<TxFiles.Unsigned> was = given != null ? Optional.of(given) : kept.find(fields);
    // with the reviewed export at hand, its snapshot checks the proofs once more, and the deposits
    // it named judge an approval as when it was exported
    Inspection i =
        wallet.inspectSigned(
            signed.tx(),
            limits,
            was.map(TxFiles.Unsigned::snapshot).orElse(IndexSnapshot.NONE),
            was.map(TxFiles.Unsigned::approvalFor).orElse(java.util.List.of()));
    return new ToSend(signed, i, was);
  }
}
