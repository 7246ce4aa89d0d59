package io.bridgescope.crypto.bls;

/**
 * The native BLS library could not be loaded on this machine (unsupported OS or CPU, missing or
 * blocked temp directory, broken jar). Nothing the caller passes can fix it; the message says which
 * platform failed so a user can report it.
 */
public class BlsUnavailableException extends IllegalStateException {

  public BlsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
