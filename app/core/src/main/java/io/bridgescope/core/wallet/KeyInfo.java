package io.bridgescope.core.wallet;

import io.bridgescope.core.model.Address;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A key in the store as listed: its name (a label kept beside the file, not inside the crypto),
 * address and file. {@code problem} is set when the file cannot be read as a V3 keystore; such a
 * key is still listed so the user sees it and can restore it.
 */
public record KeyInfo(String name, Address address, Path file, Optional<String> problem) {

  public KeyInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(problem, "problem");
  }

  /** {@code 'alice' (0x1234…abcd)}, as used in messages. */
  public String describe() {
    String a = address.toString();
    return "'" + name + "' (" + a.substring(0, 6) + "…" + a.substring(a.length() - 4) + ")";
  }
}
