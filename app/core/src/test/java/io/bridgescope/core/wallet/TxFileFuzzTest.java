package io.bridgescope.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.fuzz.ByteMutation;
import io.bridgescope.core.fuzz.FuzzFiles;
import io.bridgescope.core.fuzz.JsonEdit;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.crypto.Keccak;
import io.bridgescope.crypto.fuzz.Decoders;
import io.bridgescope.crypto.fuzz.Decoders.Outcome;
import io.bridgescope.crypto.fuzz.FuzzTries;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
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
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;

/**
 * The air-gapped transaction files ({@code tx export} writes, {@code tx sign} and {@code tx send}
 * read): files written by {@link TxFiles} read back equal; edited files (JSON structure, values,
 * text, encoding, and the signed RLP bytes) read as a transaction or fail with {@link
 * WalletException}, and whatever reads back writes and reads back the same.
 */
@AddLifecycleHook(FuzzTries.class)
class TxFileFuzzTest {

  static final Credentials KEY = Credentials.create(KeystoreTest.ANVIL_KEY);
  static final Address FROM = Address.of(KEY.getAddress());
  private static FuzzFiles files;

  @BeforeContainer
  static void createDirectory() {
    files = FuzzFiles.create("txfile");
  }

  @AfterContainer
  static void deleteDirectory() {
    files.close();
  }

  /** A path where nothing is yet ({@link TxFiles} refuses to overwrite). */
  static Path fresh() {
    return files.folder().resolve("tx.json");
  }

  static Path withContent(byte[] content) {
    return files.write("tx.json", content);
  }

  /** Signs like {@link KeySession#sign}, without a keystore. */
  static SignedTx sign(UnsignedTx tx) {
    RawTransaction raw = tx.toRaw();
    byte[] signed =
        tx.fees().eip1559()
            ? TransactionEncoder.signMessage(raw, KEY)
            : TransactionEncoder.signMessage(raw, tx.chainId(), KEY);
    return SignedTx.of(tx, signed);
  }

  /** Signed raw bytes of a transaction carrying {@code data}, for the journal's readers. */
  static byte[] signedRaw(byte[] data, boolean eip1559) {
    Fees fees =
        eip1559
            ? new Fees(true, BigInteger.valueOf(3_000_000_000L), BigInteger.ONE)
            : Fees.legacy(BigInteger.TEN);
    UnsignedTx tx =
        new UnsignedTx(
            ChainRole.ROOT,
            31337,
            FROM,
            1,
            Address.ofLow(0xe1),
            Bytes.of(data),
            BigInteger.ZERO,
            100_000,
            fees,
            TxPurpose.EXIT,
            Optional.empty(),
            "exit");
    return sign(tx).raw().value();
  }

