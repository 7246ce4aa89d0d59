package io.bridgescope.devnet.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.bridge.BridgeMessages;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hex;
import io.bridgescope.crypto.bn254.Bn254Bls;
import io.bridgescope.crypto.bn254.Bn254KeyPair;
import io.bridgescope.crypto.bn254.G1Point;
import io.bridgescope.crypto.bn254.G2Point;
import io.bridgescope.crypto.bn254.HashToG1;
import io.bridgescope.devnet.crypto.AnvilReferee.Call;
import io.bridgescope.devnet.crypto.AnvilReferee.Reply;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Edge-flavour BLS from {@link Bn254Bls} against the devnet's on-chain BLS contract (the verifier
 * CheckpointManager uses): hashToPoint equals {@link HashToG1#hash}, and verifySingle /
 * verifyMultipleSameMsg agree with our verify and aggregateVerify on valid and tampered signatures.
 */
@Tag("devnet")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Bn254BlsContractDifferentialTest {

  private static final String HASH_TO_POINT = "hashToPoint(bytes32,bytes)";
  private static final String VERIFY_SINGLE = "verifySingle(uint256[2],uint256[4],uint256[2])";
  private static final String VERIFY_SAME_MSG =
      "verifyMultipleSameMsg(uint256[2],uint256[4][],uint256[2])";

  private final long seed = Long.getLong("bs.diff.seed", System.nanoTime());
  private final Random rnd = new Random(seed);
  private AnvilReferee anvil;
  private Address bls;

  @BeforeAll
  void start() {
    System.out.println("Bn254BlsContractDifferentialTest seed " + seed);
    anvil = AnvilReferee.start("diff-bls");
    bls = anvil.deploy("BLS", new byte[0]);
  }

  @AfterAll
  void stop() {
    if (anvil != null) {
      anvil.close();
    }
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  private byte[] randomMessage() {
    return randomBytes(
        switch (rnd.nextInt(4)) {
          case 0 -> 32;
          case 1 -> rnd.nextInt(8);
          case 2 -> 32 + rnd.nextInt(300);
          default -> rnd.nextInt(96);
        });
  }

  private byte[] randomDomain() {
    return switch (rnd.nextInt(3)) {
      case 0 -> BridgeMessages.domainStateReceiver();
      case 1 -> BridgeMessages.domainCheckpointManager();
      default -> randomBytes(32);
    };
  }

  private static AbiValue uints(BigInteger[] words) {
    return AbiValue.fixedArray(Arrays.stream(words).map(AbiValue::uint).toList());
  }

  @Test
  void hashToPointOnChainEqualsHashToG1() {
    List<byte[]> domains = new ArrayList<>();
    List<byte[]> messages = new ArrayList<>();
    domains.add(new byte[32]);
    messages.add(new byte[0]);
    for (int i = 0; i < 250; i++) {
      domains.add(randomDomain());
      messages.add(randomMessage());
    }
    List<Reply> replies =
        anvil.callAll(
            IntStream.range(0, messages.size())
                .mapToObj(
                    i ->
                        new Call(
                            bls,
                            Abi.call(
                                HASH_TO_POINT,
                                AbiValue.bytes32(domains.get(i)),
                                AbiValue.bytes(messages.get(i)))))
                .toList());
    List<String> ours =
        IntStream.range(0, messages.size())
            .parallel()
            .mapToObj(i -> Hex.encode(HashToG1.hash(messages.get(i), domains.get(i)).toBytes()))
            .toList();
    for (int i = 0; i < messages.size(); i++) {
      assertThat(replies.get(i).hex())
          .as(
              "hashToPoint(domain %s, message %s)",
              Hex.encode(domains.get(i)), Hex.encode(messages.get(i)))
          .isEqualTo(ours.get(i));
    }
  }

  private record Case(
      G1Point signature, G2Point publicKey, byte[] message, byte[] domain, String label) {}

  @Test
  void verifySingleOnChainAgreesWithVerify() {
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      Bn254KeyPair key = Bn254Bls.generateKeyPair(rnd);
      byte[] domain = randomDomain();
      byte[] message = randomMessage();
      G1Point sig = Bn254Bls.sign(key.secretKey(), message, domain);
      switch (i % 4) {
        case 0, 1 -> cases.add(new Case(sig, key.publicKey(), message, domain, "valid"));
        case 2 -> {
          byte[] other = message.clone();
          if (other.length == 0) {
            other = new byte[] {1};
          } else {
            other[rnd.nextInt(other.length)] ^= (byte) (1 << rnd.nextInt(8));
          }
          cases.add(new Case(sig, key.publicKey(), other, domain, "other message"));
        }
        default -> {
          G2Point otherKey = Bn254Bls.generateKeyPair(rnd).publicKey();
          G1Point otherSig = rnd.nextBoolean() ? sig : sig.add(G1Point.generator());
          cases.add(
              new Case(
                  otherSig,
                  otherSig == sig ? otherKey : key.publicKey(),
                  message,
                  domain,
                  "other key or signature"));
        }
      }
    }
    List<Reply> replies =
        anvil.callAll(
            cases.stream()
                .map(
                    c ->
                        new Call(
                            bls,
                            Abi.call(
                                VERIFY_SINGLE,
                                uints(c.signature().toUint256Array()),
                                uints(c.publicKey().toUint256Array()),
                                uints(HashToG1.hash(c.message(), c.domain()).toUint256Array()))))
                .toList());
    List<Boolean> ours =
        cases.parallelStream()
            .map(c -> Bn254Bls.verify(c.publicKey(), c.message(), c.signature(), c.domain()))
            .toList();
    int valid = 0;
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Reply r = replies.get(i);
      String as =
          "verifySingle case %d (%s): sig %s key %s message %s domain %s"
              .formatted(
                  i,
                  c.label(),
                  Hex.encode(c.signature().toBytes()),
                  Hex.encode(c.publicKey().toEvmBytes()),
                  Hex.encode(c.message()),
                  Hex.encode(c.domain()));
      assertThat(r.ok()).as(as + " " + r.hex()).isTrue();
      AbiReader out = new AbiReader(r.output());
      // this contract documents (callSuccess, checkResult)
      assertThat(out.bool("callSuccess", 0)).as(as).isTrue();
      boolean onChain = out.bool("checkResult", 1);
      assertThat(ours.get(i)).as(as + " on chain: " + onChain).isEqualTo(onChain);
      assertThat(onChain).as(as).isEqualTo(c.label().equals("valid"));
      valid += onChain ? 1 : 0;
    }
    assertThat(valid).isEqualTo(60);
  }

  @Test
  void verifyMultipleSameMsgOnChainAgreesWithAggregateVerify() {
    List<Bn254KeyPair> keys =
        IntStream.range(0, 12).mapToObj(i -> Bn254Bls.generateKeyPair(rnd)).toList();
    int n = 40;
    List<List<G2Point>> keySets = new ArrayList<>();
    List<G1Point> aggregates = new ArrayList<>();
    List<byte[]> messages = new ArrayList<>();
    List<byte[]> domains = new ArrayList<>();
    List<Boolean> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] message = randomMessage();
      byte[] domain = randomDomain();
      List<Bn254KeyPair> signers = new ArrayList<>(keys);
      java.util.Collections.shuffle(signers, rnd);
      signers = signers.subList(0, 1 + rnd.nextInt(keys.size()));
      List<G1Point> sigs =
          signers.stream().map(k -> Bn254Bls.sign(k.secretKey(), message, domain)).toList();
      List<G2Point> pks = new ArrayList<>(signers.stream().map(Bn254KeyPair::publicKey).toList());
      boolean truth = i % 2 == 0;
      if (!truth) {
        if (pks.size() > 1 && rnd.nextBoolean()) {
          pks.remove(rnd.nextInt(pks.size())); // a key whose signature is in the sum is missing
        } else {
          pks.add(keys.get(rnd.nextInt(keys.size())).publicKey()); // a key that did not sign
        }
      }
      keySets.add(pks);
      aggregates.add(Bn254Bls.aggregateSignatures(sigs));
      messages.add(message);
      domains.add(domain);
      expected.add(truth);
    }
    List<Reply> replies =
        anvil.callAll(
            IntStream.range(0, n)
                .mapToObj(
                    i ->
                        new Call(
                            bls,
                            Abi.call(
                                VERIFY_SAME_MSG,
                                uints(aggregates.get(i).toUint256Array()),
                                AbiValue.array(
                                    keySets.get(i).stream()
                                        .map(k -> uints(k.toUint256Array()))
                                        .toList()),
                                uints(
                                    HashToG1.hash(messages.get(i), domains.get(i))
                                        .toUint256Array()))))
                .toList());
    for (int i = 0; i < n; i++) {
      Reply r = replies.get(i);
      String as = "verifyMultipleSameMsg case " + i + " (" + keySets.get(i).size() + " keys)";
      assertThat(r.ok()).as(as + " " + r.hex()).isTrue();
      AbiReader out = new AbiReader(r.output());
      boolean onChain = out.bool("checkResult", 0);
      assertThat(out.bool("callSuccess", 1)).as(as).isTrue();
      boolean ours =
          Bn254Bls.aggregateVerify(
              keySets.get(i), messages.get(i), aggregates.get(i), domains.get(i));
      assertThat(ours).as(as + " on chain: " + onChain).isEqualTo(onChain);
      assertThat(onChain).as(as).isEqualTo(expected.get(i));
    }
  }
}
