package io.bridgescope.core.abi;

import org.jspecify.annotations.Nullable;

/** ABI data that does not decode as expected; the message names the field. */
public class AbiDecodingException extends IllegalArgumentException {

  public AbiDecodingException(String field, @Nullable String problem) {
    super(field + ": " + problem);
  }
}
