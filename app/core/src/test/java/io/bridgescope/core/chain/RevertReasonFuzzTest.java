package io.bridgescope.core.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.fuzz.ByteMutation;
import io.bridgescope.crypto.fuzz.Decoders;
import io.bridgescope.crypto.fuzz.FuzzTries;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Revert data from a node ({@code Error(string)}, {@code Panic(uint256)}, custom errors): read into
 * words whatever it holds, never an exception, because it is read while reporting another error.
 */
@AddLifecycleHook(FuzzTries.class)
class RevertReasonFuzzTest {

  @Provide
  Arbitrary<String> reasons() {
    return Arbitraries.oneOf(
        Arbitraries.of("INVALID_EPOCH", "NO_COMMITMENT_FOR_ID", "", "ünïcødé ✓"),
        Arbitraries.strings().ofMaxLength(100));
  }

  @Provide
  Arbitrary<List<ByteMutation>> mutations() {
    return ByteMutation.lists();
  }

  @Property(tries = 100)
  void errorStringsReadBackOrAsSomethingReadable(
      @ForAll("reasons") String reason, @ForAll("mutations") List<ByteMutation> edits) {
    byte[] data =
        ByteMutation.applyAll(
            Abi.call("Error(string)", AbiValue.bytes(reason.getBytes(StandardCharsets.UTF_8))),
            4,
            edits);
    String r = Decoders.total(() -> RevertReason.decode(data));
    assertThat(r == null).isEqualTo(data.length < 4); // "no revert data" only when there is none
    if (edits.isEmpty()) {
      assertThat(r).isEqualTo(reason);
    }
  }

  @Property(tries = 50)
  void panicsReadBack(@ForAll("mutations") List<ByteMutation> edits, @ForAll long code) {
    BigInteger c = BigInteger.valueOf(code).abs();
    byte[] data = ByteMutation.applyAll(Abi.call("Panic(uint256)", AbiValue.uint(c)), 4, edits);
    String r = Decoders.total(() -> RevertReason.decode(data));
    if (edits.isEmpty()) {
      assertThat(r).isEqualTo("panic 0x" + c.toString(16));
    }
  }

  @Property(tries = 50)
  void randomRevertDataReadsAsSomething(@ForAll @Size(max = 300) byte[] data) {
    Decoders.total(() -> RevertReason.decode(data));
  }
}
