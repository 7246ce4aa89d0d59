package io.bridgescope.core.evidence;

import java.util.Objects;

/**
 * One re-check of a bundle: a stable name ({@code leaves}, {@code root}, {@code signature}, {@code
 * signer-keys}, {@code quorum}, {@code validator-set-hash}, {@code exporter}), whether it passed
 * and what was found, with the values compared.
 */
public record EvidenceCheck(String name, boolean passed, String detail) {

  public EvidenceCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
  }

  static EvidenceCheck pass(String name, String detail) {
    return new EvidenceCheck(name, true, detail);
  }

  static EvidenceCheck fail(String name, String detail) {
    return new EvidenceCheck(name, false, detail);
  }
}
