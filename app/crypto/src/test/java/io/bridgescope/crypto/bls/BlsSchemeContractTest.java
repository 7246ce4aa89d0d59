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

  @Test
  void decodedKeysVerifyExactlyLikeEncodedOnes() {
    List<BlsKeyPair> pairs = keyPairs(SIGNERS);
    List<byte[]> signatures = signAll(pairs, MESSAGE);
    byte[] aggregate = scheme.aggregateSignatures(signatures);
    List<BlsPublicKey> decoded = new ArrayList<>();
    for (int i = 0; i < SIGNERS; i++) {
      BlsPublicKey k = scheme.decodePublicKey(pairs.get(i).publicKey(), "publicKeys[" + i + "]");
      assertThat(k.encoded()).isEqualTo(pairs.get(i).publicKey());
      assertThat(k.scheme()).isEqualTo(scheme.name());
      decoded.add(k);
    }
    assertThat(scheme.aggregateVerifyDecoded(decoded, MESSAGE, aggregate, DOMAIN)).isTrue();
    assertThat(scheme.aggregateVerifyDecoded(decoded, MESSAGE, aggregate, OTHER_DOMAIN)).isFalse();
    assertThat(
            scheme.aggregateVerifyDecoded(decoded.subList(1, SIGNERS), MESSAGE, aggregate, DOMAIN))
        .isFalse();
    byte[] missingOne = scheme.aggregateSignatures(signatures.subList(1, SIGNERS));
    assertThat(scheme.aggregateVerifyDecoded(decoded, MESSAGE, missingOne, DOMAIN)).isFalse();
  }

  @Test
  void decodingAKeyAppliesTheChecksOfAggregateVerify() {
    BlsKeyPair pair = scheme.generateKeyPair(random);
    byte[] signature = scheme.sign(pair.secretKey(), MESSAGE, DOMAIN);
    byte[] garbage = new byte[scheme.publicKeyLength()];
    Arrays.fill(garbage, (byte) 0xff);
    byte[] shortKey = Arrays.copyOf(pair.publicKey(), scheme.publicKeyLength() - 1);
    for (byte[] bad : List.of(garbage, shortKey, infinityPublicKey())) {
      assertRejected(() -> scheme.decodePublicKey(bad, "publicKeys[4]"), "publicKeys[4]");
      // the same message as the encoded path gives for the same key at the same place
      String direct =
          messageOf(() -> scheme.aggregateVerify(List.of(bad), MESSAGE, signature, DOMAIN));
      String decoded = messageOf(() -> scheme.decodePublicKey(bad, "publicKeys[0]"));
      assertThat(decoded).isEqualTo(direct);
    }
    List<BlsPublicKey> one = List.of(scheme.decodePublicKey(pair.publicKey(), "publicKey"));
    byte[] badSignature = Arrays.copyOf(signature, scheme.signatureLength() + 1);
    assertRejected(
        () -> scheme.aggregateVerifyDecoded(one, MESSAGE, badSignature, DOMAIN), "signature");
    assertRejected(
        () -> scheme.aggregateVerifyDecoded(one, MESSAGE, signature, new byte[0]), "domain");
    assertThatThrownBy(() -> scheme.aggregateVerifyDecoded(List.of(), MESSAGE, signature, DOMAIN))
        .isInstanceOf(IllegalArgumentException.class);
    BlsPublicKey foreign =
        new BlsPublicKey() {
          @Override
          public String scheme() {
            return "other";
          }

          @Override
          public byte[] encoded() {
            return pair.publicKey();
          }
        };
    assertThatThrownBy(
            () -> scheme.aggregateVerifyDecoded(List.of(foreign), MESSAGE, signature, DOMAIN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other");
  }

  @Test
  void aggregatesOfDecodedKeysVerifyLikeTheKeysTheySum() {
    List<BlsKeyPair> pairs = keyPairs(SIGNERS);
    List<byte[]> signatures = signAll(pairs, MESSAGE);
    List<BlsPublicKey> decoded = new ArrayList<>();
    for (BlsKeyPair p : pairs) {
      decoded.add(scheme.decodePublicKey(p.publicKey(), "publicKey"));
    }
    byte[] all = scheme.aggregateSignatures(signatures);
    BlsPublicKey total = scheme.aggregateDecoded(decoded, List.of());
    assertThat(total.encoded()).isEqualTo(scheme.aggregatePublicKeys(publicKeys(pairs)));
    assertThat(scheme.verifyAggregate(total, MESSAGE, all, DOMAIN)).isTrue();
    assertThat(scheme.verifyAggregate(total, MESSAGE, all, DOMAIN)).as("again, reused").isTrue();
    assertThat(scheme.verifyAggregate(total, MESSAGE, all, OTHER_DOMAIN)).isFalse();
    // all but the first two signers: the set's sum minus the two missing keys
    byte[] someSigned = scheme.aggregateSignatures(signatures.subList(2, SIGNERS));
    BlsPublicKey most = scheme.aggregateDecoded(List.of(total), decoded.subList(0, 2));
    assertThat(most.encoded())
        .isEqualTo(scheme.aggregatePublicKeys(publicKeys(pairs.subList(2, SIGNERS))));
    assertThat(scheme.verifyAggregate(most, MESSAGE, someSigned, DOMAIN)).isTrue();
    assertThat(scheme.verifyAggregate(most, MESSAGE, all, DOMAIN)).isFalse();
    // keys that cancel sum to the point at infinity, which verifies nothing
    BlsPublicKey nothing = scheme.aggregateDecoded(decoded.subList(0, 1), decoded.subList(0, 1));
    assertThat(scheme.verifyAggregate(nothing, MESSAGE, all, DOMAIN)).isFalse();
    byte[] badSignature = Arrays.copyOf(all, scheme.signatureLength() - 1);
    assertRejected(() -> scheme.verifyAggregate(total, MESSAGE, badSignature, DOMAIN), "signature");
    assertRejected(() -> scheme.verifyAggregate(total, MESSAGE, all, new byte[0]), "domain");
  }

  @Test
  void aBatchVerifiesWhenEverySignatureDoesAndOnlyThen() {
    List<BlsKeyPair> pairs = keyPairs(4);
    List<BlsPublicKey> keys = new ArrayList<>();
    List<byte[]> messages = new ArrayList<>();
    List<byte[]> signatures = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      // one signer, then groups of two: aggregates as a verifier holds them
      List<BlsKeyPair> group = i == 0 ? pairs.subList(0, 1) : pairs.subList(i - 1, i + 1);
      byte[] message = Keccak.keccak256(new byte[] {(byte) i});
      List<BlsPublicKey> decoded = new ArrayList<>();
      for (BlsKeyPair p : group) {
        decoded.add(scheme.decodePublicKey(p.publicKey(), "publicKey"));
      }
      keys.add(scheme.aggregateDecoded(decoded, List.of()));
      messages.add(message);
      signatures.add(scheme.aggregateSignatures(signAll(group, message)));
    }
    assertThat(scheme.verifyAggregateBatch(keys, messages, signatures, DOMAIN)).isTrue();
    assertThat(scheme.verifyAggregateBatch(List.of(), List.of(), List.of(), DOMAIN)).isTrue();
    assertThat(scheme.verifyAggregateBatch(keys, messages, signatures, OTHER_DOMAIN)).isFalse();
    // two signatures swapped: each is valid, but not for its own message
    List<byte[]> swapped = new ArrayList<>(signatures);
    swapped.set(1, signatures.get(2));
    swapped.set(2, signatures.get(1));
    assertThat(scheme.verifyAggregateBatch(keys, messages, swapped, DOMAIN)).isFalse();
    List<byte[]> garbage = new ArrayList<>(signatures);
    garbage.set(3, new byte[scheme.signatureLength() + 1]);
    assertThat(scheme.verifyAggregateBatch(keys, messages, garbage, DOMAIN)).isFalse();
    assertThatThrownBy(
            () -> scheme.verifyAggregateBatch(keys, messages.subList(0, 3), signatures, DOMAIN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String messageOf(ThrowingCallable call) {
    try {
      call.call();
    } catch (Throwable t) {
      return t.getMessage();
    }
    throw new AssertionError("expected a rejection");
  }
}
