package io.bridgescope.core.wallet;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.crypto.Keccak;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A signed transaction with the plan it was signed from. The raw bytes are public once sent and
 * hold no secret; {@link #of} checks that they really encode {@code tx}, signed by {@code tx.from}.
 */
public record SignedTx(UnsignedTx tx, Bytes raw, Hash32 hash) {

  public SignedTx {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(hash, "hash");
  }

  /** Wraps signed bytes after checking they encode {@code tx}, signed by its sender. */
  public static SignedTx of(UnsignedTx tx, byte[] raw) {
    SignedBytes.Fields f = SignedBytes.decode(raw);
    List<Inspection.Problem> d =
        SignedBytes.differences(tx, f.unsigned(tx.chain()), "the description says");
    if (!d.isEmpty()) {
      throw bad(
          "the signed transaction does not match its description: "
              + d.stream().map(Inspection.Problem::toString).collect(Collectors.joining("; ")));
    }
    return new SignedTx(tx, Bytes.of(raw), new Hash32(Keccak.keccak256(raw)));
  }

  private static WalletException bad(String msg) {
    return new WalletException(WalletException.Kind.BAD_FILE, msg);
  }
}
