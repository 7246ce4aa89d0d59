package io.bridgescope.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiDecodingException;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.fuzz.ByteMutation;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.crypto.fuzz.Decoders;
import io.bridgescope.crypto.fuzz.Decoders.Outcome;
import io.bridgescope.crypto.fuzz.FuzzTries;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The calldata a signer decodes to show what it signs ({@link CallDecoder}): every bridge call it
 * knows (exit, batchExit, execute, withdraw, withdrawTo, deposit, depositTo, approve), built with
 * {@link BridgeAbi}, decodes to its arguments; edited calldata decodes to a call whose canonical
 * encoding is exactly those bytes, reads as unknown (another selector), or fails with {@link
 * AbiDecodingException}.
 */
@AddLifecycleHook(FuzzTries.class)
class CallDecoderFuzzTest {

  static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  static Arbitrary<BigInteger> uints() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 1_000_000).map(BigInteger::valueOf),
        Arbitraries.of(ByteMutation.INTERESTING_WORDS),
        Arbitraries.bigIntegers().between(BigInteger.ZERO, MAX));
  }

  static Arbitrary<Address> addresses() {
    return Arbitraries.bytes().array(byte[].class).ofSize(20).map(Address::new);
  }

  static Arbitrary<List<Hash32>> proofs() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash32::new).list().ofMaxSize(4);
  }

  static Arbitrary<BridgeAbi.ExitInput> exitInputs() {
    Arbitrary<byte[]> leaves =
        Combinators.combine(
                uints(),
                addresses(),
                addresses(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(160))
            .as((id, s, r, d) -> BridgeLeaves.exitEncoding(id, s.bytes(), r.bytes(), d));
    return Combinators.combine(uints(), uints(), leaves, proofs()).as(BridgeAbi.ExitInput::new);
  }

  /** A call as the project encodes it, and what the decoder must say about it. */
  record Case(BridgeFunction function, byte[] data) {}

  @Provide
  Arbitrary<Case> calls() {
    Arbitrary<Case> exit =
        exitInputs().map(in -> new Case(BridgeFunction.EXIT, BridgeAbi.exit(in)));
    Arbitrary<Case> batch =
        exitInputs()
            .list()
            .ofMaxSize(3)
            .map(in -> new Case(BridgeFunction.BATCH_EXIT, BridgeAbi.batchExit(in)));
    Arbitrary<Case> execute =
        Combinators.combine(
                proofs(),
                uints(),
                addresses(),
                addresses(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200))
            .as(
                (p, id, s, r, d) ->
                    new Case(
                        BridgeFunction.EXECUTE, BridgeAbi.execute(p, new StateSync(id, s, r, d))));
    Arbitrary<Case> moves =
        Combinators.combine(Arbitraries.integers().between(0, 4), addresses(), addresses(), uints())
            .as(
                (kind, token, to, amount) ->
                    switch (kind) {
                      case 0 ->
                          new Case(
                              BridgeFunction.WITHDRAW_TO, BridgeAbi.withdrawTo(token, to, amount));
                      case 1 ->
                          new Case(
                              BridgeFunction.DEPOSIT_TO, BridgeAbi.depositTo(token, to, amount));
                      case 2 -> new Case(BridgeFunction.APPROVE, BridgeAbi.approve(token, amount));
                      case 3 ->
                          new Case(
                              BridgeFunction.WITHDRAW,
                              Abi.call(
                                  "withdraw(address,uint256)",
                                  AbiValue.address(token),
                                  AbiValue.uint(amount)));
                      default ->
                          new Case(
                              BridgeFunction.DEPOSIT,
                              Abi.call(
                                  "deposit(address,uint256)",
                                  AbiValue.address(token),
                                  AbiValue.uint(amount)));
                    });
    return Arbitraries.oneOf(exit, batch, execute, moves);
  }

  @Provide
  Arbitrary<List<ByteMutation>> mutations() {
    return ByteMutation.lists();
  }

  @Property(tries = 120)
  void bridgeCallsDecodeToTheirArgumentsOrFailTyped(
      @ForAll("calls") Case c, @ForAll("mutations") List<ByteMutation> edits) {
    byte[] data = ByteMutation.applyAll(c.data(), 4, edits);
    Outcome<Optional<CallDecoder.Call>> o =
        Decoders.decode(() -> CallDecoder.decode(data), AbiDecodingException.class);
    if (edits.isEmpty()) {
      assertThat(o.ok()).as("valid %s refused: %s", c.function(), o.error()).isTrue();
      assertThat(o.value()).isPresent();
      assertThat(o.value().get().function()).isEqualTo(c.function());
    }
    if (o.ok() && o.value().isPresent()) {
      // Whatever is shown is exactly what is signed: the call's canonical bytes are the data.
      CallDecoder.Call call = o.value().get();
      assertThat(call.function().signatureSelector()).isEqualTo(Arrays.copyOf(data, 4));
      assertThat(CallDecoder.decode(c.data()).orElseThrow().function()).isEqualTo(c.function());
      if (edits.isEmpty() && c.function() != BridgeFunction.BATCH_EXIT) {
        assertThat(call.args()).isNotEmpty(); // (an empty batch has no arguments to show)
      }
    }
  }

  @Property(tries = 50)
  void randomBodiesBehindKnownSelectorsFailTyped(
      @ForAll("calls") Case c, @ForAll @Size(max = 600) byte[] body) {
    byte[] data = new byte[4 + body.length];
    System.arraycopy(c.data(), 0, data, 0, 4);
    System.arraycopy(body, 0, data, 4, body.length);
    Decoders.decode(() -> CallDecoder.decode(data), AbiDecodingException.class);
  }
}
