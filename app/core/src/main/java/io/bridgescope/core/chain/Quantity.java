package io.bridgescope.core.chain;

import org.jspecify.annotations.Nullable;

/**
 * Parses JSON-RPC hex quantities ({@code 0x1a}) directly. web3j's getters re-parse with regular
 * expressions and exceptions on every call, which dominated the indexer's profile.
 */
public final class Quantity {

  private Quantity() {}

  public static long parse(String field, @Nullable String hex) {
    if (hex == null || hex.length() < 3 || hex.charAt(0) != '0' || (hex.charAt(1) | 0x20) != 'x') {
      throw ChainException.badReply("node sent a malformed " + field + ": '" + hex + "'", null);
    }
    try {
      return Long.parseUnsignedLong(hex, 2, hex.length(), 16);
    } catch (NumberFormatException e) {
      throw ChainException.badReply("node sent a malformed " + field + ": '" + hex + "'", e);
    }
  }
}
