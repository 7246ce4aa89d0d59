package io.bridgescope.crypto.abi;

import io.bridgescope.crypto.InvalidEncodingException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The few Solidity ABI rules the bridge leaves need: static words ({@code uint256}, {@code
 * address}, {@code bytes32}) and dynamic {@code bytes}, laid out head then tail.
 *
 * <p>Add values in declaration order, then call {@link #encode()} for {@code abi.encode(a, b, …)}
 * (a flat tuple) or {@link #encodeAsStruct()} for {@code abi.encode(s)} where {@code s} is a struct
 * with those members. Every value is range- and size-checked; errors name the field.
 */
public final class AbiTupleEncoder {

  public static final int WORD = 32;
  public static final int ADDRESS_LENGTH = 20;
  private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);

  /** A static word (already 32 bytes) or a dynamic tail (length word + padded data). */
  private record Part(byte[] bytes, boolean dynamic) {}

  private final List<Part> parts = new ArrayList<>();

  public AbiTupleEncoder uint256(String field, BigInteger value) {
    parts.add(new Part(uint256Word(field, value), false));
    return this;
  }

  public AbiTupleEncoder uint256(String field, long value) {
    return uint256(field, BigInteger.valueOf(value));
  }

  public AbiTupleEncoder address(String field, byte[] address) {
    parts.add(new Part(addressWord(field, address), false));
    return this;
  }

  public AbiTupleEncoder bytes32(String field, byte[] value) {
    if (value == null || value.length != WORD) {
      throw new InvalidEncodingException(field, "expected 32 bytes, got " + length(value));
    }
    parts.add(new Part(value.clone(), false));
    return this;
  }

  /**
   * A dynamic {@code bytes} value: an offset in the head, length and right-padded data in the tail.
   */
  public AbiTupleEncoder bytes(String field, byte[] value) {
    if (value == null) {
      throw new InvalidEncodingException(field, "missing");
    }
    byte[] tail = new byte[WORD + paddedLength(value.length)];
    writeWord(tail, 0, BigInteger.valueOf(value.length));
    System.arraycopy(value, 0, tail, WORD, value.length);
    parts.add(new Part(tail, true));
    return this;
  }

  /** {@code abi.encode(v1, v2, …)}: the values as a flat tuple, heads then tails. */
  public byte[] encode() {
    int headSize = parts.size() * WORD;
    ByteArrayOutputStream head = new ByteArrayOutputStream(headSize);
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    for (Part part : parts) {
      if (part.dynamic()) {
        // Offsets count from the start of this tuple's head, not from the whole encoding.
        head.writeBytes(word(BigInteger.valueOf(headSize + tail.size())));
        tail.writeBytes(part.bytes());
      } else {
        head.writeBytes(part.bytes());
      }
    }
    head.writeBytes(tail.toByteArray());
    return head.toByteArray();
  }

  /**
   * {@code abi.encode(struct)}: a struct with a dynamic member is itself dynamic, so the encoding
   * is one offset word (0x20) followed by the tuple; an all-static struct encodes like the flat
   * tuple.
   */
  public byte[] encodeAsStruct() {
    byte[] tuple = encode();
    if (parts.stream().noneMatch(Part::dynamic)) {
      return tuple;
    }
    byte[] out = new byte[WORD + tuple.length];
    out[WORD - 1] = WORD;
    System.arraycopy(tuple, 0, out, WORD, tuple.length);
    return out;
  }

  /** A big-endian 32-byte word for {@code value}, which must lie in [0, 2^256). */
  public static byte[] uint256Word(String field, BigInteger value) {
    if (value == null) {
      throw new InvalidEncodingException(field, "missing");
    }
    if (value.signum() < 0 || value.compareTo(UINT256_LIMIT) >= 0) {
      throw new InvalidEncodingException(field, "not a uint256: " + value);
    }
    return word(value);
  }

  /** An address left-padded with zeros to 32 bytes. */
  public static byte[] addressWord(String field, byte[] address) {
    if (address == null || address.length != ADDRESS_LENGTH) {
      throw new InvalidEncodingException(field, "expected 20 bytes, got " + length(address));
    }
    byte[] out = new byte[WORD];
    System.arraycopy(address, 0, out, WORD - ADDRESS_LENGTH, ADDRESS_LENGTH);
    return out;
  }

  static int paddedLength(int length) {
    return (length + WORD - 1) / WORD * WORD;
  }

  private static byte[] word(BigInteger value) {
    byte[] out = new byte[WORD];
    writeWord(out, 0, value);
    return out;
  }

  private static void writeWord(byte[] out, int offset, BigInteger value) {
    byte[] raw = value.toByteArray();
    // toByteArray may carry a leading sign byte 0x00 for values with the top bit set.
    int skip = raw.length > WORD ? raw.length - WORD : 0;
    System.arraycopy(raw, skip, out, offset + WORD - (raw.length - skip), raw.length - skip);
  }

  private static String length(byte[] value) {
    return value == null ? "nothing" : String.valueOf(value.length);
  }
}
