package io.bridgescope.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiDecodingException;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.Checkpoint;
import io.bridgescope.core.bridge.CheckpointMetadata;
import io.bridgescope.core.bridge.StateSyncCommitment;
import io.bridgescope.core.bridge.Validator;
import io.bridgescope.core.fuzz.ByteMutation;
import io.bridgescope.core.fuzz.HexEdit;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.CommitSignature;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.crypto.fuzz.Decoders;
import io.bridgescope.crypto.fuzz.Decoders.Outcome;
import io.bridgescope.crypto.fuzz.FuzzTries;
import java.math.BigInteger;
import java.util.ArrayList;
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
import org.web3j.protocol.core.methods.response.Transaction;

/**
 * The calldata the indexer decodes: {@code StateReceiver.commit} (signature, signer keys, bitmap),
 * {@code CheckpointManager.submit} (checkpoint, metadata, signature, the new validator set, bitmap)
 * and the {@code ValidatorSet.getValidators()} answer. Valid calls are built with {@link BridgeAbi}
 * and must decode to their inputs; edited ones decode or fail with {@link AbiDecodingException}
 * (commit: answer empty), without a length field sizing an allocation.
 */
@AddLifecycleHook(FuzzTries.class)
class CalldataFuzzTest {

  static final SubmitDecoder.Where WHERE =
      new SubmitDecoder.Where(Hash32.ZERO, Address.ofLow(1), true, 5, 6, 0);

  // --- submit ---

  record SubmitCase(
      CheckpointMetadata meta,
      Checkpoint cp,
      BigInteger sigX,
      BigInteger sigY,
      List<Validator> set,
      byte[] bitmap) {

    byte[] calldata() {
      return BridgeAbi.submit(meta, cp, new BigInteger[] {sigX, sigY}, set, bitmap);
    }

    boolean representable() {
      return cp.epoch().bitLength() < 64 && cp.blockNumber().bitLength() < 64;
    }
  }

