package io.bridgescope.core.abi;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.fuzz.ByteMutation;
import io.bridgescope.core.model.Address;
import io.bridgescope.crypto.fuzz.Decoders;
import io.bridgescope.crypto.fuzz.FuzzTries;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Every {@link AbiReader} primitive, chained as the bridge decoders chain them, over valid and
 * mutated encodings: each read answers or throws {@link AbiDecodingException}.
 */
@AddLifecycleHook(FuzzTries.class)
class AbiReaderFuzzTest {

  /** One reader step; {@code slot} is mostly small, sometimes hostile. */
  record Step(Op op, int slot) {}

  enum Op {
    WORD,
    UINT,
    BOOL,
    ADDRESS,
    BYTES32,
    BYTES,
    BYTES_HERE,
    TAIL,
    IN_PLACE,
    ARRAY_LENGTH,
    ARRAY_BODY
  }

  @Provide
  Arbitrary<List<Step>> programs() {
    Arbitrary<Integer> slots =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, 12)),
            net.jqwik.api.Tuple.of(
                1,
                Arbitraries.of(
                    -1,
                    Integer.MIN_VALUE,
                    Integer.MAX_VALUE,
                    Integer.MAX_VALUE / 32,
                    Integer.MAX_VALUE / 32 + 1,
                    1 << 26,
                    100_000_000)));
    return Combinators.combine(Arbitraries.of(Op.class), slots).as(Step::new).list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<byte[]> encodings() {
    Arbitrary<byte[]> valid =
        Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, AbiValue.MAX_UINT256),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40).list().ofMaxSize(5))
            .as(
                (n, b, list) ->
                    Abi.encode(
                        AbiValue.uint(n),
                        AbiValue.bytes(b),
                        AbiValue.address(Address.ofLow(n.longValue())),
                        AbiValue.array(list.stream().map(AbiValue::bytes).toList())));
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(
            4,
            Combinators.combine(valid, ByteMutation.lists())
                .as((v, m) -> ByteMutation.applyAll(v, 0, m))),
        net.jqwik.api.Tuple.of(1, random));
  }

  @Property(tries = 100)
  void everyReadAnswersOrNamesTheField(
      @ForAll("encodings") byte[] data, @ForAll("programs") List<Step> program) {
    Decoders.decode(() -> run(data, program), AbiDecodingException.class);
  }

  @Property(tries = 80)
  void calldataShorterThanASelectorIsNamed(@ForAll("encodings") byte[] data) {
    var o = Decoders.decode(() -> AbiReader.ofCalldata(data), AbiDecodingException.class);
    assertThat(o.ok()).isEqualTo(data.length >= 4);
  }

  private static Object run(byte[] data, List<Step> program) {
    AbiReader r = new AbiReader(data);
    Object last = null;
    for (Step s : program) {
      switch (s.op()) {
        case WORD -> last = r.word("f", s.slot());
        case UINT -> last = r.uint("f", s.slot());
        case BOOL -> last = r.bool("f", s.slot());
        case ADDRESS -> last = r.address("f", s.slot());
        case BYTES32 -> last = r.bytes32("f", s.slot());
        case BYTES -> last = r.bytes("f", s.slot());
        case BYTES_HERE -> last = r.bytesHere("f");
        case TAIL -> r = r.tail("f", s.slot());
        case IN_PLACE -> r = r.inPlace(s.slot());
        case ARRAY_LENGTH -> last = r.arrayLength("f");
        case ARRAY_BODY -> r = r.arrayBody();
        default -> throw new IllegalStateException();
      }
    }
    return last;
  }
}
