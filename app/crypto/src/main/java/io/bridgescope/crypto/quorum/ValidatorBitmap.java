package io.bridgescope.crypto.quorum;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The signer bitmap of commitments and checkpoints (docs/protocol.md, "BLS (Edge flavour)"):
 * validator i signed iff {@code bitmap[i/8] >> (i%8) & 1}, least significant bit first; bytes past
 * the end mean "not signed".
 */
public final class ValidatorBitmap {

  private ValidatorBitmap() {}

  public static boolean isSigned(byte[] bitmap, int validatorIndex) {
    if (validatorIndex < 0) {
      throw new IllegalArgumentException("validatorIndex must not be negative: " + validatorIndex);
    }
    int byteIndex = validatorIndex >>> 3;
    return byteIndex < bitmap.length && ((bitmap[byteIndex] >> (validatorIndex & 7)) & 1) == 1;
  }

  /** Indices below {@code validatorCount} whose bit is set, ascending; higher bits are ignored. */
  public static List<Integer> signers(byte[] bitmap, int validatorCount) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < validatorCount; i++) {
      if (isSigned(bitmap, i)) {
        out.add(i);
      }
    }
    return List.copyOf(out);
  }

  /** The shortest bitmap with exactly these bits set; empty for no indices. */
  public static byte[] encode(Collection<Integer> signerIndices) {
    int highest = -1;
    for (Integer index : signerIndices) {
      if (index == null || index < 0) {
        throw new IllegalArgumentException("signer index must not be negative: " + index);
      }
      highest = Math.max(highest, index);
    }
    byte[] bitmap = new byte[highest < 0 ? 0 : highest / 8 + 1];
    for (int index : signerIndices) {
      bitmap[index >>> 3] |= (byte) (1 << (index & 7));
    }
    return bitmap;
  }
}
