package io.bridgescope.bench;

import io.bridgescope.crypto.bn254.Bn254Bls;
import io.bridgescope.crypto.bn254.Bn254KeyPair;
import io.bridgescope.crypto.bn254.G1Point;
import io.bridgescope.crypto.bn254.G2Point;
import io.bridgescope.crypto.bn254.HashToG1;
import io.bridgescope.devnet.AnvilNode;
import io.bridgescope.devnet.DevnetHome;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The referee for {@link Bn254Bench#pairingCheck2}: anvil's 0x08 precompile through eth_call. The
 * precompile's own time is {@code pairingCall - emptyCall}; {@code emptyCall} is an eth_call of
 * 0x08 with empty input (a pairing check of zero pairs), so HTTP, JSON and EVM set-up cancel out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnvilPairingBench {

  private AnvilNode anvil;
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpRequest pairing;
  private HttpRequest empty;

  @Setup(Level.Trial)
  public void start() throws Exception {
    anvil =
        AnvilNode.start(
            DevnetHome.locate().anvilBinary(),
            "bench",
            31337,
            Files.createTempDirectory("bs-bench-anvil"));
    SecureRandom random = new SecureRandom();
    byte[] domain = new byte[32];
    byte[] message = new byte[32];
    random.nextBytes(domain);
    random.nextBytes(message);
    Bn254KeyPair key = Bn254Bls.generateKeyPair(random);
    G1Point sig = Bn254Bls.sign(key.secretKey(), message, domain);
    G1Point h = HashToG1.hash(message, domain);
    // e(sig, -G2) · e(H(m), pk) == 1, exactly what a verifier contract hands the precompile
    byte[] input = new byte[2 * 192];
    System.arraycopy(sig.toBytes(), 0, input, 0, 64);
    System.arraycopy(G2Point.generator().negate().toEvmBytes(), 0, input, 64, 128);
    System.arraycopy(h.toBytes(), 0, input, 192, 64);
    System.arraycopy(key.publicKey().toEvmBytes(), 0, input, 256, 128);
    pairing = request(input);
    empty = request(new byte[0]);
    String one = "0x" + "0".repeat(63) + "1";
    if (!send(pairing).contains(one) || !send(empty).contains(one)) {
      throw new IllegalStateException("precompile 0x08 did not accept the fixture");
    }
  }

  private HttpRequest request(byte[] input) {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[{\"to\":"
            + "\"0x0000000000000000000000000000000000000008\",\"data\":\"0x"
            + HexFormat.of().formatHex(input)
            + "\"},\"latest\"]}";
    return HttpRequest.newBuilder(anvil.rpcUrl())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private String send(HttpRequest r) throws IOException, InterruptedException {
    return http.send(r, HttpResponse.BodyHandlers.ofString()).body();
  }

  @TearDown(Level.Trial)
  public void stop() {
    if (anvil != null) {
      anvil.close();
    }
  }

  /** eth_call of a 2-pair check (the same equation as Bn254Bench.pairingCheck2). */
  @Benchmark
  public String pairingCall() throws Exception {
    return send(pairing);
  }

  /** eth_call of 0x08 with no pairs: the round trip without the pairing work. */
  @Benchmark
  public String emptyCall() throws Exception {
    return send(empty);
  }
}
