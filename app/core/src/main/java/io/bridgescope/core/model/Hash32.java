package io.bridgescope.core.model;

import java.util.Arrays;

/** A 32-byte hash (block, transaction, Merkle node, root). */
public record Hash32(byte[] bytes) implements Comparable<Hash32> {

  public static final Hash32 ZERO = new Hash32(new byte[32]);

  public Hash32 {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("hash: expected 32 bytes, got " + bytes.length);
    }
    bytes = bytes.clone();
  }

  public static Hash32 of(String hex) {
    byte[] b = Hex.decode("hash", hex);
    if (b.length != 32) {
      throw new IllegalArgumentException(
          "hash: '" + hex + "' has " + b.length + " bytes, a hash has 32 (64 hex digits)");
    }
    return new Hash32(b);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public boolean isZero() {
    return equals(ZERO);
  }

  /** {@code 0x1234…abcd}, for labels. */
  public String shortHex() {
    String s = toString();
    return s.substring(0, 6) + "…" + s.substring(s.length() - 4);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash32 h && Arrays.equals(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Hash32 o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return Hex.encode(bytes);
  }
}
