package io.bridgescope.core.model;

import java.util.Arrays;

/** A 20-byte account address. Equality is by bytes; {@link #toString()} is lower-case 0x hex. */
public record Address(byte[] bytes) implements Comparable<Address> {

  public static final Address ZERO = new Address(new byte[20]);

  public Address {
    if (bytes.length != 20) {
      throw new IllegalArgumentException("address: expected 20 bytes, got " + bytes.length);
    }
    bytes = bytes.clone();
  }

  /** Parses a 0x-prefixed 40-hex-digit address, naming the input in the error. */
  public static Address of(String hex) {
    byte[] b = Hex.decode("address", hex);
    if (b.length != 20) {
      throw new IllegalArgumentException(
          "address: '" + hex + "' has " + b.length + " bytes, an address has 20 (40 hex digits)");
    }
    return new Address(b);
  }

  /** Address whose low-order bytes hold {@code value}, e.g. Edge's fixed {@code 0x…1001}. */
  public static Address ofLow(long value) {
    byte[] b = new byte[20];
    for (int i = 19; i >= 12; i--) {
      b[i] = (byte) value;
      value >>>= 8;
    }
    return new Address(b);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address a && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Address o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return Hex.encode(bytes);
  }
}
