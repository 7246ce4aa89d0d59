package io.bridgescope.crypto.bn254;

import io.bridgescope.crypto.InvalidEncodingException;
import java.math.BigInteger;

/** Big-endian 32-byte words and field-element checks shared by the point encoders. */
final class Codec {

  private Codec() {}

  static void requireLength(byte[] bytes, int length, String field) {
    if (bytes == null) {
      throw new InvalidEncodingException(field, "is missing (null)");
    }
    if (bytes.length != length) {
      throw new InvalidEncodingException(
          field, "expected " + length + " bytes, got " + bytes.length);
    }
  }

  static void requireCount(Object[] values, int count, String field) {
    if (values == null) {
      throw new InvalidEncodingException(field, "is missing (null)");
    }
    if (values.length != count) {
      throw new InvalidEncodingException(
          field, "expected " + count + " values, got " + values.length);
    }
  }

  /** Reads the 32-byte word at {@code offset} as a canonical field element. */
  static Fp readFp(byte[] bytes, int offset, String field, String part) {
    byte[] word = new byte[32];
    System.arraycopy(bytes, offset, word, 0, 32);
    return checkFp(new BigInteger(1, word), field, part);
  }

  static Fp checkFp(BigInteger value, String field, String part) {
    if (value == null) {
      throw new InvalidEncodingException(field, part + " coordinate is missing (null)");
    }
    if (value.signum() < 0) {
      throw new InvalidEncodingException(field, part + " coordinate is negative");
    }
    if (value.compareTo(Fp.P) >= 0) {
      throw new InvalidEncodingException(
          field, part + " coordinate is not below the field modulus");
    }
    return Fp.of(value);
  }

  static void writeWord(BigInteger value, byte[] out, int offset) {
    byte[] b = value.toByteArray();
    int len = Math.min(b.length, 32);
    System.arraycopy(b, b.length - len, out, offset + 32 - len, len);
  }
}
