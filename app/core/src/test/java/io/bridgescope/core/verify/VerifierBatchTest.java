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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run over many commitments, several batches long, gives the same verdicts whatever the threads
 * and whether set keys are cached: same status, reason and evidence, announced in subject order.
 * The history mixes every signer shape the key cache treats differently.
 */
class VerifierBatchTest {

  private static final Bn254EdgeScheme BLS = new Bn254EdgeScheme();
  private static final SecureRandom RANDOM = new SecureRandom(new byte[] {7});
  private static final int VALIDATORS = 6;
  private static final int COMMITMENTS = 70;

  @TempDir Path dir;
  Database db;
  StoreWriter writer;
  final List<BlsKeyPair> keys = new ArrayList<>();
  final List<Hash32> order = new ArrayList<>();
  BlsKeyPair stranger;
  byte[] undecodable;

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
    // The last validator's key bytes are not a curve point: the set still indexes it, but it
    // never decodes, and a commit that names it must report it at its place.
    undecodable = new byte[128];
    Arrays.fill(undecodable, (byte) 0x11);
    set.set(
        VALIDATORS - 1,
        new ValidatorEntry(
            VALIDATORS - 1,
            Address.ofLow(0x1ff),
            VerifierTest.onChainOrder(undecodable),
            BigInteger.valueOf(100)));
    stranger = BLS.generateKeyPair(RANDOM);
    write(
        c ->
            new ValidatorSetDao(c)
                .insert(
                    new ValidatorSetRow(
                        ValidatorSetSource.GENESIS, 0, Optional.empty(), set, ChainRole.ROOT, 1)));
    for (int i = 0; i < COMMITMENTS; i++) {
      order.add(commit(i));
    }
  }

  @AfterEach
  void tearDown() {
    writer.close();
  }

  @Test
  void parallelCachedRunsGiveTheVerdictsOfAPlainOneThreadRun() throws Exception {
    Map<Hash32, List<Object>> plain = run(new VerifyOptions(1, false, false));
    assertThat(plain.values().stream().map(v -> v.get(0)).distinct())
        .as("the history has every kind of verdict")
        .contains(VerdictStatus.VERIFIED, VerdictStatus.INVALID_SIGNATURE, VerdictStatus.NO_QUORUM);
    assertThat(plain.values().stream().map(v -> (String) v.get(1)))
        .anyMatch(r -> r.contains("publicKeys[5]: point is not on the twist curve"))
        .anyMatch(r -> r.contains("signature by a non-validator"))
        .anyMatch(r -> r.contains("does not verify"));
    Map<Hash32, List<Object>> cached = run(new VerifyOptions(1, true, false));
    Map<Hash32, List<Object>> batched = run(new VerifyOptions(1, true, true));
    Map<Hash32, List<Object>> parallel = run(new VerifyOptions(4, true, true));
    assertThat(cached).isEqualTo(plain);
    assertThat(batched).isEqualTo(plain);
    assertThat(parallel).isEqualTo(plain);
  }

  @Test
  void signaturesCheckedTogetherAreTheValidOnesAndABadOneIsSplitOff() {
    CommitmentCheck check =
        new CommitmentCheck(
            SchemeSupport.of(BlsSchemeName.BN254_EDGE),
            new KeyCache(SchemeSupport.of(BlsSchemeName.BN254_EDGE), true),
            true);
    List<CommitmentRow> rows = new ArrayList<>();
    List<ValidatorSets.Lookup> sets = new ArrayList<>();
    db.read(
        c -> {
          ValidatorSets vs = new ValidatorSets(new VerifyQueries(c));
          for (Hash32 tx : order) {
            CommitmentRow r = new CommitmentDao(c).byTx(tx).orElseThrow();
            rows.add(r);
            sets.add(vs.forChildBlock(r.event().blockNumber(), 1000));
          }
          return null;
        });
    // Signed by distinct keys of the set, validly: all signers, all but one, below quorum.
    List<Integer> good =
        IntStream.range(0, COMMITMENTS)
            .filter(i -> Set.of(0, 1, 6).contains(i % 7))
            .boxed()
            .toList();
    assertThat(check.verifiedTogether(pick(rows, good), pick(sets, good)))
        .containsExactlyInAnyOrderElementsOf(good.stream().map(order::get).toList());
    // Commitment 4 is signed over the wrong domain: the group fails, the halves without it pass.
    List<Integer> withBad = new ArrayList<>(good.subList(0, 12));
    withBad.add(6, 4);
    Set<Hash32> valid = check.verifiedTogether(pick(rows, withBad), pick(sets, withBad));
    assertThat(valid).doesNotContain(order.get(4)).hasSizeGreaterThanOrEqualTo(6);
    assertThat(good.stream().map(order::get).toList()).containsAll(valid);
    // Strangers, repeated keys and undecodable keys never take part.
    List<Integer> odd =
        IntStream.range(0, 21).filter(i -> Set.of(2, 3, 5).contains(i % 7)).boxed().toList();
    assertThat(check.verifiedTogether(pick(rows, odd), pick(sets, odd))).isEmpty();
  }

  private static <T> List<T> pick(List<T> all, List<Integer> indices) {
    return indices.stream().map(all::get).toList();
  }

  /**
   * Clears the verdicts, verifies everything with {@code options} and returns each subject's
   * status, reason and evidence, checking that listeners heard every subject once, in order.
   */
  private Map<Hash32, List<Object>> run(VerifyOptions options) throws Exception {
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
    List<Hash32> heard = new ArrayList<>();
    try (AutoCloseable sub = v.subscribe(r -> heard.add(r.subjectTx()))) {
      VerifySummary s = v.verifyAll();
      assertThat(s.total()).isEqualTo(COMMITMENTS);
    }
    assertThat(heard).as("announced once each, in subject order").isEqualTo(order);
    Map<Hash32, List<Object>> out = new LinkedHashMap<>();
    for (Hash32 tx : order) {
      VerdictRow r = db.read(c -> new VerdictDao(c).get(VerdictKind.COMMITMENT, tx)).orElseThrow();
      out.put(tx, List.of(r.status(), r.reason(), r.evidenceJson().orElseThrow()));
    }
    return out;
  }

  /** Commitment {@code i} of one state sync, signed in one of seven ways. */
  private Hash32 commit(int i) {
    long id = i + 1;
    StateSyncRow sync = VerifierTest.sync(id);
    write(c -> new StateSyncDao(c).insert(List.of(sync)));
    BigInteger s = BigInteger.valueOf(id);
    Hash32 root = new Hash32(db.read(c -> LeafQueries.stateSyncLeaves(c, s, s)).root());
    byte[] msg = BridgeMessages.commitmentMessage(new StateSyncCommitment(s, s, root));
    byte[] domain = BridgeMessages.domainStateReceiver();
    List<Integer> all = IntStream.range(0, VALIDATORS - 1).boxed().toList();
    List<BlsKeyPair> signing = new ArrayList<>();
    List<byte[]> named = new ArrayList<>();
    List<Integer> bitmap = new ArrayList<>(all);
    switch (i % 7) {
      case 0 -> all.forEach(v -> signing.add(keys.get(v))); // the usual group: all that can
      case 1 -> all.stream().filter(v -> v != i % 5).forEach(v -> signing.add(keys.get(v)));
      case 2 -> {
        all.forEach(v -> signing.add(keys.get(v)));
        signing.add(stranger);
      }
      case 3 -> {
        all.forEach(v -> signing.add(keys.get(v)));
        signing.add(keys.get(2)); // a key named twice
      }
      case 4 -> {
        all.forEach(v -> signing.add(keys.get(v)));
        domain = BridgeMessages.domainCheckpointManager(); // signed over another domain
      }
      case 5 -> all.forEach(v -> signing.add(keys.get(v))); // plus the undecodable key, below
      default -> List.of(0, 1, 2).forEach(v -> signing.add(keys.get(v))); // below quorum
    }
    for (BlsKeyPair k : signing) {
      named.add(k.publicKey());
    }
    if (i % 7 == 5) {
      named.add(undecodable);
      bitmap.add(VALIDATORS - 1);
    }
    byte[] d = domain;
    byte[] sig =
        BLS.aggregateSignatures(
            signing.stream().map(k -> BLS.sign(k.secretKey(), msg, d)).toList());
    Hash32 tx = VerifierTest.hash(100 + i);
    CommitmentRow row =
        new CommitmentRow(
            s,
            s,
            root,
            Optional.of(
                new CommitSignature(
                    Bytes.of(sig),
                    named.stream().map(Bytes::of).toList(),
                    Bytes.of(ValidatorBitmap.encode(bitmap)))),
            new EventRef(2 + i, 1_700_000_100L + i, tx, 0));
    write(c -> new CommitmentDao(c).insert(List.of(row)));
    return tx;
  }

  private void write(WriteOp op) {
    writer.submit(Batch.of(op)).join();
  }
}
