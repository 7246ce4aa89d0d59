package io.bridgescope.crypto.bls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.crypto.InvalidEncodingException;
import io.bridgescope.crypto.Keccak;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link BlsScheme} must show; a scheme's test class extends this and supplies the
 * scheme and its encodings of the point at infinity.
 *
 * <p>Rejected input must raise {@link InvalidEncodingException} whose {@code field()} starts with
 * the interface's parameter name: {@code secretKey}, {@code publicKey}, {@code signature}, {@code
 * domain}, or {@code publicKeys}/{@code signatures} (an element may be named {@code
 * publicKeys[2]}).
 */
public abstract class BlsSchemeContractTest {

  protected static final byte[] DOMAIN =
      Keccak.keccak256("DOMAIN_STATE_RECEIVER".getBytes(StandardCharsets.US_ASCII));
  protected static final byte[] OTHER_DOMAIN =
      Keccak.keccak256("DOMAIN_CHECKPOINT_MANAGER".getBytes(StandardCharsets.US_ASCII));
  protected static final byte[] MESSAGE = Keccak.keccak256(new byte[] {1, 2, 3});
  private static final int SIGNERS = 8;

  protected BlsScheme scheme;
  private SecureRandom random;

  protected abstract BlsScheme scheme();

  /** This scheme's encoding of the public-key point at infinity (correct length). */
  protected abstract byte[] infinityPublicKey();

  /** This scheme's encoding of the signature point at infinity (correct length). */
  protected abstract byte[] infinitySignature();

  @BeforeEach
  void setUp() throws NoSuchAlgorithmException {
    scheme = scheme();
    // Seeded so a failure reproduces with the same keys.
    random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(42);
  }

