package io.bridgescope.devnet.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.lifecycle.ExitStatus;
import io.bridgescope.core.lifecycle.LifecycleService;
import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.proof.ExitProof;
import io.bridgescope.core.proof.ProofBuilder;
import io.bridgescope.core.proof.ProofException;
import io.bridgescope.core.proof.StateSyncProof;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.store.rows.VerdictRow;
import io.bridgescope.core.store.rows.VerdictStatus;
import io.bridgescope.core.verify.Verifier;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.DefaultBlockParameterName;

/** Verifier, proof builder and lifecycle service against a real devnet, indexed into SQLite. */
@Tag("devnet")
class VerifyDevnetTest {

  private static final BigInteger FOUR = BigInteger.valueOf(4);

  @TempDir Path work;

  @Test
  void healthyDevnetVerifiesProofsPassOnChainAndTamperingIsFlagged() throws Exception {
    try (Devnet d = Devnet.start(DevnetConfig.defaults(), DevnetHome.locate(), work, m -> {})) {
      awaitCheckpoints(d, 3);
      NetworkProfile p = d.profile();
      Database db = Database.open(work.resolve("index.db"));
      try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
          Indexer ix = new Indexer(p, db, w, Duration.ofMillis(200))) {
        ix.catchUp();
        Verifier v = Verifier.forProfile(p, db, w);
        v.verifyPending();
        List<VerdictRow> all = verdicts(db);
        long commitments = db.read(c -> new CommitmentDao(c).count());
        assertThat(all).hasSizeGreaterThanOrEqualTo((int) commitments + 3);
        for (VerdictRow r : all) {
          // Only the newest subjects may wait for data the other chain's index has not reached.
          if (r.status() == VerdictStatus.PENDING) {
            assertThat(r.reason()).containsAnyOf("not all indexed yet", "is indexed to block");
          } else {
            assertThat(r.status())
                .as(r.kind() + " " + r.subjectTx() + ": " + r.reason())
                .isEqualTo(VerdictStatus.VERIFIED);
          }
        }
        assertThat(all.stream().filter(r -> r.status() == VerdictStatus.VERIFIED).count())
            .isGreaterThanOrEqualTo(commitments + 1);

        ProofBuilder proofs = new ProofBuilder(db, p.contracts(), p.epochSize());
        LifecycleService life = new LifecycleService(db, p.epochSize(), Clock.systemUTC());
        exitProofsPassOnChain(d, db, proofs, life);
        stateSyncProofMatchesTheChildChain(d, db, proofs);
        tamperedRowsAreFlagged(db, w, v, proofs);
      }
    }
  }

  private static void exitProofsPassOnChain(
      Devnet d, Database db, ProofBuilder proofs, LifecycleService life) {
    List<ExitStatus> ready = new ArrayList<>();
    for (ExitStatus s : life.exits(Optional.empty(), 500)) {
      if (s.exit().id().mod(FOUR).signum() == 0 && s.stage() == Stage.CHECKPOINTED) {
        ready.add(s);
      }
    }
    assertThat(ready).as("checkpointed exits the demo leaves for the user").isNotEmpty();
    assertThat(ready.get(0).status().reason()).startsWith("ready to withdraw");
    Address caller = firstAccount(d);
    for (ExitStatus s : ready) {
      ExitProof proof = proofs.exitProof(s.exit().id(), d.root());
      assertThat(proof.checkedOnChain()).isTrue();
      // eth_call reverts with the contract's reason if the proof or root were wrong.
      d.root()
          .call(
              caller,
              d.contracts().exitHelper(),
              proof.exitCalldata(),
              DefaultBlockParameterName.LATEST);
    }
    System.out.println("exit proofs accepted by ExitHelper.exit (eth_call): " + ready.size());
  }

  private static void stateSyncProofMatchesTheChildChain(
      Devnet d, Database db, ProofBuilder proofs) {
    StateSyncProof proof = proofs.stateSyncProof(BigInteger.ONE, d.child());
    assertThat(proof.checkedOnChain()).isTrue();
    assertThat(proof.commitment().startId()).isEqualTo(BigInteger.ONE);
    // Already executed by the relayer: the contract accepts the proof and then refuses the replay.
    assertThatThrownBy(
            () ->
                d.child()
                    .call(
                        firstAccount(d),
                        d.contracts().stateReceiver(),
                        proof.executeCalldata(),
                        DefaultBlockParameterName.LATEST))
        .hasMessageContaining("STATE_SYNC_IS_PROCESSED");
  }

  private static void tamperedRowsAreFlagged(
      Database db, StoreWriter w, Verifier v, ProofBuilder proofs) {
    CommitmentRow first = db.read(c -> new CommitmentDao(c).covering(BigInteger.ONE)).orElseThrow();
    w.submit(
            Batch.of(
                c ->
                    c.createStatement()
                        .executeUpdate(
                            "UPDATE state_syncs SET data = x'deadbeef' WHERE id = (SELECT min(id)"
                                + " FROM state_syncs)")))
        .join();
    VerdictRow cv = v.verifyCommitment(first.event().txHash()).orElseThrow();
    assertThat(cv.status()).isEqualTo(VerdictStatus.MISMATCH);
    assertThat(cv.reason()).startsWith("root mismatch").contains("state syncs " + first.startId());
    proofs.invalidate();
    assertThatThrownBy(() -> proofs.stateSyncProof(BigInteger.ONE))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("root mismatch");

    CheckpointRow cp = db.read(c -> new CheckpointDao(c).latest()).orElseThrow();
    w.submit(
            Batch.of(
                c -> {
                  var ps =
                      c.prepareStatement(
                          "UPDATE checkpoints SET event_root = ? WHERE submit_tx = ?");
                  ps.setBytes(1, Hash32.of("0x" + "ab".repeat(32)).bytes());
                  ps.setBytes(2, cp.submitTx().bytes());
                  ps.executeUpdate();
                  ps.close();
                }))
        .join();
    VerdictRow kv = v.verifyCheckpoint(cp.submitTx()).orElseThrow();
    assertThat(kv.status()).isEqualTo(VerdictStatus.MISMATCH);
    assertThat(kv.reason()).contains("exit root mismatch");
    System.out.println("tampered commitment: " + cv.reason());
    System.out.println("tampered checkpoint: " + kv.reason());
  }

  private static List<VerdictRow> verdicts(Database db) {
    List<VerdictRow> out = new ArrayList<>();
    for (VerdictKind k : VerdictKind.values()) {
      for (VerdictStatus s : VerdictStatus.values()) {
        out.addAll(db.read(c -> new VerdictDao(c).withStatus(k, s, 10_000)));
      }
    }
    return out;
  }

  private static Address firstAccount(Devnet d) {
    List<?> accounts = (List<?>) d.root().rpc("eth_accounts", List.of());
    return Address.of(accounts.get(0).toString());
  }

  private static void awaitCheckpoints(Devnet d, int n) {
    await(n + " checkpoints accepted")
        .atMost(Duration.ofSeconds(240))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> d.status().checkpoints() >= n);
  }
}
