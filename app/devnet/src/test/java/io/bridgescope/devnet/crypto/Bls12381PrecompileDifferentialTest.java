package io.bridgescope.devnet.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.model.Hex;
import io.bridgescope.crypto.bls.Bls12381Scheme;
import io.bridgescope.crypto.bls.BlsKeyPair;
import io.bridgescope.crypto.bn254.HashToG1;
import io.bridgescope.devnet.crypto.AnvilReferee.Call;
import io.bridgescope.devnet.crypto.AnvilReferee.Reply;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * {@link Bls12381Scheme} (jblst) against anvil's EIP-2537 precompiles: signatures verified through
 * BLS12_PAIRING_CHECK (0x0f) as {@code e(-G1, sig) · e(pk, H(m)) == 1}, with H(m) rebuilt
 * independently of jblst from expand_message_xmd and BLS12_MAP_FP2_TO_G2 (0x11) + BLS12_G2ADD
 * (0x0d), and key aggregation checked with BLS12_G1ADD (0x0b).
 */
@Tag("devnet")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Bls12381PrecompileDifferentialTest {

  private static final BigInteger P =
      new BigInteger(
          "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
          16);

  private final long seed = Long.getLong("bs.diff.seed", System.nanoTime());
  private final Random rnd = new Random(seed);
  private final Bls12381Scheme scheme = new Bls12381Scheme();
  private final SecureRandom keyRandom = new SecureRandom();
  private AnvilReferee anvil;

  @BeforeAll
  void start() {
    System.out.println("Bls12381PrecompileDifferentialTest seed " + seed);
    anvil = AnvilReferee.start("diff-bls12");
  }

  @AfterAll
  void stop() {
    if (anvil != null) {
      anvil.close();
    }
  }

  /** EIP-2537 Fp: 64 bytes, 16 zero bytes then the 48-byte big-endian value. */
  private static byte[] fp(byte[] be48, int offset) {
    byte[] out = new byte[64];
    System.arraycopy(be48, offset, out, 16, 48);
    return out;
  }

  private static byte[] fp(BigInteger v) {
    byte[] out = new byte[64];
    byte[] b = v.toByteArray();
    int n = Math.min(b.length, 48);
    System.arraycopy(b, b.length - n, out, 64 - n, n);
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** blst's uncompressed G1 {@code x ‖ y} (48 each) to EIP-2537's 128 bytes. */
  static byte[] g1(P1_Affine p) {
    byte[] s = p.serialize();
    return concat(fp(s, 0), fp(s, 48));
  }

  /**
   * blst's uncompressed G2 is the ZCash order {@code x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0}; EIP-2537 wants
   * {@code x.c0 ‖ x.c1 ‖ y.c0 ‖ y.c1}.
   */
  static byte[] g2(P2_Affine p) {
    byte[] s = p.serialize();
    return concat(fp(s, 48), fp(s, 0), fp(s, 144), fp(s, 96));
  }

  private String randomAsciiDomain() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_:-0123456789";
    StringBuilder b = new StringBuilder();
    for (int i = 0, n = 8 + rnd.nextInt(40); i < n; i++) {
      b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  private record Case(
      byte[] publicKey, byte[] message, byte[] signature, String domain, boolean truth) {}

  @Test
  void signaturesVerifiedByPairingPrecompile0x0fAgreeWithScheme() {
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      // plain-ASCII domains reach jblst unchanged, so H(m) below uses the same DST as the scheme
      String domain =
          i % 3 == 0 ? "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_" : randomAsciiDomain();
      byte[] dom = domain.getBytes(StandardCharsets.US_ASCII);
      BlsKeyPair key = scheme.generateKeyPair(keyRandom);
      byte[] message = randomBytes(rnd.nextInt(100));
      byte[] sig = scheme.sign(key.secretKey(), message, dom);
      boolean truth = i % 2 == 0;
      byte[] pk = key.publicKey();
      if (!truth) {
        switch (rnd.nextInt(3)) {
          case 0 -> message = concat(message, new byte[] {(byte) rnd.nextInt()});
          case 1 -> pk = scheme.generateKeyPair(keyRandom).publicKey();
          default -> sig = scheme.sign(key.secretKey(), concat(message, new byte[] {7}), dom);
        }
      }
      cases.add(new Case(pk, message, sig, domain, truth));
    }
    byte[] minusG1 = g1(P1.generator().neg().to_affine());
    List<Call> calls = new ArrayList<>();
    for (Case c : cases) {
      P2_Affine h = new P2().hash_to(c.message(), c.domain()).to_affine();
      calls.add(
          new Call(
              AnvilReferee.precompile(0x0f),
              concat(
                  minusG1,
                  g2(new P2_Affine(c.signature())),
                  g1(new P1_Affine(c.publicKey())),
                  g2(h))));
    }
    List<Reply> replies = anvil.callAll(calls);
    int trues = 0;
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Reply r = replies.get(i);
      String as =
          "case %d: pk %s message %s sig %s domain %s input %s"
              .formatted(
                  i,
                  Hex.encode(c.publicKey()),
                  Hex.encode(c.message()),
                  Hex.encode(c.signature()),
                  c.domain(),
                  Hex.encode(calls.get(i).data()));
      assertThat(r.ok()).as(as + " " + r.hex()).isTrue();
      boolean precompile = new BigInteger(1, r.output()).equals(BigInteger.ONE);
      boolean ours =
          scheme.verify(
              c.publicKey(),
              c.message(),
              c.signature(),
              c.domain().getBytes(StandardCharsets.US_ASCII));
      assertThat(ours).as(as + " precompile: " + precompile).isEqualTo(precompile);
      assertThat(precompile).as(as).isEqualTo(c.truth());
      trues += precompile ? 1 : 0;
    }
    assertThat(trues).isEqualTo(40);
  }

  /**
   * RFC 9380 hash_to_curve for G2 rebuilt from the precompiles: u0, u1 from expand_message_xmd
   * (SHA-256, 256 bytes, four 64-byte integers mod p), then MAP_FP2_TO_G2(u0) + MAP_FP2_TO_G2(u1)
   * (the precompile clears the cofactor, which is linear). The sum must equal jblst's hash_to, the
   * H(m) every signature of the scheme is checked against.
   */
  @Test
  void hashToG2EqualsMapFp2ToG2PrecompilesSum() {
    int n = 60;
    List<byte[]> messages = new ArrayList<>();
    List<String> domains = new ArrayList<>();
    List<Call> maps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] message = randomBytes(rnd.nextInt(200));
      String domain = randomAsciiDomain();
      byte[] uniform =
          HashToG1.expandMessageXmd(message, domain.getBytes(StandardCharsets.US_ASCII), 256);
      BigInteger[] e = new BigInteger[4];
      for (int j = 0; j < 4; j++) {
        e[j] = new BigInteger(1, Arrays.copyOfRange(uniform, 64 * j, 64 * j + 64)).mod(P);
      }
      maps.add(new Call(AnvilReferee.precompile(0x11), concat(fp(e[0]), fp(e[1]))));
      maps.add(new Call(AnvilReferee.precompile(0x11), concat(fp(e[2]), fp(e[3]))));
      messages.add(message);
      domains.add(domain);
    }
    List<Reply> mapped = anvil.callAll(maps);
    List<Call> adds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      assertThat(mapped.get(2 * i).ok()).as(mapped.get(2 * i).hex()).isTrue();
      assertThat(mapped.get(2 * i + 1).ok()).as(mapped.get(2 * i + 1).hex()).isTrue();
      adds.add(
          new Call(
              AnvilReferee.precompile(0x0d),
              concat(mapped.get(2 * i).output(), mapped.get(2 * i + 1).output())));
    }
    List<Reply> sums = anvil.callAll(adds);
    for (int i = 0; i < n; i++) {
      String ours = Hex.encode(g2(new P2().hash_to(messages.get(i), domains.get(i)).to_affine()));
      assertThat(sums.get(i).hex())
          .as("hash_to G2 of %s with DST %s", Hex.encode(messages.get(i)), domains.get(i))
          .isEqualTo(ours);
    }
  }

  @Test
  void aggregatePublicKeysAgreesWithG1AddPrecompile0x0b() {
    List<Call> calls = new ArrayList<>();
    List<byte[]> ours = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      byte[] a = scheme.generateKeyPair(keyRandom).publicKey();
      byte[] b = i % 10 == 0 ? a : scheme.generateKeyPair(keyRandom).publicKey();
      calls.add(
          new Call(
              AnvilReferee.precompile(0x0b), concat(g1(new P1_Affine(a)), g1(new P1_Affine(b)))));
      ours.add(g1(new P1_Affine(scheme.aggregatePublicKeys(List.of(a, b)))));
    }
    List<Reply> replies = anvil.callAll(calls);
    for (int i = 0; i < calls.size(); i++) {
      assertThat(replies.get(i).hex())
          .as("G1ADD " + Hex.encode(calls.get(i).data()))
          .isEqualTo(Hex.encode(ours.get(i)));
    }
  }
}