  private List<BlsKeyPair> keyPairs(int count) {
    List<BlsKeyPair> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(scheme.generateKeyPair(random));
    }
    return out;
  }

  private List<byte[]> signAll(List<BlsKeyPair> pairs, byte[] message) {
    return pairs.stream().map(p -> scheme.sign(p.secretKey(), message, DOMAIN)).toList();
  }

  private static List<byte[]> publicKeys(List<BlsKeyPair> pairs) {
    return pairs.stream().map(BlsKeyPair::publicKey).toList();
  }

  protected static void assertRejected(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidEncodingException.class,
            e -> {
              assertThat(e.field()).startsWith(field);
              assertThat(e.getMessage()).contains(e.field());
            });
  }

  @Test
  void keyPairsHaveTheDeclaredSizesAndConsistentPublicKeys() {
    BlsKeyPair pair = scheme.generateKeyPair(random);
    assertThat(pair.secretKey()).hasSize(scheme.secretKeyLength());
    assertThat(pair.publicKey()).hasSize(scheme.publicKeyLength());
    assertThat(scheme.publicKey(pair.secretKey())).isEqualTo(pair.publicKey());
    assertThat(scheme.generateKeyPair(random).publicKey()).isNotEqualTo(pair.publicKey());
    assertThat(scheme.name()).isNotBlank();
  }

  @Test
  void signatureVerifiesAndIsDeterministic() {
    BlsKeyPair pair = scheme.generateKeyPair(random);
    byte[] signature = scheme.sign(pair.secretKey(), MESSAGE, DOMAIN);
    assertThat(signature).hasSize(scheme.signatureLength());
    assertThat(scheme.sign(pair.secretKey(), MESSAGE, DOMAIN)).isEqualTo(signature);
    assertThat(scheme.verify(pair.publicKey(), MESSAGE, signature, DOMAIN)).isTrue();
  }

  @Test
  void wrongMessageDomainOrKeyFails() {
    List<BlsKeyPair> pairs = keyPairs(2);
    byte[] signature = scheme.sign(pairs.get(0).secretKey(), MESSAGE, DOMAIN);
    byte[] otherMessage = MESSAGE.clone();
    otherMessage[0] ^= 1;
    assertThat(scheme.verify(pairs.get(0).publicKey(), otherMessage, signature, DOMAIN)).isFalse();
    assertThat(scheme.verify(pairs.get(0).publicKey(), MESSAGE, signature, OTHER_DOMAIN)).isFalse();
    assertThat(scheme.verify(pairs.get(1).publicKey(), MESSAGE, signature, DOMAIN)).isFalse();
  }

  @Test
  void aggregateOfAllSignersVerifies() {
    List<BlsKeyPair> pairs = keyPairs(SIGNERS);
    byte[] aggregate = scheme.aggregateSignatures(signAll(pairs, MESSAGE));
    assertThat(aggregate).hasSize(scheme.signatureLength());
    assertThat(scheme.aggregateVerify(publicKeys(pairs), MESSAGE, aggregate, DOMAIN)).isTrue();
    byte[] aggregateKey = scheme.aggregatePublicKeys(publicKeys(pairs));
    assertThat(aggregateKey).hasSize(scheme.publicKeyLength());
    assertThat(scheme.verify(aggregateKey, MESSAGE, aggregate, DOMAIN)).isTrue();
  }

  @Test
  void tamperedAggregatesFail() {
    List<BlsKeyPair> pairs = keyPairs(SIGNERS);
    List<byte[]> signatures = new ArrayList<>(signAll(pairs, MESSAGE));
    List<byte[]> keys = publicKeys(pairs);
    byte[] aggregate = scheme.aggregateSignatures(signatures);

    byte[] missingOne = scheme.aggregateSignatures(signatures.subList(1, SIGNERS));
    assertThat(scheme.aggregateVerify(keys, MESSAGE, missingOne, DOMAIN)).isFalse();

    assertThat(scheme.aggregateVerify(keys.subList(1, SIGNERS), MESSAGE, aggregate, DOMAIN))
        .isFalse();

    byte[] otherMessage = MESSAGE.clone();
    otherMessage[31] ^= 1;
    signatures.set(3, scheme.sign(pairs.get(3).secretKey(), otherMessage, DOMAIN));
    byte[] mixed = scheme.aggregateSignatures(signatures);
    assertThat(scheme.aggregateVerify(keys, MESSAGE, mixed, DOMAIN)).isFalse();
    assertThat(scheme.aggregateVerify(keys, MESSAGE, aggregate, OTHER_DOMAIN)).isFalse();
  }

  @Test
  void wrongLengthsAreRejectedNamingTheField() {
    BlsKeyPair pair = scheme.generateKeyPair(random);
    byte[] signature = scheme.sign(pair.secretKey(), MESSAGE, DOMAIN);
    for (int delta : new int[] {-1, 1}) {
      byte[] pk = Arrays.copyOf(pair.publicKey(), scheme.publicKeyLength() + delta);
      byte[] sig = Arrays.copyOf(signature, scheme.signatureLength() + delta);
      byte[] sk = Arrays.copyOf(pair.secretKey(), scheme.secretKeyLength() + delta);
      assertRejected(() -> scheme.verify(pk, MESSAGE, signature, DOMAIN), "publicKey");
      assertRejected(() -> scheme.verify(pair.publicKey(), MESSAGE, sig, DOMAIN), "signature");
      assertRejected(() -> scheme.sign(sk, MESSAGE, DOMAIN), "secretKey");
      assertRejected(() -> scheme.publicKey(sk), "secretKey");
      assertRejected(() -> scheme.aggregatePublicKeys(List.of(pair.publicKey(), pk)), "publicKeys");
      assertRejected(() -> scheme.aggregateSignatures(List.of(signature, sig)), "signatures");
    }
    assertRejected(() -> scheme.verify(new byte[0], MESSAGE, signature, DOMAIN), "publicKey");
  }

  @Test
  void garbageBytesAreRejected() {
    BlsKeyPair pair = scheme.generateKeyPair(random);
    byte[] signature = scheme.sign(pair.secretKey(), MESSAGE, DOMAIN);
    byte[] pk = new byte[scheme.publicKeyLength()];
    Arrays.fill(pk, (byte) 0xff);
    byte[] sig = new byte[scheme.signatureLength()];
    Arrays.fill(sig, (byte) 0xff);
    assertRejected(() -> scheme.verify(pk, MESSAGE, signature, DOMAIN), "publicKey");
    assertRejected(() -> scheme.verify(pair.publicKey(), MESSAGE, sig, DOMAIN), "signature");
    assertRejected(
        () -> scheme.aggregateVerify(List.of(pk), MESSAGE, signature, DOMAIN), "publicKeys");
    assertRejected(
        () -> scheme.publicKey(new byte[scheme.secretKeyLength()]), "secretKey"); // zero key
  }

  @Test
  void pointsAtInfinityAreRejected() {
    BlsKeyPair pair = scheme.generateKeyPair(random);
    byte[] signature = scheme.sign(pair.secretKey(), MESSAGE, DOMAIN);
    assertThat(infinityPublicKey()).hasSize(scheme.publicKeyLength());
    assertThat(infinitySignature()).hasSize(scheme.signatureLength());
    assertRejected(
        () -> scheme.verify(infinityPublicKey(), MESSAGE, signature, DOMAIN), "publicKey");
    assertRejected(
        () -> scheme.verify(pair.publicKey(), MESSAGE, infinitySignature(), DOMAIN), "signature");
    assertRejected(
        () -> scheme.aggregatePublicKeys(List.of(pair.publicKey(), infinityPublicKey())),
        "publicKeys");
    assertRejected(() -> scheme.aggregateSignatures(List.of(infinitySignature())), "signatures");
  }

  @Test
  void emptyListsAndEmptyDomainAreRejected() {
    BlsKeyPair pair = scheme.generateKeyPair(random);
    byte[] signature = scheme.sign(pair.secretKey(), MESSAGE, DOMAIN);
    assertThatThrownBy(() -> scheme.aggregateSignatures(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> scheme.aggregatePublicKeys(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> scheme.aggregateVerify(List.of(), MESSAGE, signature, DOMAIN))
        .isInstanceOf(IllegalArgumentException.class);
    assertRejected(() -> scheme.sign(pair.secretKey(), MESSAGE, new byte[0]), "domain");
  }
}
