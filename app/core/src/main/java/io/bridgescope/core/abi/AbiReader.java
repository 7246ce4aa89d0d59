package io.bridgescope.core.abi;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Bounds-checked reading of ABI-encoded data. Offsets are relative to {@code base}; every read past
 * the end fails with {@link AbiDecodingException} naming the field, never an index error. Position
 * arithmetic is done in {@code long}: offsets and lengths come from the data and may be near 2^31.
 */
public final class AbiReader {

  private final byte[] data;
  private final int base;

  public AbiReader(byte[] data) {
    this(data, 0);
  }

  private AbiReader(byte[] data, int base) {
    this.data = data;
    this.base = base;
  }

  /** Reader for a calldata body after the 4-byte selector. */
  public static AbiReader ofCalldata(byte[] calldata) {
    if (calldata.length < 4) {
      throw new AbiDecodingException("calldata", "shorter than a selector");
    }
    return new AbiReader(calldata, 4);
  }

  public byte[] word(String field, int slot) {
    long at = base + 32L * slot;
    if (slot < 0 || at + 32 > data.length) {
      throw new AbiDecodingException(field, "word " + slot + " is past the end of the data");
    }
    return Arrays.copyOfRange(data, (int) at, (int) at + 32);
  }

  public BigInteger uint(String field, int slot) {
    return new BigInteger(1, word(field, slot));
  }

  /** A uint256 the caller keeps in a Java {@code long} (epochs, block numbers). */
  public long uintAsLong(String field, int slot) {
    BigInteger v = uint(field, slot);
    if (v.bitLength() > 63) {
      throw new AbiDecodingException(field, v + " does not fit a 64-bit number");
    }
    return v.longValue();
  }

  public boolean bool(String field, int slot) {
    BigInteger v = uint(field, slot);
    if (v.compareTo(BigInteger.ONE) > 0) {
      throw new AbiDecodingException(field, "not a bool: " + v);
    }
    return v.signum() == 1;
  }

  public Address address(String field, int slot) {
    byte[] w = word(field, slot);
    for (int i = 0; i < 12; i++) {
      if (w[i] != 0) {
        throw new AbiDecodingException(field, "address word has non-zero high bytes");
      }
    }
    return new Address(Arrays.copyOfRange(w, 12, 32));
  }

  public Hash32 bytes32(String field, int slot) {
    return new Hash32(word(field, slot));
  }

  /** Follows the offset in {@code slot} and returns a reader positioned at the tail item. */
  public AbiReader tail(String field, int slot) {
    BigInteger off = uint(field, slot);
    if (off.bitLength() > 31 || base + off.longValue() > data.length) {
      throw new AbiDecodingException(field, "offset " + off + " points outside the data");
    }
    return new AbiReader(data, base + off.intValue());
  }

  /** A struct laid out in place starting at {@code slot} (a static tuple). */
  public AbiReader inPlace(int slot) {
    long at = base + 32L * slot;
    if (slot < 0 || at > data.length) {
      throw new AbiDecodingException("struct at word " + slot, "starts past the end of the data");
    }
    return new AbiReader(data, (int) at);
  }

  /** Dynamic {@code bytes} whose offset word is at {@code slot}. */
  public byte[] bytes(String field, int slot) {
    AbiReader t = tail(field, slot);
    return t.bytesHere(field);
  }

  /** Reads {@code bytes} (length word then content) at this reader's base. */
  public byte[] bytesHere(String field) {
    BigInteger len = uint(field + ".length", 0);
    long start = base + 32L;
    if (len.bitLength() > 31 || start + len.longValue() > data.length) {
      throw new AbiDecodingException(field, "length " + len + " runs past the end of the data");
    }
    return Arrays.copyOfRange(data, (int) start, (int) start + len.intValue());
  }

  /**
   * Length of a dynamic array at this reader's base; elements start at slot 1. Every element has at
   * least one 32-byte head word, so a length the data cannot hold is refused here, before a caller
   * sizes a list by it.
   */
  public int arrayLength(String field) {
    BigInteger len = uint(field + ".length", 0);
    long room = (data.length - (base + 32L)) / 32;
    if (len.compareTo(BigInteger.valueOf(room)) > 0) {
      throw new AbiDecodingException(
          field, "array length " + len + " is more than the " + room + " words that follow");
    }
    return len.intValue();
  }

  /** Reader positioned just after an array's length word (where element heads start). */
  public AbiReader arrayBody() {
    return inPlace(1);
  }
}
