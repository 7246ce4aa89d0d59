package io.bridgescope.core.abi;

/** ABI data that does not decode as expected; the message names the field. */
public class AbiDecodingException extends IllegalArgumentException {

  public AbiDecodingException(String field, String problem) {
    super(field + ": " + problem);
  }
}
