package io.bridgescope.core.model;

import java.util.HexFormat;

/** Strict 0x-hex parsing with messages that name the field. */
public final class Hex {

  private static final HexFormat HEX = HexFormat.of();

  private Hex() {}

  public static String encode(byte[] bytes) {
    return "0x" + HEX.formatHex(bytes);
  }

  /** Parses {@code 0x}-prefixed (or bare) hex; rejects odd length and non-hex characters. */
  public static byte[] decode(String field, String hex) {
    if (hex == null) {
      throw new IllegalArgumentException(field + ": missing (expected 0x-prefixed hex)");
    }
    String s = hex.strip();
    if (s.startsWith("0x") || s.startsWith("0X")) {
      s = s.substring(2);
    }
    if (s.length() % 2 != 0) {
      throw new IllegalArgumentException(field + ": odd number of hex digits in '" + hex + "'");
    }
    try {
      return HEX.parseHex(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": not hex: '" + hex + "'", e);
    }
  }
}
