package io.bridgescope.core.abi;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;
import java.util.List;

/** A Solidity ABI value, enough of the type system for the bridge contracts. */
public sealed interface AbiValue {

  /** Whether the value is encoded in the tail (dynamic) rather than in place. */
  boolean dynamic();

  BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  static AbiValue uint(BigInteger v) {
    return new Uint(v);
  }

  static AbiValue uint(long v) {
    return new Uint(BigInteger.valueOf(v));
  }

  static AbiValue address(Address a) {
    return new Addr(a);
  }

  static AbiValue bytes32(Hash32 h) {
    return new Bytes32(h.bytes());
  }

  static AbiValue bytes32(byte[] b) {
    return new Bytes32(b);
  }

  static AbiValue bool(boolean b) {
    return new Uint(b ? BigInteger.ONE : BigInteger.ZERO);
  }

  static AbiValue bytes(byte[] b) {
    return new Bytes(b);
  }

  static AbiValue tuple(AbiValue... items) {
    return new Tuple(List.of(items));
  }

  static AbiValue array(List<? extends AbiValue> items) {
    return new Array(List.copyOf(items));
  }

  static AbiValue fixedArray(List<? extends AbiValue> items) {
    return new Tuple(List.copyOf(items));
  }

  /** uint256 (also bool and other integer widths, which encode the same way). */
  record Uint(BigInteger value) implements AbiValue {
    public Uint {
      if (value.signum() < 0 || value.compareTo(MAX_UINT256) > 0) {
        throw new IllegalArgumentException("uint256 out of range: " + value);
      }
    }

    @Override
    public boolean dynamic() {
      return false;
    }
  }

  record Addr(Address value) implements AbiValue {
    @Override
    public boolean dynamic() {
      return false;
    }
  }

  record Bytes32(byte[] value) implements AbiValue {
    public Bytes32 {
      if (value.length != 32) {
        throw new IllegalArgumentException("bytes32: expected 32 bytes, got " + value.length);
      }
      value = value.clone();
    }

    @Override
    public boolean dynamic() {
      return false;
    }
  }

  /** Dynamic {@code bytes}. */
  record Bytes(byte[] value) implements AbiValue {
    public Bytes {
      value = value.clone();
    }

    @Override
    public boolean dynamic() {
      return true;
    }
  }

  /** A struct or a fixed-size array {@code T[k]}: dynamic iff a component is. */
  record Tuple(List<AbiValue> items) implements AbiValue {
    @Override
    public boolean dynamic() {
      return items.stream().anyMatch(AbiValue::dynamic);
    }
  }

  /** A dynamic array {@code T[]}. */
  record Array(List<AbiValue> items) implements AbiValue {
    @Override
    public boolean dynamic() {
      return true;
    }
  }
}
