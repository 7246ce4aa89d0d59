package io.bridgescope.core.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.model.Uint256Text;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.crypto.InvalidEncodingException;
import io.bridgescope.crypto.bn254.G2Point;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code params.engine.polybft.initialValidatorSet} of an Edge genesis. Each entry has {@code
 * address}, {@code blsKey} (hex of the 128-byte G2 public key in EVM order {@code x.imag ‖ x.real ‖
 * y.imag ‖ y.real}, no 0x) and its voting power: {@code stake} from Edge v0.8.1 on, {@code balance}
 * in v0.8.0 (a decimal or 0x-hex string, as Edge's {@code ParseUint256orHex} reads it).
 *
 * <p>The key is checked to be a point of G2 and stored in the on-chain {@code uint256[4]} order
 * {@code [x.real, x.imag, y.real, y.imag]} that checkpoints carry, so the set can stand in for the
 * one CheckpointManager was initialised with. Entries keep their file order (the bitmap order).
 */
final class GenesisValidators {

  static final String PATH = "params.engine.polybft.initialValidatorSet";

  private GenesisValidators() {}

  static List<ValidatorEntry> read(JsonNode set, List<ConfigProblem> problems) {
    if (set == null || set.isNull()) {
      return List.of();
    }
    if (!set.isArray()) {
      problems.add(new ConfigProblem(PATH, "expected a list of validators, got " + kind(set)));
      return List.of();
    }
    List<ValidatorEntry> out = new ArrayList<>();
    Set<Address> seen = new HashSet<>();
    for (int i = 0; i < set.size(); i++) {
      String at = PATH + "[" + i + "]";
      JsonNode v = set.get(i);
      if (!v.isObject()) {
        problems.add(new ConfigProblem(at, "expected an object, got " + kind(v)));
        continue;
      }
      Address address = address(v.get("address"), at + ".address", problems);
      Bytes key = blsKey(v.get("blsKey"), at + ".blsKey", problems);
      BigInteger power = power(v, at, problems);
      if (address != null && !seen.add(address)) {
        problems.add(new ConfigProblem(at + ".address", address + " is listed twice"));
        continue;
      }
      if (address != null && key != null && power != null) {
        out.add(new ValidatorEntry(out.size(), address, key, power));
      }
    }
    return out;
  }

  private static @Nullable Address address(
      @Nullable JsonNode v, String field, List<ConfigProblem> problems) {
    if (v == null || !v.isTextual()) {
      problems.add(new ConfigProblem(field, "missing — each validator needs its address"));
      return null;
    }
    try {
      return Address.of(v.textValue());
    } catch (IllegalArgumentException e) {
      problems.add(
          new ConfigProblem(field, ConfigProblem.quoted(v.textValue()) + " is not an address"));
      return null;
    }
  }

  private static @Nullable Bytes blsKey(
      @Nullable JsonNode v, String field, List<ConfigProblem> problems) {
    if (v == null || !v.isTextual()) {
      problems.add(new ConfigProblem(field, "missing — each validator needs its BLS public key"));
      return null;
    }
    byte[] evm;
    try {
      evm = Hex.decode(field, v.textValue());
    } catch (IllegalArgumentException e) {
      problems.add(new ConfigProblem(field, "not hex"));
      return null;
    }
    if (evm.length != G2Point.ENCODED_LENGTH) {
      problems.add(
          new ConfigProblem(
              field,
              "has "
                  + evm.length
                  + " bytes; an Edge BLS public key has "
                  + G2Point.ENCODED_LENGTH));
      return null;
    }
    try {
      BigInteger[] words = G2Point.fromEvmBytes(evm, field).toUint256Array();
      byte[] onChain = new byte[G2Point.ENCODED_LENGTH];
      for (int w = 0; w < 4; w++) {
        byte[] b = words[w].toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, onChain, w * 32 + 32 - n, n);
      }
      return Bytes.of(onChain);
    } catch (InvalidEncodingException e) {
      problems.add(new ConfigProblem(field, "not a valid BN254 G2 public key: " + e.getMessage()));
      return null;
    }
  }

  private static @Nullable BigInteger power(JsonNode v, String at, List<ConfigProblem> problems) {
    String name = v.has("stake") && !v.get("stake").isNull() ? "stake" : "balance";
    JsonNode p = v.get(name);
    String field = at + "." + name;
    if (p == null || p.isNull()) {
      problems.add(
          new ConfigProblem(at + ".stake", "missing — each validator needs its stake (power)"));
      return null;
    }
    BigInteger value = uint(p);
    if (value == null || value.bitLength() > 256) {
      problems.add(
          new ConfigProblem(
              field, "expected a uint256 (decimal or 0x hex), got " + ConfigProblem.shown(p)));
      return null;
    }
    if (value.signum() == 0) {
      problems.add(
          new ConfigProblem(
              field, "is 0 — CheckpointManager refuses a validator without voting power"));
      return null;
    }
    return value;
  }

  private static @Nullable BigInteger uint(JsonNode p) {
    if (p.isIntegralNumber()) {
      BigInteger b = p.bigIntegerValue();
      return b.signum() < 0 ? null : b;
    }
    if (!p.isTextual()) {
      return null;
    }
    String s = p.textValue().strip();
    try {
      boolean hex = s.startsWith("0x") || s.startsWith("0X");
      String digits = hex ? s.substring(2) : s;
      if (digits.isEmpty() || !Character.isLetterOrDigit(digits.charAt(0))) {
        return null; // no sign: a stake is never negative, and "+1" is not what Edge writes
      }
      return Uint256Text.parse(digits, hex ? 16 : 10);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String kind(JsonNode v) {
    return v.isTextual() ? "a string" : v.isNumber() ? "a number" : v.getNodeType().toString();
  }
}
