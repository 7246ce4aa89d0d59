package io.bridgescope.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.rows.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The signer's decoders against hostile input: a typed refusal or a correct value, never another
 * exception; and no change to an exported exit's calldata slips through.
 */
class SigningPolicyPropertiesTest {

  static final Address FROM = Address.ofLow(0xf00);
  static final SigningPolicy POLICY =
      new SigningPolicy(AirGapFixture.profile(), SigningLimits.DEFAULT);
  static final byte[] EXIT = AirGapFixture.exitCall(AirGapFixture.USER);
  static final UnsignedTx EXIT_TX = AirGapFixture.exitTx(FROM);
  static final IndexSnapshot SNAPSHOT = AirGapFixture.snapshot();

  @Property(tries = 400)
  void anyChangeToOneByteOfAnExportedExitIsRefused(
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll @IntRange(min = 1, max = 255) int xor) {
    byte[] data = EXIT.clone();
    int at = where % data.length;
    data[at] ^= (byte) xor;
    Inspection i = POLICY.inspectPlanned(withData(EXIT_TX, data), SNAPSHOT, List.of());
    assertThat(i.problems()).as("byte %d changed", at).isNotEmpty();
  }

  @Property(tries = 300)
  void arbitraryCalldataIsInspectedWithoutSurprise(@ForAll("calldata") byte[] data) {
    Inspection i = POLICY.inspectPlanned(withData(EXIT_TX, data), SNAPSHOT, List.of());
    assertThat(i.describe()).isNotEmpty();
  }

  @Provide
  Arbitrary<byte[]> calldata() {
    // a known selector in front of random words, so the decoders (not only the selector) are hit
    Arbitrary<byte[]> body = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    Arbitrary<byte[]> head =
        Arbitraries.of(BridgeFunction.values()).map(f -> f.signatureSelector());
    return net.jqwik.api.Combinators.combine(head, body)
        .as(
            (h, b) -> {
              byte[] out = new byte[h.length + b.length];
              System.arraycopy(h, 0, out, 0, h.length);
              System.arraycopy(b, 0, out, h.length, b.length);
              return out;
            });
  }

  @Property(tries = 300)
  void arbitrarySignedBytesAreATransactionOrABadFile(
      @ForAll @net.jqwik.api.constraints.Size(max = 300) byte[] raw) {
    try {
      SignedBytes.decode(raw);
    } catch (WalletException e) {
      assertThat(e.kind()).isEqualTo(WalletException.Kind.BAD_FILE);
    }
  }

  @Property(tries = 100)
  void aMangledUnsignedFileIsABadFileOrReadsBack(
      @ForAll @IntRange(min = 0, max = 100_000) int where, @ForAll char replacement)
      throws Exception {
    Path f = Files.createTempFile("unsigned", ".json");
    try {
      StringBuilder text = new StringBuilder(UNSIGNED_TEXT);
      text.setCharAt(where % text.length(), replacement);
      Files.writeString(f, text, StandardCharsets.UTF_8);
      try {
        POLICY.inspectFile(TxFiles.readUnsigned(f));
      } catch (WalletException e) {
        assertThat(e.kind()).isEqualTo(WalletException.Kind.BAD_FILE);
      }
    } finally {
      Files.deleteIfExists(f);
    }
  }

  @Property(tries = 100)
  void aMangledSignedFileIsABadFileOrReadsBack(
      @ForAll @IntRange(min = 0, max = 100_000) int where, @ForAll char replacement)
      throws Exception {
    Path f = Files.createTempFile("signed", ".json");
    try {
      StringBuilder text = new StringBuilder(SIGNED_TEXT.get());
      text.setCharAt(where % text.length(), replacement);
      Files.writeString(f, text, StandardCharsets.UTF_8);
      try {
        TxFiles.readSigned(f);
      } catch (WalletException e) {
        assertThat(e.kind()).isEqualTo(WalletException.Kind.BAD_FILE);
      }
    } finally {
      Files.deleteIfExists(f);
    }
  }

  static final String UNSIGNED_TEXT = unsignedText();

  private static String unsignedText() {
    try {
      Path f = Files.createTempDirectory("signer").resolve("unsigned.json");
      TxFiles.writeUnsigned("devnet", EXIT_TX, SNAPSHOT, f);
      return Files.readString(f);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A signed file of the fixture's exit, made once. */
  static final java.util.function.Supplier<String> SIGNED_TEXT =
      new java.util.function.Supplier<>() {
        private String text;

        @Override
        public synchronized String get() {
          if (text == null) {
            text = signedText();
          }
          return text;
        }
      };

  private static String signedText() {
    try {
      Path d = Files.createTempDirectory("signer");
      Keystore ks = new Keystore(d.resolve("ks"), ScryptParams.lightForTests());
      Address a =
          ks.importPrivateKey("a", KeystoreTest.ANVIL_KEY.toCharArray(), "pw".toCharArray())
              .address();
      SignedTx s;
      try (KeySession k = ks.unlock("a", "pw".toCharArray())) {
        s =
            TxFiles.signOffline(
                POLICY.inspectPlanned(AirGapFixture.exitTx(a), AirGapFixture.snapshot(), List.of()),
                k);
      }
      Path f = d.resolve("signed.json");
      TxFiles.writeSigned("devnet", s, f);
      return Files.readString(f);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static UnsignedTx withData(UnsignedTx t, byte[] data) {
    return new UnsignedTx(
        t.chain(),
        t.chainId(),
        t.from(),
        t.nonce(),
        t.to(),
        Bytes.of(data),
        BigInteger.ZERO,
        t.gasLimit(),
        t.fees(),
        t.purpose(),
        t.relatedId(),
        t.summary());
  }
}
