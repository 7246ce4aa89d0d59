package io.bridgescope.bench;

import io.bridgescope.crypto.Keccak;
import io.bridgescope.crypto.bls.BlsKeyPair;
import io.bridgescope.crypto.bls.Bn254EdgeScheme;
import io.bridgescope.crypto.bn254.Bn254Bls;
import io.bridgescope.crypto.bn254.Bn254KeyPair;
import io.bridgescope.crypto.bn254.G1Point;
import io.bridgescope.crypto.bn254.G2Point;
import io.bridgescope.crypto.bn254.HashToG1;
import io.bridgescope.crypto.bn254.Pairing;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Edge-flavour BLS on BN254 (pure Java): one commitment-sized aggregate of {@code signers} keys, a
 * single signature, the bare 2-pair pairing check and hash-to-point. Times are sampled (SampleTime)
 * so the JSON result carries the median; hash-to-point is a throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xss4m")
public class Bn254Bench {

  @Param({"100"})
  public int signers;

  private final byte[] domain =
      Keccak.keccak256("DOMAIN_STATE_RECEIVER".getBytes(StandardCharsets.US_ASCII));
  private final byte[] message = Keccak.keccak256(new byte[] {42});
  private List<G2Point> publicKeys;
  private G1Point aggregate;
  private G1Point hashed;
  private G2Point aggregateKey;
  private G2Point single;
  private G1Point singleSignature;

  private final Bn254EdgeScheme scheme = new Bn254EdgeScheme();
  private List<byte[]> encodedKeys;
  private byte[] encodedAggregate;

  private final byte[] hashInput = new byte[32];
  private long counter;

  @Setup
  public void setUp() {
    SecureRandom random = new SecureRandom();
    publicKeys = new ArrayList<>();
    List<G1Point> signatures = new ArrayList<>();
    encodedKeys = new ArrayList<>();
    for (int i = 0; i < signers; i++) {
      Bn254KeyPair pair = Bn254Bls.generateKeyPair(random);
      publicKeys.add(pair.publicKey());
      encodedKeys.add(pair.publicKey().toEvmBytes());
      signatures.add(Bn254Bls.sign(pair.secretKey(), message, domain));
    }
    aggregate = Bn254Bls.aggregateSignatures(signatures);
    encodedAggregate = aggregate.toBytes();
    hashed = HashToG1.hash(message, domain);
    aggregateKey = Bn254Bls.aggregatePublicKeys(publicKeys);
    single = publicKeys.get(0);
    singleSignature = signatures.get(0);
    BlsKeyPair check = scheme.generateKeyPair(random);
    if (!Bn254Bls.aggregateVerify(publicKeys, message, aggregate, domain)
        || !scheme.aggregateVerify(encodedKeys, message, encodedAggregate, domain)
        || !pairingCheck2()
        || !aggregateVerifyPrehashed()
        || !verifySingle()
        || !scheme.verify(
            check.publicKey(), message, scheme.sign(check.secretKey(), message, domain), domain)) {
      throw new IllegalStateException("benchmark fixture does not verify");
    }
  }

  /**
   * The figure: sum of {@code signers} typed public keys, hash-to-point, and the 2-pairing
   * check {@code e(sig, -G2) · e(H(m), pk) == 1} (with -G2's lines precomputed).
   */
  @Benchmark
  public boolean aggregateVerify() {
    return Bn254Bls.aggregateVerify(publicKeys, message, aggregate, domain);
  }

  /**
   * What the noble referee measures: sum of the keys and a plain 2-pair {@link
   * Pairing#pairingCheck} with H(m) already known (no hash, nothing precomputed).
   */
  @Benchmark
  public boolean aggregateVerifyPrehashed() {
    G2Point key = Bn254Bls.aggregatePublicKeys(publicKeys);
    return Pairing.pairingCheck(
        List.of(aggregate, hashed), List.of(G2Point.generator().negate(), key));
  }

  /** As a verifier of on-chain bytes pays it: decoding, curve and subgroup checks of every key. */
  @Benchmark
  public boolean aggregateVerifyEncoded() {
    return scheme.aggregateVerify(encodedKeys, message, encodedAggregate, domain);
  }

  /** The bare 2-pair check, the same work as one eth_call of the 0x08 precompile with 2 pairs. */
  @Benchmark
  public boolean pairingCheck2() {
    return Pairing.pairingCheck(
        List.of(aggregate, hashed), List.of(G2Point.generator().negate(), aggregateKey));
  }

  @Benchmark
  public boolean verifySingle() {
    return Bn254Bls.verify(single, message, singleSignature, domain);
  }

  /** Edge's hash-to-G1 of a 32-byte message (a fresh one each call). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public G1Point hashToPoint() {
    long c = ++counter;
    for (int i = 0; i < 8; i++) {
      hashInput[i] = (byte) (c >>> (8 * i));
    }
    return HashToG1.hash(hashInput, domain);
  }
}
