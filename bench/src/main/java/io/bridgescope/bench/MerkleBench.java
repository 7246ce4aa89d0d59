package io.bridgescope.bench;

import io.bridgescope.crypto.Keccak;
import io.bridgescope.crypto.merkle.MerkleTree;
import java.util.Random;
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
 * Building a tree of {@code leaves} leaves against the floor it cannot beat: hashing the same
 * number of 64-byte inputs with the same keccak (a tree of n leaves makes n - 1 such hashes). The
 * ratio buildTree / hashInputs is the tree's overhead; the target is at most 1.3.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class MerkleBench {

  @Param({"1048576"})
  public int leaves;

  private byte[] leafHashes;
  private byte[] inputs;
  private byte[] outputs;
  private final Keccak keccak = Keccak.create();

  @Setup
  public void setUp() {
    Random random = new Random(1);
    leafHashes = new byte[leaves * 32];
    random.nextBytes(leafHashes);
    inputs = new byte[leaves * 64];
    random.nextBytes(inputs);
    outputs = new byte[leaves * 32];
  }

  @Benchmark
  public byte[] buildTree() {
    return MerkleTree.fromConcatenatedLeafHashes(leafHashes).root();
  }

  @Benchmark
  public byte[] hashInputs() {
    for (int i = 0; i < leaves; i++) {
      keccak.hash(inputs, i * 64, 64, outputs, i * 32);
    }
    return outputs;
  }
}
