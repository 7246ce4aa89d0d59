package io.bridgescope.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiDecodingException;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.bridge.StateSyncCommitment;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.fuzz.ByteMutation;
import io.bridgescope.core.fuzz.HexEdit;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.store.rows.PayloadKind;
import io.bridgescope.crypto.fuzz.Decoders;
import io.bridgescope.crypto.fuzz.Decoders.Outcome;
import io.bridgescope.crypto.fuzz.FuzzTries;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
import org.web3j.protocol.core.methods.response.Log;

/**
 * The bridge's event payloads as a node hands them over: StateSynced, L2StateSynced, NewCommitment,
 * NewEpoch, StateSyncResult and ExitProcessed logs (topics and data), the ERC-20 payloads inside a
 * state sync, and the log fields the indexer reads. Valid logs decode to what was encoded; edited
 * ones decode or fail with {@link AbiDecodingException} (or {@link ChainException} for a malformed
 * block number).
 */
@AddLifecycleHook(FuzzTries.class)
class AbiPayloadFuzzTest {

  enum Event {
    STATE_SYNCED,
    L2_STATE_SYNCED,
    NEW_COMMITMENT,
    NEW_EPOCH,
    STATE_SYNC_RESULT,
    EXIT_PROCESSED
  }

  /** The values of one event; the log is built from them with the project's encoder. */
  record EventCase(
      Event event,
      BigInteger a,
      BigInteger b,
      BigInteger c,
      Address sender,
      Address receiver,
      byte[] data,
      Hash32 root) {

    List<String> topics() {
      List<String> t = new ArrayList<>();
      switch (event) {
        case STATE_SYNCED, L2_STATE_SYNCED -> {
          t.add(
              (event == Event.STATE_SYNCED
                      ? BridgeEvents.STATE_SYNCED
                      : BridgeEvents.L2_STATE_SYNCED)
                  .toString());
          t.add(word(a));
          t.add(word(sender));
          t.add(word(receiver));
        }
        case NEW_COMMITMENT -> {
          t.add(BridgeEvents.NEW_COMMITMENT.toString());
          t.add(word(a));
          t.add(word(b));
        }
        case NEW_EPOCH -> {
          t.add(BridgeEvents.NEW_EPOCH.toString());
          t.add(word(a));
          t.add(word(b));
          t.add(word(c));
        }
        case STATE_SYNC_RESULT, EXIT_PROCESSED -> {
          t.add(
              (event == Event.EXIT_PROCESSED
                      ? BridgeEvents.EXIT_PROCESSED
                      : BridgeEvents.STATE_SYNC_RESULT)
                  .toString());
          t.add(word(a));
          t.add(word(b.testBit(0) ? BigInteger.ONE : BigInteger.ZERO));
        }
        default -> throw new IllegalStateException();
      }
      return t;
    }

    byte[] dataBytes() {
      return switch (event) {
        case NEW_COMMITMENT, NEW_EPOCH -> root.bytes();
        default -> Abi.encode(AbiValue.bytes(data));
      };
    }

    Object decode(Log log) {
      return switch (event) {
        case STATE_SYNCED, L2_STATE_SYNCED -> BridgeEvents.stateSync(log);
        case NEW_COMMITMENT -> BridgeEvents.newCommitment(log);
        case NEW_EPOCH -> BridgeEvents.newEpoch(log);
        default -> BridgeEvents.result(log);
      };
    }

    /** Whether the values fit the decoder's types (epoch fields are Java longs). */
    boolean representable() {
      return event != Event.NEW_EPOCH
          || (a.bitLength() < 64 && b.bitLength() < 64 && c.bitLength() < 64);
    }

    void assertDecodedEquals(Object v) {
      switch (event) {
        case STATE_SYNCED, L2_STATE_SYNCED -> {
          StateSync s = (StateSync) v;
          assertThat(s.id()).isEqualTo(a);
          assertThat(s.sender()).isEqualTo(sender);
          assertThat(s.receiver()).isEqualTo(receiver);
          assertThat(s.data()).isEqualTo(data);
        }
        case NEW_COMMITMENT -> assertThat(v).isEqualTo(new StateSyncCommitment(a, b, root));
        case NEW_EPOCH ->
            assertThat(v)
                .isEqualTo(
                    new BridgeEvents.Epoch(a.longValue(), b.longValue(), c.longValue(), root));
        default -> {
          BridgeEvents.Result r = (BridgeEvents.Result) v;
          assertThat(r.id()).isEqualTo(a);
          assertThat(r.success()).isEqualTo(b.testBit(0));
          assertThat(r.returnData()).isEqualTo(data);
        }
      }
    }
  }

