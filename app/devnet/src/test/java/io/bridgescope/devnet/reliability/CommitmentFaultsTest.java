package io.bridgescope.devnet.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.bridge.BridgeMessages;
import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.bridge.StateSyncCommitment;
import io.bridgescope.core.bridge.Validator;
import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CommitSignature;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.VerdictRow;
import io.bridgescope.core.store.rows.VerdictStatus;
import io.bridgescope.core.verify.Verifier;
import io.bridgescope.crypto.bls.Bn254EdgeScheme;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import io.bridgescope.crypto.merkle.MerkleTree;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetConfig.CommitmentFaults;
import io.bridgescope.devnet.DevnetHome;
import io.bridgescope.devnet.ValidatorSimulator;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;

/**
 * The devnet's commitment fault knobs put bad commitments on the child that the chain accepts: a
 * wrong root (every 2nd), a signature that includes a key outside the validator set (every 3rd),
 * and signers holding no more than 2/3 of the power (every 5th). Each is checked against the chain
 * itself (the commit input, the root rebuilt from the root chain's StateSynced logs, the validator
 * set), then against the indexer's rows, and finally each is flagged by the verifier.
 */
@Tag("devnet")
class CommitmentFaultsTest {

  private static final CommitmentFaults FAULTS = new CommitmentFaults(2, 3, 5);
  private static final int COMMITMENTS = 7;

  @TempDir Path work;

  /** One NewCommitment with what its commit transaction carried. */
  private record OnChain(
      int n,
      Hash32 tx,
      StateSyncCommitment c,
      byte[] signature,
      List<byte[]> keys,
      byte[] bitmap) {}