  @Provide
  Arbitrary<UnsignedTx> transactions() {
    Arbitrary<byte[]> exitCall =
        Arbitraries.longs()
            .between(0, Long.MAX_VALUE)
            .map(
                id ->
                    BridgeAbi.exit(
                        new BridgeAbi.ExitInput(
                            BigInteger.TEN,
                            BigInteger.ONE,
                            BridgeLeaves.exitEncoding(
                                BigInteger.valueOf(id), new byte[20], new byte[20], new byte[3]),
                            List.of(Hash32.ZERO))));
    Arbitrary<byte[]> data =
        Arbitraries.oneOf(exitCall, Arbitraries.bytes().array(byte[].class).ofMaxSize(120));
    Arbitrary<Fees> fees =
        Combinators.combine(
                Arbitraries.of(true, false),
                Arbitraries.longs().between(0, 1_000_000_000_000L),
                Arbitraries.longs().between(0, 1_000_000_000L))
            .as(
                (eip, max, tip) ->
                    eip
                        ? new Fees(
                            true, BigInteger.valueOf(max), BigInteger.valueOf(Math.min(tip, max)))
                        : Fees.legacy(BigInteger.valueOf(max)));
    Arbitrary<Optional<BigInteger>> related =
        Arbitraries.longs().between(0, Long.MAX_VALUE).map(BigInteger::valueOf).optional();
    Arbitrary<BigInteger> value =
        Arbitraries.oneOf(
            Arbitraries.just(BigInteger.ZERO),
            Arbitraries.bigIntegers()
                .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)));
    return Combinators.combine(
            Arbitraries.of(ChainRole.class),
            Arbitraries.longs().between(1, 1L << 50),
            Arbitraries.longs().between(0, 1L << 40),
            Arbitraries.bytes().array(byte[].class).ofSize(20).map(Address::new),
            data,
            value,
            Arbitraries.longs().between(21_000, 30_000_000),
            fees)
        .flatAs(
            (chain, chainId, nonce, to, d, v, gas, f) ->
                Combinators.combine(
                        Arbitraries.of(TxPurpose.class),
                        related,
                        Arbitraries.strings().ofMaxLength(60))
                    .as(
                        (purpose, rel, summary) ->
                            new UnsignedTx(
                                chain,
                                chainId,
                                FROM,
                                nonce,
                                to,
                                Bytes.of(d),
                                v,
                                gas,
                                f,
                                purpose,
                                rel,
                                summary)));
  }

  @Provide
  Arbitrary<List<JsonEdit>> edits() {
    return JsonEdit.lists();
  }

  @Provide
  Arbitrary<String> networks() {
    return Arbitraries.oneOf(
        Arbitraries.of("devnet", "my-supernet"), Arbitraries.strings().ofMaxLength(30));
  }

  /** The index snapshot an exported file carries (roots its proofs lead to). */
  @Provide
  Arbitrary<IndexSnapshot> snapshots() {
    Arbitrary<BigInteger> uint =
        Arbitraries.bigIntegers()
            .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
    Arbitrary<Hash32> root = Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash32::new);
    Arbitrary<IndexSnapshot.ExitRoot> exits =
        Combinators.combine(
                uint,
                Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.longs().between(0, Long.MAX_VALUE),
                root,
                Arbitraries.of(true, false))
            .as(IndexSnapshot.ExitRoot::new);
    Arbitrary<IndexSnapshot.CommitmentRoot> commitments =
        Combinators.combine(uint, uint, root, Arbitraries.of(true, false))
            .as((a, b, r, c) -> new IndexSnapshot.CommitmentRoot(a.min(b), a.max(b), r, c));
    return Arbitraries.oneOf(
        Arbitraries.just(IndexSnapshot.NONE),
        Combinators.combine(exits.list().ofMaxSize(3), commitments.list().ofMaxSize(2))
            .as(IndexSnapshot::new));
  }

  @Property(tries = 40)
  void unsignedFilesReadBackOrFailTyped(
      @ForAll("transactions") UnsignedTx tx,
      @ForAll("networks") String network,
      @ForAll("snapshots") IndexSnapshot snapshot,
      @ForAll("edits") List<JsonEdit> edits)
      throws IOException {
    Path written = fresh();
    TxFiles.writeUnsigned(network, tx, snapshot, written);
    Path edited = withContent(JsonEdit.applyAll(Files.readString(written), edits));
    Outcome<TxFiles.Unsigned> o =
        Decoders.decode(() -> TxFiles.readUnsigned(edited), WalletException.class);
    if (edits.isEmpty()) {
      assertThat(o.ok()).as("valid file refused: %s", o.error()).isTrue();
      assertThat(o.value()).isEqualTo(new TxFiles.Unsigned(network, tx, snapshot));
    } else if (o.ok()) {
      Path again = fresh();
      TxFiles.writeUnsigned(o.value().network(), o.value().tx(), o.value().snapshot(), again);
      assertThat(TxFiles.readUnsigned(again)).isEqualTo(o.value());
    }
  }

  /**
   * Every number field holding a million digits: {@code new BigInteger} on that takes about 40 s,
   * so the length must be refused first (found by {@link JsonEdit.Kind#HUGE_DIGITS}).
   */
  @Property(tries = 20)
  void numberFieldsWithAMillionDigitsAreRefusedQuickly(
      @ForAll("transactions") UnsignedTx tx,
      @ForAll("snapshots") IndexSnapshot snapshot,
      @ForAll("numberFields") String field)
      throws IOException {
    Path written = fresh();
    TxFiles.writeUnsigned("devnet", tx, snapshot, written);
    com.fasterxml.jackson.databind.node.ObjectNode o =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(written));
    o.put(field, "9".repeat(1_000_000));
    Path edited = withContent(o.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Outcome<TxFiles.Unsigned> r =
        Decoders.decode(() -> TxFiles.readUnsigned(edited), WalletException.class);
    assertThat(r.ok()).isFalse();
  }

  @Provide
  Arbitrary<String> numberFields() {
    return Arbitraries.of(
        "value",
        "maxFeePerGas",
        "maxPriorityFeePerGas",
        "relatedId",
        "chainId",
        "nonce",
        "gasLimit");
  }

  @Property(tries = 30)
  void signedFilesReadBackOrFailTyped(
      @ForAll("transactions") UnsignedTx tx,
      @ForAll("networks") String network,
      @ForAll("edits") List<JsonEdit> edits)
      throws IOException {
    SignedTx s = sign(tx);
    Path written = fresh();
    TxFiles.writeSigned(network, s, written);
    Path edited = withContent(JsonEdit.applyAll(Files.readString(written), edits));
    Outcome<TxFiles.Signed> o =
        Decoders.decode(() -> TxFiles.readSigned(edited), WalletException.class);
    if (edits.isEmpty()) {
      assertThat(o.ok()).as("valid file refused: %s", o.error()).isTrue();
      assertThat(o.value().tx()).isEqualTo(s);
      assertThat(o.value().network()).isEqualTo(network);
    } else if (o.ok()) {
      assertSignedBytesMatch(o.value().tx());
    }
  }

  /** The signed transaction's RLP bytes edited (and the file's hash kept consistent or not). */
  @Property(tries = 30)
  void signedBytesEditedReadBackOrFailTyped(
      @ForAll("transactions") UnsignedTx tx,
      @ForAll("rawEdits") List<ByteMutation> edits,
      @ForAll boolean fixHash)
      throws IOException {
    SignedTx s = sign(tx);
    byte[] raw = ByteMutation.applyAll(s.raw().value(), 0, edits);
    Path written = fresh();
    TxFiles.writeSigned("devnet", s, written);
    String json = Files.readString(written).replace(Hex.encode(s.raw().value()), Hex.encode(raw));
    if (fixHash) {
      json = json.replace(s.hash().toString(), Hex.encode(Keccak.keccak256(raw)));
    }
    Path edited = withContent(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Outcome<TxFiles.Signed> o =
        Decoders.decode(() -> TxFiles.readSigned(edited), WalletException.class);
    if (edits.isEmpty()) {
      assertThat(o.value().tx()).isEqualTo(s);
    } else if (o.ok()) {
      assertSignedBytesMatch(o.value().tx());
    }
  }

  @Provide
  Arbitrary<List<ByteMutation>> rawEdits() {
    return ByteMutation.lists();
  }

  @Property(tries = 20)
  void randomFilesFailTyped(@ForAll @Size(max = 2000) byte[] content, @ForAll boolean signed) {
    Path p = withContent(content);
    Decoders.decode(
        () -> signed ? TxFiles.readSigned(p) : TxFiles.readUnsigned(p), WalletException.class);
  }

  /**
   * Whatever is accepted is exactly the transaction the file describes, signed by its sender, in
   * the one encoding a node accepts (so the journal's hash is the hash the chain will report).
   */
  private static void assertSignedBytesMatch(SignedTx s) {
    byte[] raw = s.raw().value();
    SignedRawTransaction decoded =
        (SignedRawTransaction) TransactionDecoder.decode(Hex.encode(raw));
    byte[] canonical = TransactionEncoder.encode(decoded, decoded.getSignatureData());
    assertThat(Hex.encode(raw)).isEqualTo(Hex.encode(canonical));
    assertThat(s.hash()).isEqualTo(new Hash32(Keccak.keccak256(raw)));
  }
}
