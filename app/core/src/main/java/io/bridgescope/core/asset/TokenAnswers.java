package io.bridgescope.core.asset;

import io.bridgescope.core.abi.AbiReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what a token contract answered to {@code name()}, {@code symbol()} and {@code decimals()}.
 * The answer is outside input: what is not the value throws {@link IllegalArgumentException} naming
 * the call, and the caller stores the part as absent.
 */
public final class TokenAnswers {

  /** Longer names are not a token's name but a contract answering something else. */
  static final int MAX_TEXT = 256;

  private TokenAnswers() {}

  /** {@code uint8 decimals()}. */
  public static int decimals(byte[] ret) {
    if (ret.length != 32) {
      throw new IllegalArgumentException(
          "decimals() answered " + ret.length + " bytes, not one 32-byte word");
    }
    BigInteger d = new BigInteger(1, ret);
    if (d.bitLength() > 8) {
      throw new IllegalArgumentException("decimals() answered " + d + ", more than a uint8");
    }
    return d.intValue();
  }

  /**
   * {@code string name()} / {@code string symbol()}; some early tokens answer a {@code bytes32}
   * padded with zeros instead, which is read as text too.
   */
  public static String text(String call, byte[] ret) {
    byte[] raw;
    if (ret.length == 32) {
      int end = 32;
      while (end > 0 && ret[end - 1] == 0) {
        end--;
      }
      raw = Arrays.copyOf(ret, end);
    } else {
      try {
        raw = new AbiReader(ret).bytes(call, 0);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(call + " answered no string: " + e.getMessage());
      }
    }
    if (raw.length > MAX_TEXT) {
      throw new IllegalArgumentException(call + " answered " + raw.length + " bytes of text");
    }
    String s;
    try {
      s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(raw))
              .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(call + " answered text that is not UTF-8");
    }
    // Control characters would let a token rewrite a terminal line or a CSV row.
    if (s.codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(call + " answered text with control characters");
    }
    return s;
  }
}