  @Test
  void eachCommitmentFaultLandsOnChainAndIsIndexedWithItsSignatureData() throws Exception {
    DevnetConfig cfg =
        DevnetConfig.defaults().toBuilder()
            .commitEvery(2)
            .commitInterval(Duration.ofSeconds(1))
            .commitmentFaults(FAULTS)
            .build();
    try (Devnet d = Devnet.start(cfg, DevnetHome.locate(), work, m -> {})) {
      // A checkpoint puts the validator set on the root, where the verifier reads it.
      await(COMMITMENTS + " commitments and a checkpoint")
          .atMost(Duration.ofSeconds(240))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> d.status().commitments() >= COMMITMENTS && d.status().checkpoints() >= 1);
      assertThat(d.status().commitments()).isGreaterThanOrEqualTo(COMMITMENTS);
      List<OnChain> commits = commitsOnChain(d);
      Map<BigInteger, StateSync> syncs = new HashMap<>();
      for (Log l :
          d.root()
              .logs(
                  d.contracts().stateSender(),
                  List.of(BridgeEvents.STATE_SYNCED),
                  0,
                  d.root().blockNumber())) {
        StateSync s = BridgeEvents.stateSync(l);
        syncs.put(s.id(), s);
      }
      ValidatorSimulator v = d.validators();
      List<byte[]> validatorKeys = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        validatorKeys.add(v.publicKey(i));
      }
      Bn254EdgeScheme bls = new Bn254EdgeScheme();
      int[] seen = new int[3];
      for (OnChain oc : commits.subList(0, COMMITMENTS)) {
        String what = "commitment #" + oc.n() + " " + oc.c().startId() + ".." + oc.c().endId();
        boolean rootMatches = oc.c().root().equals(rebuiltRoot(syncs, oc.c()));
        boolean outsider = oc.keys().stream().anyMatch(k -> !containsKey(validatorKeys, k));
        boolean quorum = signedPower(v.validatorSet(), oc.bitmap()).compareTo(threshold(v)) > 0;
        assertThat(rootMatches)
            .as("%s root is the range's tree", what)
            .isNotEqualTo(FAULTS.wrongRoot(oc.n()));
        assertThat(outsider)
            .as("%s has a non-validator key", what)
            .isEqualTo(FAULTS.nonValidator(oc.n()));
        assertThat(quorum)
            .as("%s signers hold > 2/3", what)
            .isNotEqualTo(FAULTS.belowQuorum(oc.n()));
        assertThat(
                bls.aggregateVerify(
                    oc.keys(),
                    BridgeMessages.commitmentMessage(oc.c()),
                    oc.signature(),
                    BridgeMessages.domainStateReceiver()))
            .as(
                "%s aggregate signature verifies against its keys (why the chain accepted it)",
                what)
            .isTrue();
        seen[0] += rootMatches ? 0 : 1;
        seen[1] += outsider ? 1 : 0;
        seen[2] += quorum ? 0 : 1;
        if (!rootMatches) {
          for (BigInteger id = oc.c().startId();
              id.compareTo(oc.c().endId()) <= 0;
              id = id.add(BigInteger.ONE)) {
            byte[] processed =
                d.child()
                    .call(
                        d.contracts().stateReceiver(),
                        BridgeAbi.uintView("processedStateSyncs(uint256)", id));
            assertThat(new BigInteger(1, processed))
                .as("state sync %s under a wrong root cannot be executed", id)
                .isZero();
          }
        }
      }
      assertThat(seen)
          .as("wrong roots, outsider signatures, below-quorum")
          .containsExactly(3, 2, 1);
      assertThat(d.status().health()).doesNotContain("devnet-relayer");
      assertIndexed(d, commits.subList(0, COMMITMENTS));
    }
  }

  /**
   * The rows carry root and signature data exactly as committed, faulty ones included, and the
   * verifier flags each fault with its reason.
   */
  private void assertIndexed(Devnet d, List<OnChain> commits) {
    Database db = Database.open(work.resolve("index.db"));
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
        Indexer ix = new Indexer(d.profile(), db, w, Duration.ofMillis(100))) {
      ix.catchUp();
      assertRowsMatch(db, commits);
      Verifier verifier = Verifier.forProfile(d.profile(), db, w);
      for (OnChain oc : commits) {
        VerdictRow v = verifier.verifyCommitment(oc.tx()).orElseThrow();
        String what = "verdict on commitment #" + oc.n() + ": " + v.reason();
        int n = oc.n();
        VerdictStatus expected =
            FAULTS.wrongRoot(n)
                ? VerdictStatus.MISMATCH
                : FAULTS.nonValidator(n)
                    ? VerdictStatus.INVALID_SIGNATURE
                    : FAULTS.belowQuorum(n) ? VerdictStatus.NO_QUORUM : VerdictStatus.VERIFIED;
        assertThat(v.status()).as(what).isEqualTo(expected);
        assertThat(v.reason().contains("root mismatch")).as(what).isEqualTo(FAULTS.wrongRoot(n));
        assertThat(v.reason().contains("signature by a non-validator"))
            .as(what)
            .isEqualTo(FAULTS.nonValidator(n));
        assertThat(v.reason().contains("no quorum")).as(what).isEqualTo(FAULTS.belowQuorum(n));
      }
    }
  }

  private static void assertRowsMatch(Database db, List<OnChain> commits) {
    for (OnChain oc : commits) {
      Optional<CommitmentRow> row = db.read(c -> new CommitmentDao(c).covering(oc.c().startId()));
      assertThat(row).as("commitment #%d indexed", oc.n()).isPresent();
      assertThat(row.get().endId()).isEqualTo(oc.c().endId());
      assertThat(row.get().root()).isEqualTo(oc.c().root());
      CommitSignature s = row.get().signature().orElseThrow();
      assertThat(s.signature().value()).isEqualTo(oc.signature());
      assertThat(s.bitmap().value()).isEqualTo(oc.bitmap());
      assertThat(s.signerKeys().stream().map(Bytes::value).toList())
          .as("commitment #%d signer keys", oc.n())
          .containsExactlyElementsOf(oc.keys());
    }
  }

  /** NewCommitment logs in chain order with their decoded commit input. */
  private static List<OnChain> commitsOnChain(Devnet d) {
    List<Log> logs =
        d.child()
            .logs(
                d.contracts().stateReceiver(),
                List.of(BridgeEvents.NEW_COMMITMENT),
                0,
                d.child().blockNumber());
    List<OnChain> out = new ArrayList<>();
    for (Log l : logs) {
      Transaction tx =
          d.child()
              .transactions(List.of(Hash32.of(l.getTransactionHash())))
              .values()
              .iterator()
              .next();
      AbiReader r = AbiReader.ofCalldata(Hex.decode("commit input", tx.getInput()));
      AbiReader blob = new AbiReader(r.bytes("bitmap", 4));
      AbiReader keys = blob.tail("publicKeys", 0);
      int count = keys.arrayLength("publicKeys");
      AbiReader body = keys.arrayBody();
      List<byte[]> pks = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        pks.add(body.bytes("key", i));
      }
      out.add(
          new OnChain(
              out.size() + 1,
              Hash32.of(l.getTransactionHash()),
              BridgeEvents.newCommitment(l),
              r.bytes("signature", 3),
              pks,
              blob.bytes("bitmap", 1)));
    }
    return out;
  }

  private static Hash32 rebuiltRoot(Map<BigInteger, StateSync> syncs, StateSyncCommitment c) {
    List<byte[]> leaves = new ArrayList<>();
    for (BigInteger id = c.startId(); id.compareTo(c.endId()) <= 0; id = id.add(BigInteger.ONE)) {
      StateSync s = syncs.get(id);
      leaves.add(
          BridgeLeaves.stateSyncLeaf(id, s.sender().bytes(), s.receiver().bytes(), s.data()));
    }
    return new Hash32(MerkleTree.fromLeafHashes(leaves).root());
  }

  private static boolean containsKey(List<byte[]> keys, byte[] k) {
    return keys.stream().anyMatch(x -> Arrays.equals(x, k));
  }

  /** Voting power of the validators whose bit is set (LSB first, protocol.md "BLS"). */
  private static BigInteger signedPower(List<Validator> set, byte[] bitmap) {
    BigInteger p = BigInteger.ZERO;
    for (int i = 0; i < set.size(); i++) {
      if (i / 8 < bitmap.length && ((bitmap[i / 8] >> (i % 8)) & 1) == 1) {
        p = p.add(set.get(i).votingPower());
      }
    }
    return p;
  }

  private static BigInteger threshold(ValidatorSimulator v) {
    BigInteger total =
        v.validatorSet().stream()
            .map(Validator::votingPower)
            .reduce(BigInteger.ZERO, BigInteger::add);
    return total.shiftLeft(1).divide(BigInteger.valueOf(3));
  }
}
