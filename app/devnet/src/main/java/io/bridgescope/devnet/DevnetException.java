package io.bridgescope.devnet;

/** A devnet failure a user can act on: the message says what broke and what to do. */
public class DevnetException extends RuntimeException {

  public DevnetException(String message) {
    super(message);
  }

  public DevnetException(String message, Throwable cause) {
    super(message, cause);
  }
}
