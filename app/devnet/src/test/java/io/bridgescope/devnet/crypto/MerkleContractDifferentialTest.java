package io.bridgescope.devnet.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.BridgeMessages;
import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.bridge.StateSyncCommitment;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.crypto.Keccak;
import io.bridgescope.crypto.bn254.Bn254Bls;
import io.bridgescope.crypto.bn254.Bn254KeyPair;
import io.bridgescope.crypto.bn254.G1Point;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import io.bridgescope.crypto.merkle.MerkleProofs;
import io.bridgescope.crypto.merkle.MerkleTree;
import io.bridgescope.devnet.crypto.AnvilReferee.Call;
import io.bridgescope.devnet.crypto.AnvilReferee.Reply;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Our Merkle trees and proofs checked by the real devnet contracts, for every tree size 1..300:
 * StateReceiver.execute (Merkle.checkMembershipWithHeight) after a real, BLS-signed commit of our
 * root, and CheckpointManager.getEventMembershipByEpoch (Merkle.checkMembership) over our exit-tree
 * roots. Tampered proofs must fail on chain, and our MerkleProofs must give the same answers.
 */
@Tag("devnet")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MerkleContractDifferentialTest {

  private static final Address STATE_RECEIVER = Address.ofLow(0x1001);
  private static final Address BLS_PRECOMPILE = Address.ofLow(0x2030);
  private static final Address SYSTEM = Address.of("0xfffffffffffffffffffffffffffffffffffffffe");
  private static final int MAX_SIZE = 300;
  private static final int ALL_INDICES_UP_TO = 40;

  /** Storage slot of {@code CheckpointManager.checkpoints} (verified through its getter). */
  private static final int CHECKPOINTS_SLOT = 8;

  private final long seed = Long.getLong("bs.diff.seed", System.nanoTime());
  private final Random rnd = new Random(seed);
  private AnvilReferee anvil;
  private Address checkpointManager;

  @BeforeAll
  void start() {
    System.out.println("MerkleContractDifferentialTest seed " + seed);
    anvil = AnvilReferee.start("diff-merkle");
    anvil.place("StateReceiver", STATE_RECEIVER);
    anvil.place("BLSAggSigsVerification", BLS_PRECOMPILE);
    anvil.chain().rpc("anvil_impersonateAccount", List.of(SYSTEM.toString()));
    anvil
        .chain()
        .rpc(
            "anvil_setBalance",
            List.of(SYSTEM.toString(), "0x" + BigInteger.TEN.pow(24).toString(16)));
    checkpointManager = anvil.deploy("CheckpointManager", new byte[0]);
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

  /** Every index for small trees; else first, last and three random ones. */
  private TreeSet<Integer> indicesFor(int n) {
    TreeSet<Integer> idx = new TreeSet<>();
    if (n <= ALL_INDICES_UP_TO) {
      for (int i = 0; i < n; i++) {
        idx.add(i);
      }
    } else {
      idx.add(0);
      idx.add(n - 1);
      while (idx.size() < 5) {
        idx.add(rnd.nextInt(n));
      }
    }
    return idx;
  }

  private static List<Hash32> hashes(List<byte[]> proof) {
    return proof.stream().map(Hash32::new).toList();
  }

  private static byte[] flipBit(byte[] b, Random rnd) {
    byte[] c = b.clone();
    c[rnd.nextInt(c.length)] ^= (byte) (1 << rnd.nextInt(8));
    return c;
  }

  /** One proof presented on chain: what we expect and what MerkleProofs says about it. */
  private record Check(String label, boolean expected, boolean ours, byte[] calldata) {}

  @Test
  void stateReceiverExecuteAcceptsOurProofsAfterARealCommit() {
    Bn254KeyPair validator = Bn254Bls.generateKeyPair(rnd);
    byte[] signers =
        BridgeAbi.commitSignersBlob(List.of(validator.publicKey().toEvmBytes()), new byte[] {1});
    List<Check> checks = new ArrayList<>();
    BigInteger nextId = BigInteger.ONE;
    List<Hash32> commits = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int n = 1; n <= MAX_SIZE; n++) {
      List<StateSync> syncs = new ArrayList<>();
      List<byte[]> leaves = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        StateSync s =
            new StateSync(
                nextId.add(BigInteger.valueOf(i)),
                new Address(randomBytes(20)),
                new Address(randomBytes(20)),
                randomBytes(rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(200)));
        syncs.add(s);
        leaves.add(
            BridgeLeaves.stateSyncLeaf(s.id(), s.sender().bytes(), s.receiver().bytes(), s.data()));
      }
      MerkleTree tree = MerkleTree.fromLeafHashes(leaves);
      byte[] root = tree.root();
      StateSyncCommitment c =
          new StateSyncCommitment(nextId, nextId.add(BigInteger.valueOf(n - 1)), new Hash32(root));
      G1Point sig =
          Bn254Bls.sign(
              validator.secretKey(),
              BridgeMessages.commitmentMessage(c),
              BridgeMessages.domainStateReceiver());
      // sent back to back with fixed gas: anvil mines them in nonce order, each after the last
      commits.add(
          anvil
              .chain()
              .sendUnlocked(
                  SYSTEM,
                  STATE_RECEIVER,
                  BridgeAbi.commit(c, sig.toBytes(), signers),
                  null,
                  5_000_000L));

      for (int i : indicesFor(n)) {
        List<byte[]> proof = tree.proof(i);
        StateSync obj = syncs.get(i);
        byte[] leaf = leaves.get(i);
        String at = "size " + n + " index " + i;
        checks.add(
            new Check(
                at,
                true,
                MerkleProofs.checkMembershipWithHeight(leaf, i, n, root, proof),
                BridgeAbi.execute(hashes(proof), obj)));
        // one tampered variant per index, rotating through the kinds
        int kind = (n + i) % 4;
        if (n == 1) {
          kind = 1; // an empty proof has nothing to flip or drop, and no other leaf
        }
        switch (kind) {
          case 0 -> {
            List<byte[]> bad = new ArrayList<>(proof);
            int k = rnd.nextInt(bad.size());
            bad.set(k, flipBit(bad.get(k), rnd));
            checks.add(
                new Check(
                    at + " flipped sibling " + k,
                    false,
                    MerkleProofs.checkMembershipWithHeight(leaf, i, n, root, bad),
                    BridgeAbi.execute(hashes(bad), obj)));
          }
          case 1 -> {
            List<byte[]> bad = new ArrayList<>(proof);
            bad.add(randomBytes(32));
            checks.add(
                new Check(
                    at + " extra sibling",
                    false,
                    MerkleProofs.checkMembershipWithHeight(leaf, i, n, root, bad),
                    BridgeAbi.execute(hashes(bad), obj)));
          }
          case 2 -> {
            List<byte[]> bad = proof.subList(0, proof.size() - 1);
            checks.add(
                new Check(
                    at + " last sibling dropped",
                    false,
                    MerkleProofs.checkMembershipWithHeight(leaf, i, n, root, bad),
                    BridgeAbi.execute(hashes(bad), obj)));
          }
          default -> {
            int j = (i + 1 + rnd.nextInt(n - 1)) % n; // another leaf with this leaf's proof
            StateSync other = syncs.get(j);
            boolean ours = MerkleProofs.checkMembershipWithHeight(leaves.get(j), j, n, root, proof);
            checks.add(
                new Check(
                    at + " proof of index " + i + " for index " + j,
                    false,
                    ours,
                    BridgeAbi.execute(hashes(proof), other)));
          }
        }
      }
      nextId = nextId.add(BigInteger.valueOf(n));
    }
    List<Boolean> statuses = anvil.awaitStatuses(commits, Duration.ofSeconds(60));
    for (int n = 1; n <= MAX_SIZE; n++) {
      assertThat(statuses.get(n - 1))
          .as("commit of tree size " + n + ": " + commits.get(n - 1))
          .isTrue();
    }
    System.out.printf(
        "MerkleContractDifferentialTest: %d trees built, signed and committed in %d ms%n",
        MAX_SIZE, (System.nanoTime() - t0) / 1_000_000);

    List<Reply> replies =
        anvil.callAll(checks.stream().map(c -> new Call(STATE_RECEIVER, c.calldata())).toList());
    int accepted = 0;
    int rejected = 0;
    for (int k = 0; k < checks.size(); k++) {
      Check c = checks.get(k);
      Reply r = replies.get(k);
      String as = c.label() + " calldata " + Hex.encode(c.calldata()) + " -> " + r.hex();
      assertThat(r.ok()).as("on chain, " + as).isEqualTo(c.expected());
      if (!r.ok()) {
        assertThat(r.error()).as(as).contains("INVALID_PROOF");
      }
      assertThat(c.ours()).as("MerkleProofs, " + as).isEqualTo(c.expected());
      if (r.ok()) {
        accepted++;
      } else {
        rejected++;
      }
    }
    assertThat(accepted)
        .isGreaterThanOrEqualTo(ALL_INDICES_UP_TO * (ALL_INDICES_UP_TO + 1) / 2 + 260);
    assertThat(rejected).isGreaterThanOrEqualTo(MAX_SIZE);
  }

  private static BigInteger eventRootSlot(long epoch) {
    byte[] key = new byte[64];
    byte[] e = BigInteger.valueOf(epoch).toByteArray();
    System.arraycopy(e, 0, key, 32 - e.length, e.length);
    key[63] = CHECKPOINTS_SLOT;
    // Checkpoint {epoch, blockNumber, eventRoot}: eventRoot is the struct's third word
    return new BigInteger(1, Keccak.keccak256(key)).add(BigInteger.TWO);
  }

  @Test
  void checkpointManagerEventMembershipAcceptsOurExitProofs() {
    List<MerkleTree> trees = new ArrayList<>();
    List<List<Object>> stores = new ArrayList<>();
    for (int n = 1; n <= MAX_SIZE; n++) {
      List<byte[]> leaves = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        leaves.add(
            BridgeLeaves.exitLeaf(
                BigInteger.valueOf(rnd.nextInt(1 << 30)),
                randomBytes(20),
                randomBytes(20),
                randomBytes(rnd.nextInt(150))));
      }
      MerkleTree tree = MerkleTree.fromLeafHashes(leaves);
      trees.add(tree);
      // epoch n's checkpoint gets this tree's root as its event root
      stores.add(
          List.of(
              checkpointManager.toString(),
              "0x" + eventRootSlot(n).toString(16),
              Hex.encode(tree.root())));
    }
    anvil.rpcAll("anvil_setStorageAt", stores);
    // the slot arithmetic is right: the public getter returns the roots we wrote
    for (int n : List.of(1, 2, 150, MAX_SIZE)) {
      Reply r = anvil.call(checkpointManager, Abi.call("checkpoints(uint256)", AbiValue.uint(n)));
      assertThat(new AbiReader(r.output()).bytes32("eventRoot", 2).bytes())
          .isEqualTo(trees.get(n - 1).root());
    }

    String fn = "getEventMembershipByEpoch(uint256,bytes32,uint256,bytes32[])";
    List<Check> checks = new ArrayList<>();
    for (int n = 1; n <= MAX_SIZE; n++) {
      MerkleTree tree = trees.get(n - 1);
      byte[] root = tree.root();
      for (int i : indicesFor(n)) {
        List<byte[]> proof = tree.proof(i);
        byte[] leaf = tree.leaf(i);
        String at = "size " + n + " index " + i;
        checks.add(
            new Check(
                at,
                true,
                MerkleProofs.checkMembership(leaf, i, root, proof),
                call(fn, n, leaf, i, proof)));
        // index not used up by the proof: the contract (and we) must refuse it
        long beyond = i + (1L << proof.size());
        checks.add(
            new Check(
                at + " index + 2^len",
                false,
                MerkleProofs.checkMembership(leaf, beyond, root, proof),
                call(fn, n, leaf, beyond, proof)));
        byte[] badLeaf = flipBit(leaf, rnd);
        checks.add(
            new Check(
                at + " tampered leaf",
                false,
                MerkleProofs.checkMembership(badLeaf, i, root, proof),
                call(fn, n, badLeaf, i, proof)));
        if (!proof.isEmpty()) {
          List<byte[]> bad = new ArrayList<>(proof);
          int k = rnd.nextInt(bad.size());
          bad.set(k, flipBit(bad.get(k), rnd));
          checks.add(
              new Check(
                  at + " flipped sibling " + k,
                  false,
                  MerkleProofs.checkMembership(leaf, i, root, bad),
                  call(fn, n, leaf, i, bad)));
        }
        // the last node of an odd level is paired with itself, so flipping the index bit at that
        // level reaches the same root: checkMembership (no height) accepts such phantom indices.
        for (int level = 0; level < proof.size(); level++) {
          if (Arrays.equals(proof.get(level), tree.node(level, i >> level))) {
            long phantom = i ^ (1L << level);
            checks.add(
                new Check(
                    at + " phantom index " + phantom,
                    true,
                    MerkleProofs.checkMembership(leaf, phantom, root, proof),
                    call(fn, n, leaf, phantom, proof)));
            break;
          }
        }
      }
    }
    List<Reply> replies =
        anvil.callAll(checks.stream().map(c -> new Call(checkpointManager, c.calldata())).toList());
    int trues = 0;
    int falses = 0;
    for (int k = 0; k < checks.size(); k++) {
      Check c = checks.get(k);
      Reply r = replies.get(k);
      String as = c.label() + " calldata " + Hex.encode(c.calldata()) + " -> " + r.hex();
      assertThat(r.ok()).as(as).isTrue();
      boolean onChain = new AbiReader(r.output()).bool("result", 0);
      assertThat(onChain).as("on chain, " + as).isEqualTo(c.expected());
      assertThat(c.ours()).as("MerkleProofs, " + as).isEqualTo(onChain);
      if (onChain) {
        trues++;
      } else {
        falses++;
      }
    }
    assertThat(trues).isGreaterThanOrEqualTo(ALL_INDICES_UP_TO * (ALL_INDICES_UP_TO + 1) / 2 + 260);
    assertThat(falses).isGreaterThanOrEqualTo(3 * MAX_SIZE);
  }

  private static byte[] call(String fn, long epoch, byte[] leaf, long index, List<byte[]> proof) {
    return Abi.call(
        fn,
        AbiValue.uint(epoch),
        AbiValue.bytes32(leaf),
        AbiValue.uint(index),
        AbiValue.array(proof.stream().map(AbiValue::bytes32).toList()));
  }
}
