package io.bridgescope.core.store.rows;

import java.util.List;
import java.util.Objects;

/**
 * The signature part of a {@code commit} transaction's input: the aggregate signature, the signers'
 * public keys (all the same length, in bitmap order) and the bitmap.
 */
public record CommitSignature(Bytes signature, List<Bytes> signerKeys, Bytes bitmap) {

  public CommitSignature {
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(bitmap, "bitmap");
    signerKeys = List.copyOf(signerKeys);
    if (signerKeys.stream().map(Bytes::length).distinct().count() > 1) {
      throw new IllegalArgumentException("commit signature: signer keys differ in length");
    }
  }
}
