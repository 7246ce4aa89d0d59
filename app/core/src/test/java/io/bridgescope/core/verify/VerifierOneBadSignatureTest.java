package io.bridgescope.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.bridge.BridgeMessages;
import io.bridgescope.core.bridge.StateSyncCommitment;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.BlsSchemeName;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.proof.LeafQueries;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.ValidatorSetDao;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.WriteOp;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CommitSignature;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.EventRef;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Among many commitments signed by the whole set, exactly one carries a signature that is a valid
 * curve point but not a signature of its commitment: checked together in parallel batches, that one
 * and no other is INVALID_SIGNATURE, with the reason a one-by-one check gives it.
 */
class VerifierOneBadSignatureTest {

  private static final Bn254EdgeScheme BLS = new Bn254EdgeScheme();
  private static final SecureRandom RANDOM = new SecureRandom(new byte[] {9});
  private static final int VALIDATORS = 4;
  private static final int COMMITMENTS = 41;

  @TempDir Path dir;
  Database db;
  StoreWriter writer;
  final List<BlsKeyPair> keys = new ArrayList<>();
  final List<Hash32> order = new ArrayList<>();

  @BeforeEach
  void setUp() {
    db = Database.open(dir.resolve("t.db"));
    writer = new StoreWriter(db, Clock.systemUTC());
    List<ValidatorEntry> set = new ArrayList<>();
    for (int i = 0; i < VALIDATORS; i++) {
      BlsKeyPair k = BLS.generateKeyPair(RANDOM);
      keys.add(k);
      set.add(
          new ValidatorEntry(
              i,
              Address.ofLow(0x100 + i),
              VerifierTest.onChainOrder(k.publicKey()),
              BigInteger.valueOf(100)));
    }
    write(
        c ->
            new ValidatorSetDao(c)
                .insert(
                    new ValidatorSetRow(
                        ValidatorSetSource.GENESIS, 0, Optional.empty(), set, ChainRole.ROOT, 1)));
  }

  @AfterEach
  void tearDown() {
    writer.close();
  }

  /** The bad one at the start, in the middle of a batch and last: each is found alone. */
  @ParameterizedTest
  @ValueSource(ints = {0, 17, COMMITMENTS - 1})
  void exactlyTheOneBadSignatureIsNamedWhereverItSits(int bad) {
    {
      for (int i = 0; i < COMMITMENTS; i++) {
        order.add(commit(i, i == bad));
      }
      for (VerifyOptions options :
          List.of(new VerifyOptions(3, true, true), new VerifyOptions(1, false, false))) {
        verify(options);
        for (int i = 0; i < COMMITMENTS; i++) {
          Hash32 tx = order.get(i);
          VerdictRow r =
              db.read(c -> new VerdictDao(c).get(VerdictKind.COMMITMENT, tx)).orElseThrow();
          if (i == bad) {
            assertThat(r.status())
                .as("bad %d, %s", bad, options)
                .isEqualTo(VerdictStatus.INVALID_SIGNATURE);
            assertThat(r.reason()).contains("does not verify against the 4 signer keys");
          } else {
            assertThat(r.status())
                .as("%d of bad %d, %s", i, bad, options)
                .isEqualTo(VerdictStatus.VERIFIED);
          }
        }
      }
    }
  }

  private void verify(VerifyOptions options) {
    write(c -> c.createStatement().executeUpdate("DELETE FROM verdicts"));
    Verifier v =
        new Verifier(
            db,
            writer,
            SchemeSupport.of(BlsSchemeName.BN254_EDGE),
            BigInteger.valueOf(31338),
            1000,
            Clock.systemUTC(),
            options);
    assertThat(v.verifyAll().total()).isEqualTo(COMMITMENTS);
  }

  /** Commitment {@code i}, signed by every validator; a bad one is signed over another message. */
  private Hash32 commit(int i, boolean bad) {
    long id = i + 1;
    write(c -> new StateSyncDao(c).insert(List.of(VerifierTest.sync(id))));
    BigInteger s = BigInteger.valueOf(id);
    Hash32 root = new Hash32(db.read(c -> LeafQueries.stateSyncLeaves(c, s, s)).root());
    byte[] msg = BridgeMessages.commitmentMessage(new StateSyncCommitment(s, s, root));
    byte[] signed =
        bad
            ? BridgeMessages.commitmentMessage(
                new StateSyncCommitment(s, s.add(BigInteger.ONE), root))
            : msg;
    byte[] sig =
        BLS.aggregateSignatures(
            keys.stream()
                .map(k -> BLS.sign(k.secretKey(), signed, BridgeMessages.domainStateReceiver()))
                .toList());
    Hash32 tx = VerifierTest.hash(10 + i);
    CommitmentRow row =
        new CommitmentRow(
            s,
            s,
            root,
            Optional.of(
                new CommitSignature(
                    Bytes.of(sig),
                    keys.stream().map(k -> Bytes.of(k.publicKey())).toList(),
                    Bytes.of(
                        ValidatorBitmap.encode(IntStream.range(0, VALIDATORS).boxed().toList())))),
            new EventRef(2 + i, 1_700_000_100L + i, tx, 0));
    write(c -> new CommitmentDao(c).insert(List.of(row)));
    return tx;
  }

  private void write(WriteOp op) {
    writer.submit(Batch.of(op)).join();
  }
}
