package io.bridgescope.desktop.activity;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The followed-addresses file could not be read or written: the message names the file, what is
 * wrong with it and what to do. The screen shows it and keeps listing the keys.
 */
public final class TrackedAddressesException extends RuntimeException {

  private final @Nullable Path file;

  public TrackedAddressesException(@Nullable Path file, String message) {
    super(message);
    this.file = file;
  }

  public TrackedAddressesException(Path file, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
  }

  /** The file it is about, when there is one. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }
}
