package io.bridgescope.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.BlsSchemeName;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.ValidatorSetDao;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.CommitSignature;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.ValidatorSetRow;
import io.bridgescope.core.store.rows.ValidatorSetSource;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed/missed per validator from the stored commit inputs and checkpoint bitmaps, participation
 * with a threshold, and the set history with its diffs and concentration, over a real database.
 * Accountability counts signatures; it does not verify them (the verifier does), so keys here are
 * plain 128-byte values.
 */
class ValidatorAccountabilityTest {

  static final SchemeSupport SCHEME = SchemeSupport.of(BlsSchemeName.BN254_EDGE);

  @TempDir Path dir;
  Database db;
  StoreWriter writer;
  List<ValidatorEntry> genesis = new ArrayList<>();
  List<ValidatorEntry> next = new ArrayList<>();

  static Bytes key(int i) {
    byte[] k = new byte[128];
    k[0] = (byte) i;
    k[127] = (byte) (i * 7 + 1);
    return Bytes.of(k);
  }

  static Hash32 hash(int seed) {
    byte[] b = new byte[32];
    b[0] = 0x42;
    b[31] = (byte) seed;
    return new Hash32(b);
  }

  @BeforeEach
  void setUp() {
    db = Database.open(dir.resolve("t.db"));
    writer = new StoreWriter(db, Clock.systemUTC());
    for (int i = 0; i < 4; i++) {
      genesis.add(new ValidatorEntry(i, Address.ofLow(0x100 + i), key(i), BigInteger.valueOf(100)));
    }
    // epoch 1's checkpoint installs: validator 0 at 400, 1 and 2 as before, 3 leaves, 4 joins
    next.add(new ValidatorEntry(0, Address.ofLow(0x100), key(0), BigInteger.valueOf(400)));
    next.add(genesis.get(1));
    next.add(genesis.get(2));
    next.add(new ValidatorEntry(3, Address.ofLow(0x104), key(4), BigInteger.valueOf(100)));
    write(
        c ->
            new ValidatorSetDao(c)
                .insert(
                    new ValidatorSetRow(
                        ValidatorSetSource.GENESIS,
                        0,
                        Optional.empty(),
                        genesis,
                        ChainRole.ROOT,
                        1)));
    // commitment in epoch 1 signed by 0, 1, 2; checkpoint of epoch 1 signed by 0, 2, 3;
    // commitment in epoch 2 signed by the new set's 0, 3 (= validator 0x104)
    commit(1, 5, List.of(key(0), key(1), key(2)));
    checkpoint(1, 10, List.of(0, 2, 3), next);
    commit(6, 15, List.of(key(0), key(4)));
    write(
        c ->
            new CursorDao(c)
                .save(new Cursor(ChainRole.CHILD, 20, hash(99)), java.time.Instant.EPOCH));
  }

  @AfterEach
  void tearDown() {
    writer.close();
  }

