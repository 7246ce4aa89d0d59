package io.bridgescope.core.store.rows;

import io.bridgescope.core.model.Hex;
import java.util.Arrays;

/** An immutable byte string compared by content, for the variable-length columns of rows. */
public record Bytes(byte[] value) {

  public static final Bytes EMPTY = new Bytes(new byte[0]);

  public Bytes {
    value = value.clone();
  }

  public static Bytes of(byte[] value) {
    return new Bytes(value);
  }

  public static Bytes ofHex(String hex) {
    return new Bytes(Hex.decode("bytes", hex));
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  public int length() {
    return value.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b && Arrays.equals(value, b.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return Hex.encode(value);
  }
}
