package io.bridgescope.core.fuzz;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One edit of a valid ABI (or other binary) encoding. Positions are taken modulo the current length
 * so any value applies to any input, and jqwik shrinks a failing list of edits towards the fewest,
 * smallest ones. Word edits are aligned to 32-byte words after {@code base} (4 for calldata, whose
 * words start after the selector), where offsets and lengths live.
 */
public record ByteMutation(Kind kind, int at, int delta, BigInteger word, int value) {

  /** What the edit does. */
  public enum Kind {
    FLIP_BIT,
    SET_BYTE,
    TRUNCATE,
    EXTEND,
    /** Overwrite one word with {@link #word} (0, 1, 2^31, 2^32, 2^255, 2^256 - 1, ...). */
    SET_WORD,
    /** Overwrite one word with the data length plus {@link #delta}: offsets just past the end. */
    SET_WORD_NEAR_END,
    INSERT_WORD,
    DELETE_WORD,
    DUPLICATE_TAIL
  }

  static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  /** Values that break naive offset and length arithmetic. */
  public static final List<BigInteger> INTERESTING_WORDS =
      List.of(
          BigInteger.ZERO,
          BigInteger.ONE,
          BigInteger.valueOf(31),
          BigInteger.valueOf(32),
          BigInteger.valueOf(33),
          BigInteger.valueOf(64),
          BigInteger.valueOf(0xffff),
          BigInteger.valueOf(1 << 24),
          BigInteger.valueOf(Integer.MAX_VALUE - 31),
          BigInteger.valueOf(Integer.MAX_VALUE),
          BigInteger.ONE.shiftLeft(31),
          BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE),
          BigInteger.ONE.shiftLeft(32),
          BigInteger.valueOf(Long.MAX_VALUE),
          BigInteger.ONE.shiftLeft(63),
          BigInteger.ONE.shiftLeft(64),
          BigInteger.ONE.shiftLeft(160),
          BigInteger.ONE.shiftLeft(255),
          TWO_256.subtract(BigInteger.ONE),
          TWO_256.subtract(BigInteger.valueOf(32)));

  public static Arbitrary<BigInteger> words() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.of(INTERESTING_WORDS)),
        net.jqwik.api.Tuple.of(
            2, Arbitraries.integers().between(0, 4096).map(i -> BigInteger.valueOf(i))),
        net.jqwik.api.Tuple.of(
            1,
            Arbitraries.bigIntegers().between(BigInteger.ZERO, TWO_256.subtract(BigInteger.ONE))));
  }

  public static Arbitrary<ByteMutation> any() {
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.integers().between(0, 1 << 16),
            Arbitraries.integers().between(-64, 64),
            words(),
            Arbitraries.integers().between(0, 255))
        .as(ByteMutation::new);
  }

  /** Zero to four edits; the empty list leaves the valid encoding as it is. */
  public static Arbitrary<List<ByteMutation>> lists() {
    return any().list().ofMaxSize(4);
  }

  public static byte[] applyAll(byte[] data, int base, List<ByteMutation> edits) {
    byte[] d = data;
    for (ByteMutation m : edits) {
      d = m.apply(d, base);
    }
    return d;
  }

  public byte[] apply(byte[] data, int base) {
    int n = data.length;
    int words = Math.max(0, (n - base) / 32);
    switch (kind) {
      case FLIP_BIT -> {
        if (n == 0) {
          return data;
        }
        byte[] d = data.clone();
        d[at % n] ^= (byte) (1 << (value & 7));
        return d;
      }
      case SET_BYTE -> {
        if (n == 0) {
          return data;
        }
        byte[] d = data.clone();
        d[at % n] = (byte) value;
        return d;
      }
      case TRUNCATE -> {
        return Arrays.copyOf(data, n == 0 ? 0 : at % n);
      }
      case EXTEND -> {
        byte[] d = Arrays.copyOf(data, n + 1 + at % 96);
        Arrays.fill(d, n, d.length, (byte) value);
        return d;
      }
      case SET_WORD, SET_WORD_NEAR_END -> {
        if (words == 0) {
          return data;
        }
        BigInteger v =
            kind == Kind.SET_WORD
                ? word
                : BigInteger.valueOf(Math.max(0, n - base + delta)).mod(TWO_256);
        byte[] d = data.clone();
        System.arraycopy(word32(v), 0, d, base + 32 * (at % words), 32);
        return d;
      }
      case INSERT_WORD -> {
        int pos = base + 32 * (words == 0 ? 0 : at % (words + 1));
        pos = Math.min(pos, n);
        byte[] d = new byte[n + 32];
        System.arraycopy(data, 0, d, 0, pos);
        System.arraycopy(word32(word), 0, d, pos, 32);
        System.arraycopy(data, pos, d, pos + 32, n - pos);
        return d;
      }
      case DELETE_WORD -> {
        if (words == 0) {
          return data;
        }
        int pos = base + 32 * (at % words);
        byte[] d = new byte[n - 32];
        System.arraycopy(data, 0, d, 0, pos);
        System.arraycopy(data, pos + 32, d, pos, n - pos - 32);
        return d;
      }
      case DUPLICATE_TAIL -> {
        if (n == 0) {
          return data;
        }
        int from = at % n;
        byte[] d = Arrays.copyOf(data, n + (n - from));
        System.arraycopy(data, from, d, n, n - from);
        return d;
      }
      default -> throw new IllegalStateException(kind.toString());
    }
  }

  public static byte[] word32(BigInteger v) {
    byte[] raw = v.mod(TWO_256).toByteArray();
    byte[] w = new byte[32];
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, w, 32 - len, len);
    return w;
  }
}
