package io.bridgescope.desktop.wallet;

import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.wallet.KeystoreException;
import io.bridgescope.core.wallet.WalletException;
import io.bridgescope.desktop.common.GuiWords;
import java.util.Objects;

/**
 * Errors in plain words: what happened and what to do; never a secret (core messages hold none).
 */
final class WalletErrors {

  private WalletErrors() {}

  static String describe(Throwable t) {
    return GuiWords.of(plain(t));
  }

  private static String plain(Throwable t) {
    Throwable e = unwrap(t);
    if (e instanceof KeystoreException k) {
      return switch (k.kind()) {
        case WRONG_PASSWORD -> "Wrong password. " + k.getMessage();
        case CORRUPT ->
            "The keystore file is corrupt or not an Ethereum V3 keystore. " + k.getMessage();
        case DUPLICATE -> "Already in the key store. " + k.getMessage();
        case NOT_FOUND -> "No such key in the store. " + k.getMessage();
        case INVALID_INPUT -> "That input is not valid. " + k.getMessage();
        case TOO_EXPENSIVE ->
            "This keystore file asks for more key-derivation work than is safe. " + k.getMessage();
        case IO -> "The key store could not be read or written. " + k.getMessage();
      };
    }
    if (e instanceof WalletException w) {
      return switch (w.kind()) {
        case ALREADY_PROCESSED -> "Already processed: nothing to do. " + w.getMessage();
        case IN_FLIGHT -> "Already being sent: wait for it. " + w.getMessage();
        case ROOT_MISMATCH ->
            "The root on chain does not match the local tree; the proof would be refused. "
                + w.getMessage();
        case CALL_REVERTS -> "The simulated call reverts. " + w.getMessage();
        case INSUFFICIENT_FUNDS -> "Not enough funds. " + w.getMessage();
        case NOT_SENT -> "Signed and kept, but not sent yet. " + w.getMessage();
        case BURN ->
            "The receiver is the zero address: the tokens would be burnt and nobody could ever"
                + " claim them. Enter the real receiver.";
        case BAD_FILE -> "The file cannot be used. " + w.getMessage();
        case REFUSED -> "Refused. " + w.getMessage();
        default -> Objects.requireNonNullElse(w.getMessage(), w.toString());
      };
    }
    if (e instanceof ChainException) {
      return "The node could not be asked: " + e.getMessage();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof java.util.concurrent.ExecutionException
            || e instanceof java.util.concurrent.CompletionException
            || (e instanceof IllegalStateException && e.getCause() != null))
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
