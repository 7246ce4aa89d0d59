package io.bridgescope.bench;

import io.bridgescope.crypto.Keccak;
import io.bridgescope.crypto.bls.Bls12381Scheme;
import io.bridgescope.crypto.bls.BlsKeyPair;
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

/** Verifying one commitment-sized aggregate: {@code signers} keys, one message, one signature. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Bls12381Bench {

  @Param({"100"})
  public int signers;

  private final Bls12381Scheme scheme = new Bls12381Scheme();
  private final byte[] domain =
      Keccak.keccak256("DOMAIN_STATE_RECEIVER".getBytes(StandardCharsets.US_ASCII));
  private final byte[] message = Keccak.keccak256(new byte[] {42});
  private List<byte[]> publicKeys;
  private byte[] aggregate;

  @Setup
  public void setUp() {
    SecureRandom random = new SecureRandom();
    publicKeys = new ArrayList<>();
    List<byte[]> signatures = new ArrayList<>();
    for (int i = 0; i < signers; i++) {
      BlsKeyPair pair = scheme.generateKeyPair(random);
      publicKeys.add(pair.publicKey());
      signatures.add(scheme.sign(pair.secretKey(), message, domain));
      pair.destroy();
    }
    aggregate = scheme.aggregateSignatures(signatures);
    if (!scheme.aggregateVerify(publicKeys, message, aggregate, domain)) {
      throw new IllegalStateException("benchmark fixture does not verify");
    }
  }

  /**
   * Includes decoding and subgroup checks of every key, as a verifier of on-chain data pays them.
   */
  @Benchmark
  public boolean aggregateVerify() {
    return scheme.aggregateVerify(publicKeys, message, aggregate, domain);
  }
}
