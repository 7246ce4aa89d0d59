package io.bridgescope.desktop.widgets;

/** {@code 0x1234…abcd} for hashes and addresses; anything shorter than that is shown whole. */
public final class ShortHex {

  private ShortHex() {}

  public static String of(String hex) {
    if (hex == null) {
      return "";
    }
    if (hex.length() <= 13) {
      return hex;
    }
    return hex.substring(0, 6) + "…" + hex.substring(hex.length() - 4);
  }

  public static String of(byte[] bytes) {
    StringBuilder sb = new StringBuilder(bytes.length * 2 + 2).append("0x");
    for (byte b : bytes) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return of(sb.toString());
  }
}
