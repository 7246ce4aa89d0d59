package io.bridgescope.core.abi;

import io.bridgescope.crypto.Keccak;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Solidity ABI encoding (head/tail) and selectors. */
public final class Abi {

  private Abi() {}

  /** {@code abi.encode(values...)}: the values as the components of one tuple. */
  public static byte[] encode(AbiValue... values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeTuple(List.of(values), out);
    return out.toByteArray();
  }

  /** Calldata: the 4-byte selector of {@code signature} followed by the encoded arguments. */
  public static byte[] call(String signature, AbiValue... args) {
    byte[] body = encode(args);
    byte[] out = new byte[4 + body.length];
    System.arraycopy(selector(signature), 0, out, 0, 4);
    System.arraycopy(body, 0, out, 4, body.length);
    return out;
  }

  public static byte[] selector(String signature) {
    return Arrays.copyOf(Keccak.keccak256(signature.getBytes(StandardCharsets.US_ASCII)), 4);
  }

  public static byte[] topic(String eventSignature) {
    return Keccak.keccak256(eventSignature.getBytes(StandardCharsets.US_ASCII));
  }

  public static byte[] word(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] w = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, w, 32 - n, n);
    return w;
  }

  private static void writeTuple(List<AbiValue> items, ByteArrayOutputStream out) {
    int headSize = 0;
    for (AbiValue v : items) {
      headSize += headSize(v);
    }
    List<byte[]> tails = new ArrayList<>();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int tailOffset = headSize;
    for (AbiValue v : items) {
      if (v.dynamic()) {
        head.writeBytes(word(BigInteger.valueOf(tailOffset)));
        byte[] t = encodeSingle(v);
        tails.add(t);
        tailOffset += t.length;
      } else {
        head.writeBytes(encodeSingle(v));
      }
    }
    out.writeBytes(head.toByteArray());
    tails.forEach(out::writeBytes);
  }

  private static int headSize(AbiValue v) {
    if (v.dynamic()) {
      return 32;
    }
    if (v instanceof AbiValue.Tuple t) {
      return t.items().stream().mapToInt(Abi::headSize).sum();
    }
    return 32;
  }

  private static byte[] encodeSingle(AbiValue v) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (v instanceof AbiValue.Uint u) {
      out.writeBytes(word(u.value()));
    } else if (v instanceof AbiValue.Addr a) {
      out.writeBytes(new byte[12]);
      out.writeBytes(a.value().bytes());
    } else if (v instanceof AbiValue.Bytes32 b) {
      out.writeBytes(b.value());
    } else if (v instanceof AbiValue.Bytes b) {
      out.writeBytes(word(BigInteger.valueOf(b.value().length)));
      out.writeBytes(b.value());
      out.writeBytes(new byte[(32 - b.value().length % 32) % 32]);
    } else if (v instanceof AbiValue.Tuple t) {
      writeTuple(t.items(), out);
    } else if (v instanceof AbiValue.Array a) {
      out.writeBytes(word(BigInteger.valueOf(a.items().size())));
      writeTuple(a.items(), out);
    }
    return out.toByteArray();
  }
}
