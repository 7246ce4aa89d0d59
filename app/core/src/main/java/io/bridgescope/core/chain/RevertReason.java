package io.bridgescope.core.chain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Decodes EVM revert data: {@code Error(string)} and {@code Panic(uint256)}. */
public final class RevertReason {

  private static final byte[] ERROR = {0x08, (byte) 0xc3, 0x79, (byte) 0xa0};
  private static final byte[] PANIC = {0x4e, 0x48, 0x7b, 0x71};

  private RevertReason() {}

  /** A readable reason, e.g. {@code INVALID_EPOCH} or {@code panic 0x11}; null if empty. */
  public static @Nullable String decode(byte @Nullable [] data) {
    if (data == null || data.length < 4) {
      return null;
    }
    byte[] sel = Arrays.copyOf(data, 4);
    if (Arrays.equals(sel, ERROR) && data.length >= 4 + 64) {
      // The length word comes from the node: compare it as a number before using it as an index.
      BigInteger len = new BigInteger(1, Arrays.copyOfRange(data, 4 + 32, 4 + 64));
      if (len.compareTo(BigInteger.valueOf(data.length - (4 + 64))) <= 0) {
        return new String(data, 4 + 64, len.intValue(), StandardCharsets.UTF_8);
      }
    }
    if (Arrays.equals(sel, PANIC) && data.length >= 4 + 32) {
      return "panic 0x" + new BigInteger(1, Arrays.copyOfRange(data, 4, 36)).toString(16);
    }
    return "custom error 0x" + java.util.HexFormat.of().formatHex(data);
  }
}