  static Arbitrary<BigInteger> uints() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(
            4, Arbitraries.longs().between(0, 1_000_000).map(BigInteger::valueOf)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(ByteMutation.INTERESTING_WORDS)),
        net.jqwik.api.Tuple.of(
            1, Arbitraries.bigIntegers().between(BigInteger.ZERO, AbiValue.MAX_UINT256)));
  }

  static Arbitrary<Hash32> hashes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash32::new);
  }

  static Arbitrary<Address> addresses() {
    return Arbitraries.bytes().array(byte[].class).ofSize(20).map(Address::new);
  }

  static Arbitrary<Validator> validators() {
    return Combinators.combine(addresses(), uints().list().ofSize(4), uints()).as(Validator::new);
  }

  @Provide
  Arbitrary<SubmitCase> submits() {
    Arbitrary<CheckpointMetadata> meta =
        Combinators.combine(hashes(), uints(), hashes()).as(CheckpointMetadata::new);
    Arbitrary<Checkpoint> cp = Combinators.combine(uints(), uints(), hashes()).as(Checkpoint::new);
    return Combinators.combine(
            meta,
            cp,
            uints(),
            uints(),
            validators().list().ofMaxSize(6),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(40))
        .as(SubmitCase::new);
  }

  @Provide
  Arbitrary<List<ByteMutation>> mutations() {
    return ByteMutation.lists();
  }

  @Property(tries = 100)
  void submitCalldataDecodesToTheCheckpointOrFailsTyped(
      @ForAll("submits") SubmitCase c, @ForAll("mutations") List<ByteMutation> edits) {
    byte[] calldata = ByteMutation.applyAll(c.calldata(), 4, edits);
    Outcome<CheckpointRow> o =
        Decoders.decode(() -> SubmitDecoder.decode(calldata, WHERE), AbiDecodingException.class);
    if (!edits.isEmpty()) {
      return;
    }
    if (!c.representable()) {
      assertThat(o.ok()).as("an epoch or block past 2^63 must be refused, not wrapped").isFalse();
      return;
    }
    assertThat(o.ok()).as("valid submit refused: %s", o.error()).isTrue();
    CheckpointRow r = o.value();
    assertThat(r.epoch()).isEqualTo(c.cp().epoch().longValueExact());
    assertThat(r.checkpointBlock()).isEqualTo(c.cp().blockNumber().longValueExact());
    assertThat(r.eventRoot()).isEqualTo(c.cp().eventRoot());
    assertThat(r.blockHash()).isEqualTo(c.meta().blockHash());
    assertThat(r.blockRound()).isEqualTo(c.meta().blockRound());
    assertThat(r.currentValidatorSetHash()).isEqualTo(c.meta().currentValidatorSetHash());
    assertThat(r.signature().value()).isEqualTo(concat(Abi.word(c.sigX()), Abi.word(c.sigY())));
    assertThat(r.bitmap()).isEqualTo(Bytes.of(c.bitmap()));
    assertThat(r.newValidatorSet()).isEqualTo(entries(c.set()));
  }

  @Property(tries = 50)
  void randomSubmitCalldataFailsTyped(@ForAll @Size(max = 1200) byte[] body) {
    byte[] calldata = concat(Abi.selector(BridgeAbi.SUBMIT), body);
    Decoders.decode(() -> SubmitDecoder.decode(calldata, WHERE), AbiDecodingException.class);
  }

  /** A reverted submit with calldata the contract could not decode either is skipped, not fatal. */
  @Property(tries = 50)
  void revertedSubmitsAreSkippedWhenUndecodable(
      @ForAll("submits") SubmitCase c,
      @ForAll("mutations") List<ByteMutation> edits,
      @ForAll boolean success) {
    byte[] calldata = ByteMutation.applyAll(c.calldata(), 4, edits);
    SubmitDecoder.Where w =
        new SubmitDecoder.Where(Hash32.ZERO, Address.ofLow(1), success, 5, 6, 0);
    Outcome<Optional<CheckpointRow>> o =
        Decoders.decode(
            () -> SubmitDecoder.decodeSubmission(calldata, w), AbiDecodingException.class);
    if (!success) {
      assertThat(o.ok()).as("a reverted submit never stops the indexer").isTrue();
    }
    if (edits.isEmpty() && c.representable()) {
      assertThat(o.value()).isPresent();
    }
  }

  /** {@code ValidatorSet.getValidators()} returns {@code Validator[]}, read the same way. */
  @Property(tries = 80)
  void validatorSetAnswerDecodesOrFailsTyped(
      @ForAll("validatorSets") List<Validator> set, @ForAll("mutations") List<ByteMutation> edits) {
    byte[] ret = ByteMutation.applyAll(Abi.encode(Validator.toAbi(set)), 0, edits);
    Outcome<List<ValidatorEntry>> o =
        Decoders.decode(
            () -> SubmitDecoder.validators(new AbiReader(ret).tail("validators", 0)),
            AbiDecodingException.class);
    if (edits.isEmpty()) {
      assertThat(o.value()).isEqualTo(entries(set));
    }
  }

  @Provide
  Arbitrary<List<Validator>> validatorSets() {
    return validators().list().ofMaxSize(8);
  }

  static List<ValidatorEntry> entries(List<Validator> set) {
    List<ValidatorEntry> out = new ArrayList<>();
    for (int i = 0; i < set.size(); i++) {
      Validator v = set.get(i);
      byte[] key = new byte[0];
      for (BigInteger w : v.blsKey()) {
        key = concat(key, Abi.word(w));
      }
      out.add(new ValidatorEntry(i, v.address(), Bytes.of(key), v.votingPower()));
    }
    return out;
  }

  // --- commit ---

  record CommitCase(
      StateSyncCommitment commitment, byte[] signature, List<byte[]> keys, byte[] bitmap) {

    byte[] calldata() {
      return BridgeAbi.commit(commitment, signature, BridgeAbi.commitSignersBlob(keys, bitmap));
    }
  }

  @Provide
  Arbitrary<CommitCase> commits() {
    Arbitrary<StateSyncCommitment> c =
        Combinators.combine(uints(), uints(), hashes()).as(StateSyncCommitment::new);
    Arbitrary<List<byte[]>> keys =
        Arbitraries.integers()
            .between(0, 160)
            .flatMap(
                len -> Arbitraries.bytes().array(byte[].class).ofSize(len).list().ofMaxSize(6));
    return Combinators.combine(
            c,
            Arbitraries.bytes().array(byte[].class).ofMaxSize(96),
            keys,
            Arbitraries.bytes().array(byte[].class).ofMaxSize(40))
        .as(CommitCase::new);
  }

  @Provide
  Arbitrary<List<HexEdit>> hexEdits() {
    return HexEdit.lists();
  }

  @Property(tries = 100)
  void commitCalldataGivesTheSignatureOrNothing(
      @ForAll("commits") CommitCase c,
      @ForAll("mutations") List<ByteMutation> edits,
      @ForAll("hexEdits") List<HexEdit> hexEdits) {
    byte[] calldata = ByteMutation.applyAll(c.calldata(), 4, edits);
    Transaction tx = new Transaction();
    tx.setInput(HexEdit.applyAll(Hex.encode(calldata), hexEdits));
    Optional<CommitSignature> s = Decoders.total(() -> ChildSource.signature(tx, c.commitment()));
    assertThat(s).isNotNull();
    if (edits.isEmpty() && HexEdit.allHarmless(hexEdits)) {
      assertThat(s)
          .contains(
              new CommitSignature(
                  Bytes.of(c.signature()),
                  c.keys().stream().map(Bytes::of).toList(),
                  Bytes.of(c.bitmap())));
    }
  }

  @Property(tries = 50)
  void randomCommitCalldataGivesNothingOrASignature(
      @ForAll("commits") CommitCase c, @ForAll @Size(max = 800) byte[] body) {
    Transaction tx = new Transaction();
    tx.setInput(Hex.encode(concat(Abi.selector(BridgeAbi.COMMIT), body)));
    assertThat(Decoders.total(() -> ChildSource.signature(tx, c.commitment()))).isNotNull();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
