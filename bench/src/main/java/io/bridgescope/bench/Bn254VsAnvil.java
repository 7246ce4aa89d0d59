package io.bridgescope.bench;

import io.bridgescope.crypto.Keccak;
import io.bridgescope.crypto.bn254.Bn254Bls;
import io.bridgescope.crypto.bn254.Bn254KeyPair;
import io.bridgescope.crypto.bn254.G1Point;
import io.bridgescope.crypto.bn254.G2Point;
import io.bridgescope.crypto.bn254.HashToG1;
import io.bridgescope.devnet.AnvilNode;
import io.bridgescope.devnet.DevnetHome;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The BN254 ratio measured interleaved (bench/bn254-vs-anvil.sh): our 100-signer aggregate
 * verify (key sum, hash-to-point, 2-pair check) and anvil's 0x08 2-pair check through eth_call,
 * alternated call by call, each timed on the wall clock, medians compared. Both sides meet the same
 * machine load at the same moments, so on a shared machine the ratio moves far less than between
 * the separate JMH runs of bn254-compare.sh; anvil's native code is the yardstick that makes runs
 * on different JDKs comparable.
 *
 * <p>{@code Bn254VsAnvil [calls] [rounds]}; precompile time = pairing call - empty call.
 */
public final class Bn254VsAnvil {

  private static volatile Object sink;

  private Bn254VsAnvil() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    SecureRandom random = new SecureRandom();
    byte[] domain = Keccak.keccak256("DOMAIN_STATE_RECEIVER".getBytes(StandardCharsets.US_ASCII));
    byte[] message = Keccak.keccak256(new byte[] {42});
    List<G2Point> keys = new ArrayList<>();
    List<G1Point> sigs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Bn254KeyPair kp = Bn254Bls.generateKeyPair(random);
      keys.add(kp.publicKey());
      sigs.add(Bn254Bls.sign(kp.secretKey(), message, domain));
    }
    G1Point aggregate = Bn254Bls.aggregateSignatures(sigs);
    if (!Bn254Bls.aggregateVerify(keys, message, aggregate, domain)) {
      throw new IllegalStateException("fixture does not verify");
    }
    try (AnvilNode anvil =
        AnvilNode.start(
            DevnetHome.locate().anvilBinary(),
            "bench",
            31337,
            Files.createTempDirectory("bs-bench-anvil"))) {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest pairing = request(anvil, pairingInput(message, domain, random));
      HttpRequest empty = request(anvil, new byte[0]);
      String one = "0x" + "0".repeat(63) + "1";
      if (!send(http, pairing).contains(one) || !send(http, empty).contains(one)) {
        throw new IllegalStateException("precompile 0x08 did not accept the fixture");
      }
      System.out.printf(
          "100-signer aggregate verify (ours, Java %s) vs anvil 0x08 2-pair check, interleaved,"
              + " %d calls per round%n",
          Runtime.version(), calls);
      double[][] r = new double[rounds][3];
      for (int round = 0; round <= rounds; round++) {
        double[][] t = new double[3][calls];
        for (int k = 0; k < calls; k++) {
          long s = System.nanoTime();
          sink = Bn254Bls.aggregateVerify(keys, message, aggregate, domain);
          t[0][k] = (System.nanoTime() - s) / 1e6;
          s = System.nanoTime();
          sink = send(http, pairing);
          t[1][k] = (System.nanoTime() - s) / 1e6;
          s = System.nanoTime();
          sink = send(http, empty);
          t[2][k] = (System.nanoTime() - s) / 1e6;
        }
        if (round == 0) {
          continue; // warm-up
        }
        for (int i = 0; i < 3; i++) {
          Arrays.sort(t[i]);
          r[round - 1][i] = t[i][calls / 2];
        }
        double anvilMs = r[round - 1][1] - r[round - 1][2];
        System.out.printf(
            "  round %d: ours %.3f ms, anvil 0x08 %.3f ms (%.3f - %.3f), ratio %.2f%n",
            round,
            r[round - 1][0],
            anvilMs,
            r[round - 1][1],
            r[round - 1][2],
            r[round - 1][0] / anvilMs);
      }
      double[] ours = new double[rounds];
      double[] ratio = new double[rounds];
      for (int i = 0; i < rounds; i++) {
        ours[i] = r[i][0];
        ratio[i] = r[i][0] / (r[i][1] - r[i][2]);
      }
      System.out.printf(
          "median of %d rounds: ours %.3f ms (aim <= 2 ms), ours / anvil %.2f (aim <= 1.5)%n",
          rounds, median(ours), median(ratio));
    }
  }

  /** e(sig, -G2) * e(H(m), pk) == 1 for one key: the bytes a verifier contract hands 0x08. */
  private static byte[] pairingInput(byte[] message, byte[] domain, SecureRandom random) {
    Bn254KeyPair key = Bn254Bls.generateKeyPair(random);
    G1Point sig = Bn254Bls.sign(key.secretKey(), message, domain);
    G1Point h = HashToG1.hash(message, domain);
    byte[] input = new byte[2 * 192];
    System.arraycopy(sig.toBytes(), 0, input, 0, 64);
    System.arraycopy(G2Point.generator().negate().toEvmBytes(), 0, input, 64, 128);
    System.arraycopy(h.toBytes(), 0, input, 192, 64);
    System.arraycopy(key.publicKey().toEvmBytes(), 0, input, 256, 128);
    return input;
  }

  private static HttpRequest request(AnvilNode anvil, byte[] input) {
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

  private static String send(HttpClient http, HttpRequest r) throws Exception {
    return http.send(r, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
