package io.bridgescope.crypto.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.crypto.Keccak;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class Bn254BlsTest {

  private static final byte[] DOMAIN =
      Keccak.keccak256("DOMAIN_CHECKPOINT_MANAGER".getBytes(StandardCharsets.US_ASCII));

  private static byte[] message(Random r) {
    byte[] m = new byte[32];
    r.nextBytes(m);
    return m;
  }

  @Test
  void seededKeyGenerationIsReproducibleAndInRange() {
    Bn254KeyPair a = Bn254Bls.generateKeyPair(new Random(42));
    Bn254KeyPair b = Bn254Bls.generateKeyPair(new Random(42));
    assertThat(a.secretKey()).isEqualTo(b.secretKey());
    assertThat(a.publicKey()).isEqualTo(b.publicKey());
    assertThat(a.secretKey().signum()).isPositive();
    assertThat(a.secretKey()).isLessThan(Bn254.CURVE_ORDER);
    assertThat(a.publicKey()).isEqualTo(G2Point.generator().multiply(a.secretKey()));
    assertThat(a.toString()).doesNotContain(a.secretKey().toString());
    assertThat(Bn254Bls.generateKeyPair(new Random(43)).publicKey()).isNotEqualTo(a.publicKey());
  }

  @Test
  void signatureWithKeyOneIsTheHashedPoint() {
    byte[] msg = {1, 2, 3};
    assertThat(Bn254Bls.sign(BigInteger.ONE, msg, DOMAIN)).isEqualTo(HashToG1.hash(msg, DOMAIN));
    assertThat(Bn254Bls.publicKey(BigInteger.ONE)).isEqualTo(G2Point.generator());
    assertThat(Bn254Bls.verify(G2Point.generator(), msg, HashToG1.hash(msg, DOMAIN), DOMAIN))
        .isTrue();
  }

  @Test
  void secretKeysOutOfRangeAreRefused() {
    for (BigInteger bad :
        new BigInteger[] {BigInteger.ZERO, Bn254.CURVE_ORDER, BigInteger.ONE.negate()}) {
      assertThatThrownBy(() -> Bn254Bls.publicKey(bad))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Bn254Bls.sign(bad, new byte[1], DOMAIN))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void infinityAndEmptyInputsNeverVerify() {
    Bn254KeyPair kp = Bn254Bls.generateKeyPair(new Random(1));
    byte[] msg = {9};
    G1Point sig = Bn254Bls.sign(kp.secretKey(), msg, DOMAIN);
    assertThat(Bn254Bls.verify(G2Point.infinity(), msg, sig, DOMAIN)).isFalse();
    assertThat(Bn254Bls.verify(kp.publicKey(), msg, G1Point.infinity(), DOMAIN)).isFalse();
    assertThat(Bn254Bls.aggregateVerify(List.of(), msg, sig, DOMAIN)).isFalse();
    // keys that cancel out sum to infinity: rejected rather than accepting anything
    assertThat(
            Bn254Bls.aggregateVerify(
                List.of(kp.publicKey(), kp.publicKey().negate()), msg, G1Point.infinity(), DOMAIN))
        .isFalse();
    assertThat(Bn254Bls.aggregateSignatures(List.of()).isInfinity()).isTrue();
    assertThat(Bn254Bls.aggregatePublicKeys(List.of()).isInfinity()).isTrue();
  }

  @Property(tries = 5)
  void aBatchFailsWhenAnyOneSignatureIsWrongAndSkipsNothing(@ForAll long seed) {
    Random r = new Random(seed);
    List<G2PublicKey> keys = new ArrayList<>();
    List<byte[]> messages = new ArrayList<>();
    List<G1Point> sigs = new ArrayList<>();
    // signatures 0..2 are by one signer whose key object they share (one pair in the check)
    Bn254KeyPair shared = Bn254Bls.generateKeyPair(r);
    G2PublicKey sharedKey = G2PublicKey.of(shared.publicKey());
    for (int i = 0; i < 5; i++) {
      Bn254KeyPair kp = i < 3 ? shared : Bn254Bls.generateKeyPair(r);
      byte[] m = message(r);
      keys.add(i < 3 ? sharedKey : G2PublicKey.of(kp.publicKey()));
      messages.add(m);
      sigs.add(Bn254Bls.sign(kp.secretKey(), m, DOMAIN));
    }
    assertThat(Bn254Bls.verifyBatch(keys, messages, sigs, DOMAIN, r)).isTrue();
    for (int bad = 0; bad < 5; bad++) {
      List<G1Point> wrong = new ArrayList<>(sigs);
      wrong.set(bad, sigs.get(bad).add(G1Point.generator()));
      assertThat(Bn254Bls.verifyBatch(keys, messages, wrong, DOMAIN, r))
          .as("bad %d", bad)
          .isFalse();
    }
    int bad = r.nextInt(5);
    List<G1Point> wrong = new ArrayList<>(sigs);
    wrong.set(bad, sigs.get(bad).add(G1Point.generator())); // on the curve, in G1, not a signature
    assertThat(Bn254Bls.verifyBatch(keys, messages, wrong, DOMAIN, r)).isFalse();
    // a signature that makes up for another's error still fails: the weights are random
    List<G1Point> compensated = new ArrayList<>(wrong);
    int other = (bad + 1) % 5;
    compensated.set(other, sigs.get(other).add(G1Point.generator().negate()));
    assertThat(Bn254Bls.verifyBatch(keys, messages, compensated, DOMAIN, r)).isFalse();
    List<G2PublicKey> withInfinity = new ArrayList<>(keys);
    withInfinity.set(0, G2PublicKey.of(G2Point.infinity()));
    assertThat(Bn254Bls.verifyBatch(withInfinity, messages, sigs, DOMAIN, r)).isFalse();
  }

  @Property(tries = 25)
  void aggregateOfSignaturesVerifiesAgainstAggregateOfKeys(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int signers) {
    Random r = new Random(seed);
    byte[] msg = message(r);
    List<G1Point> sigs = new ArrayList<>();
    List<G2Point> keys = new ArrayList<>();
    BigInteger skSum = BigInteger.ZERO;
    for (int i = 0; i < signers; i++) {
      Bn254KeyPair kp = Bn254Bls.generateKeyPair(r);
      sigs.add(Bn254Bls.sign(kp.secretKey(), msg, DOMAIN));
      keys.add(kp.publicKey());
      skSum = skSum.add(kp.secretKey());
    }
    G1Point aggSig = Bn254Bls.aggregateSignatures(sigs);
    G2Point aggKey = Bn254Bls.aggregatePublicKeys(keys);
    // aggregate = sum: the aggregate equals a signature under the summed secret
    assertThat(aggSig).isEqualTo(HashToG1.hash(msg, DOMAIN).multiply(skSum));
    assertThat(aggKey).isEqualTo(G2Point.generator().multiply(skSum));
    assertThat(Bn254Bls.verify(aggKey, msg, aggSig, DOMAIN)).isTrue();
    assertThat(Bn254Bls.aggregateVerify(keys, msg, aggSig, DOMAIN)).isTrue();
  }

  @Property(tries = 20)
  void tamperedSignatureMessageOrDomainFails(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 31) int bit) {
    Random r = new Random(seed);
    byte[] msg = message(r);
    List<G1Point> sigs = new ArrayList<>();
    List<G2Point> keys = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Bn254KeyPair kp = Bn254Bls.generateKeyPair(r);
      sigs.add(Bn254Bls.sign(kp.secretKey(), msg, DOMAIN));
      keys.add(kp.publicKey());
    }
    G1Point agg = Bn254Bls.aggregateSignatures(sigs);
    byte[] otherMsg = msg.clone();
    otherMsg[bit] ^= (byte) (1 << (bit % 8));
    byte[] otherDomain = DOMAIN.clone();
    otherDomain[31 - bit] ^= 1;
    assertThat(Bn254Bls.aggregateVerify(keys, otherMsg, agg, DOMAIN)).isFalse();
    assertThat(Bn254Bls.aggregateVerify(keys, msg, agg, otherDomain)).isFalse();
    assertThat(Bn254Bls.aggregateVerify(keys, msg, agg.add(G1Point.generator()), DOMAIN)).isFalse();
    assertThat(Bn254Bls.aggregateVerify(keys, msg, sigs.get(0), DOMAIN)).isFalse();
    assertThat(Bn254Bls.aggregateVerify(keys.subList(0, 2), msg, agg, DOMAIN)).isFalse();
  }

  @Test
  void typedApiRoundTripsThroughEncodings() {
    Bn254KeyPair kp = Bn254Bls.generateKeyPair(new Random(77));
    byte[] msg = message(new Random(78));
    G1Point sig = Bn254Bls.sign(kp.secretKey(), msg, DOMAIN);
    G1Point decodedSig = G1Point.fromBytes(sig.toBytes(), "signature");
    G2Point decodedKey = G2Point.fromEvmBytes(kp.publicKey().toEvmBytes(), "publicKey");
    G2Point fromChain = G2Point.fromUint256Array(kp.publicKey().toUint256Array(), "blsKey");
    assertThat(Bn254Bls.verify(decodedKey, msg, decodedSig, DOMAIN)).isTrue();
    assertThat(
            Bn254Bls.verify(
                fromChain, msg, G1Point.fromUint256Array(sig.toUint256Array(), "s"), DOMAIN))
        .isTrue();
  }
}