  static String word(BigInteger v) {
    return Hex.encode(Abi.word(v));
  }

  static String word(Address a) {
    return Hex.encode(Abi.encode(AbiValue.address(a)));
  }

  static Log log(List<String> topics, String data) {
    Log l = new Log();
    l.setTopics(topics);
    l.setData(data);
    l.setBlockNumber("0x10");
    return l;
  }

  static Arbitrary<BigInteger> uints() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(
            4, Arbitraries.longs().between(0, 1_000_000).map(BigInteger::valueOf)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(ByteMutation.INTERESTING_WORDS)),
        net.jqwik.api.Tuple.of(
            1, Arbitraries.bigIntegers().between(BigInteger.ZERO, AbiValue.MAX_UINT256)));
  }

  static Arbitrary<Address> addresses() {
    return Arbitraries.bytes().array(byte[].class).ofSize(20).map(Address::new);
  }

  @Provide
  Arbitrary<EventCase> events() {
    return Combinators.combine(
            Arbitraries.of(Event.class),
            uints(),
            uints(),
            uints(),
            addresses(),
            addresses(),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
            Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash32::new))
        .as(EventCase::new);
  }

  @Provide
  Arbitrary<List<ByteMutation>> mutations() {
    return ByteMutation.lists();
  }

  @Provide
  Arbitrary<List<HexEdit>> hexEdits() {
    return HexEdit.lists();
  }

  @Property(tries = 120)
  void eventLogsDecodeToWhatWasEmittedOrFailTyped(
      @ForAll("events") EventCase e,
      @ForAll("mutations") List<ByteMutation> dataEdits,
      @ForAll("hexEdits") List<HexEdit> hexEdits) {
    byte[] data = ByteMutation.applyAll(e.dataBytes(), 0, dataEdits);
    List<String> strings = new ArrayList<>(e.topics());
    strings.add(Hex.encode(data));
    List<String> edited = HexEdit.applyAll(strings, hexEdits);
    // The last string is the data unless an edit removed it; topics are the rest.
    Log log =
        log(new ArrayList<>(edited.subList(0, edited.size() - 1)), edited.get(edited.size() - 1));
    Outcome<Object> o = Decoders.decode(() -> e.decode(log), AbiDecodingException.class);
    boolean intact = dataEdits.isEmpty() && hexEdits.stream().allMatch(HexEdit::harmless);
    if (intact && e.representable()) {
      assertThat(o.ok()).as("valid log refused: %s", o.error()).isTrue();
      e.assertDecodedEquals(o.value());
    }
    if (intact && !e.representable()) {
      assertThat(o.ok()).as("an epoch field past 2^63 must be refused, not wrapped").isFalse();
    }
  }

  @Property(tries = 80)
  void randomLogsFailTyped(
      @ForAll("events") EventCase e,
      @ForAll("randomTopics") List<byte[]> topics,
      @ForAll @Size(max = 400) byte[] data) {
    Log log = log(topics.stream().map(Hex::encode).toList(), Hex.encode(data));
    Decoders.decode(() -> e.decode(log), AbiDecodingException.class);
  }

  @Provide
  Arbitrary<List<byte[]>> randomTopics() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(80).list().ofMaxSize(5);
  }

  /** A log with its topic list or fields missing altogether (JSON null from a node). */
  @Property(tries = 20)
  void logsWithMissingPartsFailTyped(@ForAll("events") EventCase e, @ForAll int which) {
    Log log = log(e.topics(), Hex.encode(e.dataBytes()));
    switch (Math.floorMod(which, 3)) {
      case 0 -> log.setTopics(null);
      case 1 -> log.setData(null);
      default -> log.setTopics(new ArrayList<>());
    }
    Decoders.decode(() -> e.decode(log), AbiDecodingException.class);
  }

  /** The log fields the indexer reads before decoding: topic 0 and the block number. */
  @Property(tries = 80)
  void indexerLogFieldsFailTyped(
      @ForAll("events") EventCase e,
      @ForAll("hexEdits") List<HexEdit> hexEdits,
      @ForAll("blockNumbers") String blockNumber) {
    Log log = log(HexEdit.applyAll(e.topics(), hexEdits), Hex.encode(e.dataBytes()));
    log.setBlockNumber(blockNumber);
    Outcome<Hash32> t0 = Decoders.decode(() -> LogRows.topic0(log), AbiDecodingException.class);
    if (HexEdit.allHarmless(hexEdits)) {
      assertThat(t0.value()).isEqualTo(Hash32.of(e.topics().get(0)));
    }
    Decoders.decode(() -> LogRows.block(log), ChainException.class);
  }

  @Provide
  Arbitrary<String> blockNumbers() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, Long.MAX_VALUE).map(n -> "0x" + Long.toHexString(n)),
        Arbitraries.of(
            "0x",
            "",
            "0x-1",
            "0xffffffffffffffff",
            "0x10000000000000000",
            "12",
            "0X10",
            "0x" + "f".repeat(200),
            "0x1g"),
        Arbitraries.strings().ofMaxLength(20));
  }

  // --- ERC-20 payloads inside a state sync (protocol.md, ERC-20 payloads) ---

  record PayloadCase(int tag, Address token, Address from, Address to, BigInteger amount) {

    static final String[] TAGS = {"DEPOSIT", "WITHDRAW", "MAP_TOKEN"};

    byte[] encode() {
      byte[] sig =
          io.bridgescope.crypto.Keccak.keccak256(TAGS[tag].getBytes(StandardCharsets.US_ASCII));
      return Abi.encode(
          AbiValue.bytes32(sig),
          AbiValue.address(token),
          AbiValue.address(from),
          AbiValue.address(to),
          AbiValue.uint(amount));
    }
  }

  @Provide
  Arbitrary<PayloadCase> payloads() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 2), addresses(), addresses(), addresses(), uints())
        .as(PayloadCase::new);
  }

  @Property(tries = 100)
  void erc20PayloadsDecodeOrReadAsPlainMessages(
      @ForAll("payloads") PayloadCase p,
      @ForAll("mutations") List<ByteMutation> edits,
      @ForAll boolean towardsChild) {
    byte[] data = ByteMutation.applyAll(p.encode(), 0, edits);
    Payloads.Decoded d = Decoders.total(() -> Payloads.decode(data, towardsChild));
    assertThat(d).isNotNull();
    if (edits.isEmpty()) {
      PayloadKind expected =
          switch (p.tag()) {
            case 0 -> towardsChild ? PayloadKind.DEPOSIT : PayloadKind.MESSAGE;
            case 1 -> towardsChild ? PayloadKind.MESSAGE : PayloadKind.WITHDRAWAL;
            default -> towardsChild ? PayloadKind.MAP_TOKEN : PayloadKind.MESSAGE;
          };
      assertThat(d.kind()).isEqualTo(expected);
      if (expected == PayloadKind.DEPOSIT || expected == PayloadKind.WITHDRAWAL) {
        var t = d.transfer().orElseThrow();
        assertThat(t.rootToken()).isEqualTo(p.token());
        assertThat(t.from()).isEqualTo(p.from());
        assertThat(t.to()).isEqualTo(p.to());
        assertThat(t.amount()).isEqualTo(p.amount());
      } else {
        assertThat(d.transfer()).isEqualTo(Optional.empty());
      }
    }
  }

  @Property(tries = 50)
  void randomPayloadsReadAsSomething(
      @ForAll @Size(max = 400) byte[] data, @ForAll boolean towardsChild) {
    assertThat(Decoders.total(() -> Payloads.decode(data, towardsChild))).isNotNull();
  }
}
