package io.bridgescope.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.bridge.BridgeMessages;
import io.bridgescope.core.bridge.StateSyncCommitment;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.proof.LeafQueries;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.ValidatorSetDao;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CommitSignature;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.PayloadKind;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.ValidatorSetRow;
import io.bridgescope.core.store.rows.ValidatorSetSource;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.store.rows.VerdictRow;
import io.bridgescope.core.store.rows.VerdictStatus;
import io.bridgescope.crypto.bls.BlsKeyPair;
import io.bridgescope.crypto.bls.Bn254EdgeScheme;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier against hand-built rows with real BN254 signatures. */
class VerifierTest {

  static final Bn254EdgeScheme BLS = new Bn254EdgeScheme();
  static final SecureRandom RANDOM = new SecureRandom(new byte[] {1});

  @TempDir Path dir;
  Database db;
  StoreWriter writer;
  Verifier verifier;
  List<BlsKeyPair> keys = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    db = Database.open(dir.resolve("t.db"));
    writer = new StoreWriter(db, Clock.systemUTC());
    verifier =
        new Verifier(
            db,
            writer,
            SchemeSupport.of(io.bridgescope.core.network.BlsSchemeName.BN254_EDGE),
            BigInteger.valueOf(31338),
            10,
            Clock.systemUTC());
    List<ValidatorEntry> set = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      BlsKeyPair k = BLS.generateKeyPair(RANDOM);
      keys.add(k);
      set.add(
          new ValidatorEntry(
              i, Address.ofLow(0x100 + i), onChainOrder(k.publicKey()), BigInteger.valueOf(100)));
    }
    write(
        c ->
            new ValidatorSetDao(c)
                .insert(
                    new ValidatorSetRow(
                        ValidatorSetSource.GENESIS, 0, Optional.empty(), set, ChainRole.ROOT, 1)));
    write(c -> new StateSyncDao(c).insert(List.of(sync(1), sync(2), sync(3))));
  }

  @AfterEach
  void tearDown() {
    writer.close();
  }

  @Test
  void aCorrectCommitmentSignedByAQuorumIsVerified() {
    Hash32 tx = commit(1, 3, List.of(0, 1, 2), Optional.empty());
    VerifySummary s = verifier.verifyPending();
    VerdictRow v = verdict(tx);
    assertThat(v.status()).as(v.reason()).isEqualTo(VerdictStatus.VERIFIED);
    assertThat(v.evidenceJson().orElseThrow())
        .contains(
            "\"leaves\":3",
            "\"signedPower\":\"300\"",
            "\"threshold\":\"266\"",
            "\"margin\":\"33\"");
    assertThat(s.commitments().get(VerdictStatus.VERIFIED)).isEqualTo(1);
    assertThat(verifier.verifyPending().total()).as("nothing left to verify").isZero();
  }

  @Test
  void aTamperedStateSyncIsAMismatch() {
    Hash32 tx = commit(1, 3, List.of(0, 1, 2), Optional.empty());
    verifier.verifyPending();
    write(
        c ->
            c.createStatement()
                .executeUpdate("UPDATE state_syncs SET data = x'ff' WHERE rowid = 2"));
    List<VerdictRow> heard = new ArrayList<>();
    try (AutoCloseable sub = verifier.subscribe(heard::add)) {
      verifier.verifyAll();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    VerdictRow v = verdict(tx);
    assertThat(v.status()).isEqualTo(VerdictStatus.MISMATCH);
    assertThat(v.reason()).startsWith("root mismatch").contains("state syncs 1..3");
    assertThat(heard).extracting(VerdictRow::status).containsExactly(VerdictStatus.MISMATCH);
  }

  @Test
  void belowQuorumIsNoQuorumEvenThoughTheSignatureIsValid() {
    Hash32 tx = commit(1, 3, List.of(0, 1), Optional.empty());
    verifier.verifyPending();
    VerdictRow v = verdict(tx);
    assertThat(v.status()).isEqualTo(VerdictStatus.NO_QUORUM);
    assertThat(v.reason()).contains("signers hold 200 of 400", "short by 67");
  }

  @Test
  void aSignerOutsideTheSetIsFlaggedAsNonValidator() {
    BlsKeyPair stranger = BLS.generateKeyPair(RANDOM);
    Hash32 tx = commit(1, 3, List.of(0, 1, 2), Optional.of(stranger));
    verifier.verifyPending();
    VerdictRow v = verdict(tx);
    assertThat(v.status()).isEqualTo(VerdictStatus.INVALID_SIGNATURE);
    assertThat(v.reason()).contains("signature by a non-validator: 1 signer key(s)");
  }

  @Test
  void missingStateSyncsLeaveTheCommitmentPendingThenItVerifies() {
    Hash32 tx = commit(1, 4, List.of(0, 1, 2, 3), Optional.empty());
    verifier.verifyPending();
    assertThat(verdict(tx).status()).isEqualTo(VerdictStatus.PENDING);
    assertThat(verdict(tx).reason()).contains("state syncs 1..4 are not all indexed yet (3 of 4)");
    write(c -> new StateSyncDao(c).insert(List.of(sync(4))));
    verifier.verifyPending();
    assertThat(verdict(tx).status()).isEqualTo(VerdictStatus.VERIFIED);
  }

  @Test
  void aShortfallWaitsWhileTheSetInForceIsNotOnTheRootYet() {
    // Child block 51 is in epoch 6; no checkpoint has told the root which set signs there.
    Hash32 tx =
        commit(1, 3, List.of(0, 1), Optional.empty(), BridgeMessages.domainStateReceiver(), 51);
    verifier.verifyPending();
    assertThat(verdict(tx).status()).isEqualTo(VerdictStatus.PENDING);
    assertThat(verdict(tx).reason()).contains("validator set for child epoch 6 is not known yet");
  }

  @Test
  void aSignatureOverAnotherMessageIsInvalid() {
    Hash32 tx =
        commit(1, 3, List.of(0, 1, 2), Optional.empty(), BridgeMessages.domainCheckpointManager());
    verifier.verifyPending();
    assertThat(verdict(tx).status()).isEqualTo(VerdictStatus.INVALID_SIGNATURE);
    assertThat(verdict(tx).reason()).contains("does not verify");
  }

  static Bytes onChainOrder(byte[] evm) {
    return Bytes.of(
        SchemeSupport.of(io.bridgescope.core.network.BlsSchemeName.BN254_EDGE)
            .schemeKey(Bytes.of(evm)));
  }

  static StateSyncRow sync(long id) {
    return new StateSyncRow(
        BigInteger.valueOf(id),
        Address.ofLow(0xaa),
        Address.ofLow(0xbb),
        Bytes.of(new byte[] {(byte) id, 2, 3}),
        PayloadKind.MESSAGE,
        Optional.empty(),
        new EventRef(id, 1_700_000_000L + id, hash(id), 0));
  }

  static Hash32 hash(long seed) {
    byte[] b = new byte[32];
    b[31] = (byte) seed;
    b[0] = 0x5e;
    return new Hash32(b);
  }

  private Hash32 commit(long start, long end, List<Integer> signers, Optional<BlsKeyPair> extra) {
    return commit(start, end, signers, extra, BridgeMessages.domainStateReceiver());
  }

  private Hash32 commit(
      long start, long end, List<Integer> signers, Optional<BlsKeyPair> extra, byte[] domain) {
    return commit(start, end, signers, extra, domain, 1 + start);
  }

  private Hash32 commit(
      long start,
      long end,
      List<Integer> signers,
      Optional<BlsKeyPair> extra,
      byte[] domain,
      long childBlock) {
    BigInteger s = BigInteger.valueOf(start);
    BigInteger e = BigInteger.valueOf(end);
    List<StateSyncRow> rows = new ArrayList<>();
    for (long id = start; id <= end; id++) {
      rows.add(sync(id));
    }
    Database tmp = Database.open(dir.resolve("leaves-" + start + "-" + end + ".db"));
    try (StoreWriter w = new StoreWriter(tmp, Clock.systemUTC())) {
      w.submit(Batch.of(c -> new StateSyncDao(c).insert(rows))).join();
    }
    Hash32 root = new Hash32(tmp.read(c -> LeafQueries.stateSyncLeaves(c, s, e)).root());
    byte[] msg = BridgeMessages.commitmentMessage(new StateSyncCommitment(s, e, root));
    List<BlsKeyPair> by = new ArrayList<>(signers.stream().map(keys::get).toList());
    extra.ifPresent(by::add);
    byte[] sig =
        BLS.aggregateSignatures(
            by.stream().map(k -> BLS.sign(k.secretKey(), msg, domain)).toList());
    Hash32 tx = hash(100 + start);
    CommitmentRow row =
        new CommitmentRow(
            s,
            e,
            root,
            Optional.of(
                new CommitSignature(
                    Bytes.of(sig),
                    by.stream().map(k -> Bytes.of(k.publicKey())).toList(),
                    Bytes.of(ValidatorBitmap.encode(signers)))),
            new EventRef(childBlock, 1_700_000_100L, tx, 0));
    write(c -> new CommitmentDao(c).insert(List.of(row)));
    return tx;
  }

  private VerdictRow verdict(Hash32 tx) {
    return db.read(c -> new VerdictDao(c).get(VerdictKind.COMMITMENT, tx)).orElseThrow();
  }

  private void write(io.bridgescope.core.store.WriteOp op) {
    writer.submit(Batch.of(op)).join();
  }
}
