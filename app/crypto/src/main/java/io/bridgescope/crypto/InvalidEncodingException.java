package io.bridgescope.crypto;

/**
 * Raised when bytes handed to a decoder are not a valid value; the message names the field and what
 * is wrong with it (length, not on curve, not in subgroup, infinity, not below the modulus).
 */
public class InvalidEncodingException extends IllegalArgumentException {

  private final String field;

  public InvalidEncodingException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
