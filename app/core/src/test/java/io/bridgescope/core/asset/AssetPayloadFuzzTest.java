package io.bridgescope.core.asset;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.fuzz.ByteMutation;
import io.bridgescope.core.model.Address;
import io.bridgescope.crypto.fuzz.Decoders;
import io.bridgescope.crypto.fuzz.FuzzTries;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Predicate payloads edited byte by byte, and arbitrary bytes, at every predicate in both
 * directions: decoding is total (an unknown payload, never an exception or a hang), and whatever
 * decodes as a transfer or mapping re-encodes to exactly the bytes it came from.
 */
@AddLifecycleHook(FuzzTries.class)
class AssetPayloadFuzzTest {

  static final AbiValue T = AbiValue.address(Address.ofLow(0x70c));
  static final AbiValue A = AbiValue.address(Address.ofLow(0xa));

  static List<byte[]> seeds() {
    AbiValue ids = AbiValue.array(List.of(AbiValue.uint(1), AbiValue.uint(2)));
    AbiValue to = AbiValue.array(List.of(A, A));
    return List.of(
        Abi.encode(AbiValue.bytes32(AssetAction.DEPOSIT.tag()), T, A, A, AbiValue.uint(5)),
        Abi.encode(AbiValue.bytes32(AssetAction.WITHDRAW.tag()), T, A, A, AbiValue.uint(5), ids),
        Abi.encode(AbiValue.bytes32(AssetAction.DEPOSIT_BATCH.tag()), T, A, to, ids),
        Abi.encode(AbiValue.bytes32(AssetAction.WITHDRAW_BATCH.tag()), T, A, to, ids, ids),
        Abi.encode(
            AbiValue.bytes32(AssetAction.MAP_TOKEN.tag()),
            T,
            AbiValue.bytes(new byte[] {65}),
            AbiValue.bytes(new byte[] {66}),
            AbiValue.uint(6)));
  }

  @Provide
  Arbitrary<byte[]> payloads() {
    Arbitrary<byte[]> edited =
        Arbitraries.of(seeds())
            .flatMap(s -> ByteMutation.lists().map(e -> ByteMutation.applyAll(s, 0, e)));
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    return Arbitraries.oneOf(edited, random);
  }

  @Provide
  Arbitrary<Optional<AssetPredicate>> predicates() {
    return Arbitraries.of(AssetPredicate.values())
        .map(Optional::of)
        .injectNull(0.05)
        .map(o -> o == null ? Optional.<AssetPredicate>empty() : o);
  }

  @Property(tries = 400)
  void decodingIsTotalAndExact(
      @ForAll("payloads") byte[] data,
      @ForAll("predicates") Optional<AssetPredicate> p,
      @ForAll boolean towardsChild) {
    AssetPayload d = Decoders.total(() -> AssetPayloads.decode(p, data, towardsChild));
    if (d instanceof AssetPayload.Transfer t) {
      assertThat(Arrays.equals(AssetEncoding.encode(t), data)).isTrue();
    } else if (d instanceof AssetPayload.Mapping m) {
      assertThat(Arrays.equals(AssetEncoding.encode(m), data)).isTrue();
    } else {
      assertThat(((AssetPayload.Unknown) d).reason()).isNotBlank();
    }
  }
}
