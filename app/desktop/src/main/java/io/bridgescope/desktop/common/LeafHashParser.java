package io.bridgescope.desktop.common;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads leaf hashes pasted by a user: one 32-byte hash per line (0x optional), commas and spaces
 * also separate; blank lines and lines starting with # are skipped.
 */
public final class LeafHashParser {

  private LeafHashParser() {}

  /**
   * @throws IllegalArgumentException naming the line of the first value that is not a hash
   */
  public static List<byte[]> parse(String text) {
    List<byte[]> out = new ArrayList<>();
    String[] lines = text == null ? new String[0] : text.split("\\R");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      for (String token : line.split("[\\s,;]+")) {
        if (!token.isEmpty()) {
          out.add(hash(token, n + 1));
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "No leaf hashes: paste one 0x + 64 hex digit hash a line.");
    }
    return out;
  }

  private static byte[] hash(String token, int line) {
    String digits = token.startsWith("0x") || token.startsWith("0X") ? token.substring(2) : token;
    if (digits.length() != 64 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException(
          "Line " + line + ": '" + token + "' is not a 32-byte hash (0x + 64 hex digits).");
    }
    return HexFormat.of().parseHex(digits);
  }
}
