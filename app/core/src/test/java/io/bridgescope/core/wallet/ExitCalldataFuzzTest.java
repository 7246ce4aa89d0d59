package io.bridgescope.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.fuzz.ByteMutation;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.crypto.fuzz.Decoders;
import io.bridgescope.crypto.fuzz.FuzzTries;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * {@code ExitHelper.exit} / {@code batchExit} calldata and raw transactions, read by the journal to
 * tell which exits a pending transaction processes: the ids come back, or nothing, never an
 * exception.
 */
@AddLifecycleHook(FuzzTries.class)
class ExitCalldataFuzzTest {

  @Provide
  Arbitrary<BridgeAbi.ExitInput> exits() {
    Arbitrary<BigInteger> ids =
        Arbitraries.bigIntegers()
            .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
    Arbitrary<byte[]> leaves =
        Combinators.combine(ids, Arbitraries.bytes().array(byte[].class).ofMaxSize(100))
            .as((id, data) -> BridgeLeaves.exitEncoding(id, new byte[20], new byte[20], data));
    Arbitrary<List<Hash32>> proofs =
        Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash32::new).list().ofMaxSize(5);
    return Combinators.combine(
            Arbitraries.longs().between(0, Long.MAX_VALUE).map(BigInteger::valueOf),
            Arbitraries.longs().between(0, 1000).map(BigInteger::valueOf),
            leaves,
            proofs)
        .as(BridgeAbi.ExitInput::new);
  }

  @Provide
  Arbitrary<List<ByteMutation>> mutations() {
    return ByteMutation.lists();
  }

  static BigInteger id(BridgeAbi.ExitInput in) {
    byte[] w = java.util.Arrays.copyOf(in.unhashedLeaf(), 32);
    return new BigInteger(1, w);
  }

  @Property(tries = 80)
  void exitCallsGiveTheirIdsOrNothing(
      @ForAll("exits") BridgeAbi.ExitInput in, @ForAll("mutations") List<ByteMutation> edits) {
    byte[] data = ByteMutation.applyAll(BridgeAbi.exit(in), 4, edits);
    List<BigInteger> ids = Decoders.total(() -> ExitCalls.ids(data));
    if (edits.isEmpty()) {
      assertThat(ids).containsExactly(id(in));
    }
  }

  @Property(tries = 80)
  void batchExitCallsGiveTheirIdsOrNothing(
      @ForAll("batches") List<BridgeAbi.ExitInput> batch,
      @ForAll("mutations") List<ByteMutation> edits) {
    byte[] data = ByteMutation.applyAll(BridgeAbi.batchExit(batch), 4, edits);
    List<BigInteger> ids = Decoders.total(() -> ExitCalls.ids(data));
    if (edits.isEmpty()) {
      assertThat(ids).isEqualTo(batch.stream().map(ExitCalldataFuzzTest::id).toList());
    }
  }

  @Provide
  Arbitrary<List<BridgeAbi.ExitInput>> batches() {
    return exits().list().ofMaxSize(4);
  }

  /** A raw signed transaction whose bytes (RLP, signature, data) were edited. */
  @Property(tries = 20)
  void rawTransactionsGiveIdsOrNothing(
      @ForAll("exits") BridgeAbi.ExitInput in,
      @ForAll boolean eip1559,
      @ForAll("mutations") List<ByteMutation> edits) {
    byte[] raw =
        ByteMutation.applyAll(TxFileFuzzTest.signedRaw(BridgeAbi.exit(in), eip1559), 0, edits);
    List<BigInteger> ids = Decoders.total(() -> ExitCalls.idsInRawTx(Bytes.of(raw)));
    if (edits.isEmpty()) {
      assertThat(ids).containsExactly(id(in));
    }
  }

  @Property(tries = 50)
  void randomBytesGiveNothingOrIds(@ForAll @Size(max = 600) byte[] data) {
    Decoders.total(() -> ExitCalls.ids(data));
    Decoders.total(() -> ExitCalls.idsInRawTx(Bytes.of(data)));
  }
}