  @Test
  void theTimelineSaysWhoSignedEachSubjectAgainstTheSetInForce() throws Exception {
    var r = report(0, 20, 0.9);
    assertThat(r.complete()).isTrue();
    assertThat(r.timeline())
        .extracting(SignedSubject::kind, SignedSubject::key, SignedSubject::childBlock)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("commitment", "1..1", 5L),
            org.assertj.core.groups.Tuple.tuple("checkpoint", "1", 10L),
            org.assertj.core.groups.Tuple.tuple("commitment", "6..6", 15L));
    assertThat(r.timeline().get(0).signers()).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(r.timeline().get(0).setLabel()).isEqualTo("genesis set");
    assertThat(r.timeline().get(1).signers()).containsExactlyInAnyOrder(0, 2, 3);
    assertThat(r.timeline().get(2).setLabel()).contains("checkpoint of epoch 1");
    assertThat(r.timeline().get(2).signers()).containsExactlyInAnyOrder(0, 3);
  }

  @Test
  void participationCountsOnlySubjectsTheValidatorsSetHadToSign() throws Exception {
    var r = report(0, 20, 0.75);
    assertThat(r.participation())
        .extracting(p -> p.address().toString(), Participation::eligible, Participation::signed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Address.ofLow(0x100).toString(), 3, 3),
            org.assertj.core.groups.Tuple.tuple(Address.ofLow(0x101).toString(), 3, 1),
            org.assertj.core.groups.Tuple.tuple(Address.ofLow(0x102).toString(), 3, 2),
            org.assertj.core.groups.Tuple.tuple(Address.ofLow(0x103).toString(), 2, 1),
            org.assertj.core.groups.Tuple.tuple(Address.ofLow(0x104).toString(), 1, 1));
    assertThat(r.participation())
        .filteredOn(Participation::belowThreshold)
        .extracting(p -> p.address().toString())
        .containsExactly(
            Address.ofLow(0x101).toString(),
            Address.ofLow(0x102).toString(),
            Address.ofLow(0x103).toString());
    // a narrower range: only the first commitment
    var first = report(0, 9, 0.75);
    assertThat(first.timeline()).hasSize(1);
    assertThat(first.participation()).allMatch(p -> p.eligible() == 1);
  }

  @Test
  void theHistoryHasEachSetChangeWithItsDiffAndConcentration() throws Exception {
    var h = report(0, 20, 0.9).history();
    assertThat(h).hasSize(2);
    assertThat(h.get(0).label()).isEqualTo("genesis set");
    assertThat(h.get(0).added()).hasSize(4);
    assertThat(h.get(0).concentration())
        .isEqualTo(new Concentration(4, BigInteger.valueOf(400), 2, 3));
    SetChange c = h.get(1);
    assertThat(c.installedBy()).contains(hash(201));
    assertThat(c.fromEpoch()).isEqualTo(2);
    assertThat(c.added()).extracting(ValidatorEntry::address).containsExactly(Address.ofLow(0x104));
    assertThat(c.removed())
        .extracting(ValidatorEntry::address)
        .containsExactly(Address.ofLow(0x103));
    assertThat(c.changed())
        .containsExactly(
            new SetChange.PowerChange(
                Address.ofLow(0x100), BigInteger.valueOf(100), BigInteger.valueOf(400)));
    // 400 of 700 exceeds a third alone; 400 + 100 exceeds two thirds
    assertThat(c.concentration()).isEqualTo(new Concentration(4, BigInteger.valueOf(700), 1, 2));
  }

  @Test
  void concentrationUsesExactThirds() {
    assertThat(Concentration.of(set(1, 1, 1)))
        .isEqualTo(new Concentration(3, BigInteger.valueOf(3), 2, 3));
    // 3 of 9 is exactly a third, not more: two are needed
    assertThat(Concentration.of(set(3, 3, 3)))
        .extracting(Concentration::exceedingOneThird)
        .isEqualTo(2);
    assertThat(Concentration.of(set(7, 1, 1)))
        .isEqualTo(new Concentration(3, BigInteger.valueOf(9), 1, 1));
    assertThat(Concentration.of(set(0, 0))).isEqualTo(new Concentration(2, BigInteger.ZERO, 0, 0));
  }

  @Test
  void aRangeBeyondTheIndexIsMarkedIncompleteAndBadArgumentsAreRefused() throws Exception {
    assertThat(report(0, 50, 0.9).complete()).isFalse();
    assertThatThrownBy(() -> report(10, 5, 0.9)).hasMessageContaining("is empty");
    assertThatThrownBy(() -> report(0, 5, 1.5)).hasMessageContaining("threshold");
  }

  static List<ValidatorEntry> set(long... powers) {
    List<ValidatorEntry> out = new ArrayList<>();
    for (int i = 0; i < powers.length; i++) {
      out.add(new ValidatorEntry(i, Address.ofLow(i + 1), key(i), BigInteger.valueOf(powers[i])));
    }
    return out;
  }

  private ValidatorAccountability.Report report(long from, long to, double threshold)
      throws Exception {
    return db.read(c -> new ValidatorAccountability(c, SCHEME, 10).report(from, to, threshold));
  }

  private void commit(long firstId, long childBlock, List<Bytes> keysAsInput) {
    // the commit input carries keys in the scheme's order; the set stores the on-chain order
    List<Bytes> input = keysAsInput.stream().map(k -> Bytes.of(SCHEME.schemeKey(k))).toList();
    BigInteger id = BigInteger.valueOf(firstId);
    int tx = (int) firstId;
    CommitmentRow row =
        new CommitmentRow(
            id,
            id,
            hash(tx),
            Optional.of(new CommitSignature(Bytes.of(new byte[64]), input, Bytes.of(new byte[1]))),
            new EventRef(childBlock, 1_700_000_000L + childBlock, hash(100 + tx), 0));
    write(c -> new CommitmentDao(c).insert(List.of(row)));
  }

  private void checkpoint(long epoch, long block, List<Integer> signers, List<ValidatorEntry> set) {
    Hash32 tx = hash(200 + (int) epoch);
    CheckpointRow row =
        new CheckpointRow(
            tx,
            Address.ofLow(0xfee),
            true,
            epoch,
            block,
            hash(1),
            hash(2),
            BigInteger.ZERO,
            hash(3),
            Bytes.of(new byte[64]),
            Bytes.of(ValidatorBitmap.encode(signers)),
            set,
            30,
            1_700_000_500L,
            0);
    write(c -> new CheckpointDao(c).insert(List.of(row)));
    write(
        c ->
            new ValidatorSetDao(c)
                .insert(
                    new ValidatorSetRow(
                        ValidatorSetSource.CHECKPOINT,
                        epoch,
                        Optional.of(tx),
                        set,
                        ChainRole.ROOT,
                        30)));
  }

  private void write(io.bridgescope.core.store.WriteOp op) {
    writer.submit(Batch.of(op)).join();
  }
}
