package io.bridgescope.core.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.asset.AssetAction;
import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.store.AssetDao;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.ExitDao;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.WriteOp;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.core.store.rows.PayloadKind;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.crypto.Keccak;
import io.bridgescope.crypto.merkle.MerkleProofs;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
 * Commitment and exit trees whose leaves mix every payload kind (ERC-20, ERC-721 and ERC-1155
 * singles and batches, mappings, an unknown message): decoding the payloads changes no byte of a
 * leaf, and every proof verifies against the root rebuilt from the leaves as the contracts hash
 * them (docs/protocol.md, Deposit and Withdrawal lifecycles).
 */
class MixedKindTreeTest {

  static final Address A = Address.ofLow(0x42);
  static final Address ROOT_PREDICATE = Address.ofLow(0xbeef);
  static final Address TOKEN = Address.ofLow(0x70c);
  static final Address ALICE = Address.ofLow(0xa11ce);
  static final Address BOB = Address.ofLow(0xb0b);
  static final long EPOCH_SIZE = 10;

  @TempDir Path dir;
  Database db;
  StoreWriter writer;
  ProofBuilder proofs;

  @BeforeEach
  void setUp() {
    db = Database.open(dir.resolve("t.db"));
    writer = new StoreWriter(db, Clock.systemUTC());
    proofs = new ProofBuilder(db, new BridgeContracts(A, A, A, A, A, A, A, A), EPOCH_SIZE, 2);
  }

  @AfterEach
  void tearDown() {
    writer.close();
  }

  static AbiValue tag(AssetAction a) {
    return AbiValue.bytes32(a.tag());
  }

  static AbiValue arr(AbiValue... v) {
    return AbiValue.array(List.of(v));
  }

  record Msg(Address childSide, byte[] data) {}

  /** One message of every kind, in the direction each travels. */
  static List<Msg> towardsChild() {
    AbiValue t = AbiValue.address(TOKEN);
    AbiValue a = AbiValue.address(ALICE);
    AbiValue b = AbiValue.address(BOB);
    return List.of(
        new Msg(
            AssetPredicate.CHILD_ERC20.edgeAddress(),
            Abi.encode(
                tag(AssetAction.MAP_TOKEN),
                t,
                AbiValue.bytes("Six".getBytes(StandardCharsets.UTF_8)),
                AbiValue.bytes("SIX".getBytes(StandardCharsets.UTF_8)),
                AbiValue.uint(6))),
        new Msg(
            AssetPredicate.CHILD_ERC20.edgeAddress(),
            Abi.encode(tag(AssetAction.DEPOSIT), t, a, b, AbiValue.uint(1_500_000))),
        new Msg(
            AssetPredicate.CHILD_ERC721.edgeAddress(),
            Abi.encode(
                tag(AssetAction.DEPOSIT_BATCH),
                t,
                a,
                arr(b, a, b),
                arr(AbiValue.uint(1), AbiValue.uint(2), AbiValue.uint(3)))),
        new Msg(
            AssetPredicate.CHILD_ERC1155.edgeAddress(),
            Abi.encode(
                tag(AssetAction.DEPOSIT_BATCH),
                t,
                a,
                arr(b, b),
                arr(AbiValue.uint(7), AbiValue.uint(8)),
                arr(AbiValue.uint(70), AbiValue.uint(80)))),
        new Msg(
            AssetPredicate.ROOT_MINTABLE_ERC721.edgeAddress(),
            Abi.encode(tag(AssetAction.WITHDRAW), t, a, b, AbiValue.uint(9))),
        new Msg(Address.ofLow(0xdead), new byte[] {1, 2, 3}));
  }

  static List<Msg> towardsRoot() {
    AbiValue t = AbiValue.address(TOKEN);
    AbiValue a = AbiValue.address(ALICE);
    AbiValue b = AbiValue.address(BOB);
    return List.of(
        new Msg(
            AssetPredicate.CHILD_ERC20.edgeAddress(),
            Abi.encode(tag(AssetAction.WITHDRAW), t, b, a, AbiValue.uint(500_000))),
        new Msg(
            AssetPredicate.CHILD_ERC721.edgeAddress(),
            Abi.encode(
                tag(AssetAction.WITHDRAW_BATCH),
                t,
                b,
                arr(a, a),
                arr(AbiValue.uint(1), AbiValue.uint(3)))),
        new Msg(
            AssetPredicate.CHILD_ERC1155.edgeAddress(),
            Abi.encode(tag(AssetAction.WITHDRAW), t, b, a, AbiValue.uint(7), AbiValue.uint(5))),
        new Msg(
            AssetPredicate.ROOT_MINTABLE_ERC1155.edgeAddress(),
            Abi.encode(
                tag(AssetAction.DEPOSIT_BATCH),
                t,
                a,
                arr(b),
                arr(AbiValue.uint(4)),
                arr(AbiValue.uint(40)))),
        new Msg(Address.ofLow(0xdead), new byte[0]));
  }

  @Test
  void stateSyncProofsOverMixedKindsVerify() {
    List<Msg> msgs = towardsChild();
    List<StateSyncRow> rows = new ArrayList<>();
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < msgs.size(); i++) {
      BigInteger id = BigInteger.valueOf(i + 1);
      Msg m = msgs.get(i);
      rows.add(
          new StateSyncRow(
              id,
              ROOT_PREDICATE,
              m.childSide(),
              Bytes.of(m.data()),
              PayloadKind.MESSAGE,
              Optional.empty(),
              new EventRef(i + 1, i + 1, hash(i + 1), 0)));
      // keccak256(abi.encode(StateSync{id, sender, receiver, data})): a struct with dynamic bytes.
      leaves.add(
          Keccak.keccak256(
              Abi.encode(
                  AbiValue.tuple(
                      AbiValue.uint(id),
                      AbiValue.address(ROOT_PREDICATE),
                      AbiValue.address(m.childSide()),
                      AbiValue.bytes(m.data())))));
    }
    write(c -> new StateSyncDao(c).insert(rows));
    write(c -> new AssetDao(c).classifyPending(Direction.TO_CHILD, AssetPredicates.edge()));
    BigInteger end = BigInteger.valueOf(msgs.size());
    byte[] root = db.read(c -> LeafQueries.stateSyncLeaves(c, BigInteger.ONE, end)).root();
    write(
        c ->
            new CommitmentDao(c)
                .insert(
                    List.of(
                        new CommitmentRow(
                            BigInteger.ONE,
                            end,
                            new Hash32(root),
                            Optional.empty(),
                            new EventRef(9, 9, hash(99), 0)))));
    for (int i = 0; i < msgs.size(); i++) {
      StateSyncProof p = proofs.stateSyncProof(BigInteger.valueOf(i + 1));
      assertThat(p.leaf().bytes()).isEqualTo(leaves.get(i));
      assertThat(
              MerkleProofs.checkMembershipWithHeight(
                  p.leaf().bytes(),
                  p.leafIndex(),
                  msgs.size(),
                  root,
                  p.proof().stream().map(Hash32::bytes).toList()))
          .isTrue();
    }
    assertThat(kinds(Direction.TO_CHILD))
        .containsExactly(
            AssetKind.UNKNOWN,
            AssetKind.ERC721,
            AssetKind.ERC1155,
            AssetKind.ERC721,
            AssetKind.ERC20,
            AssetKind.ERC20);
  }

  @Test
  void exitProofsOverMixedKindsVerify() {
    List<Msg> msgs = towardsRoot();
    List<ExitRow> rows = new ArrayList<>();
    for (int i = 0; i < msgs.size(); i++) {
      Msg m = msgs.get(i);
      rows.add(
          new ExitRow(
              BigInteger.valueOf(i + 1),
              m.childSide(),
              ROOT_PREDICATE,
              Bytes.of(m.data()),
              1,
              PayloadKind.MESSAGE,
              Optional.empty(),
              new EventRef(i + 1, i + 1, hash(i + 50), i)));
    }
    write(c -> new ExitDao(c).insert(rows));
    write(c -> new AssetDao(c).classifyPending(Direction.TO_ROOT, AssetPredicates.edge()));
    Hash32 root = new Hash32(db.read(c -> LeafQueries.exitLeaves(c, 1, 10)).root());
    write(
        c ->
            new io.bridgescope.core.store.CheckpointDao(c)
                .insert(List.of(ProofBuilderTest.cp(1, 10, 1, root))));
    for (int i = 0; i < msgs.size(); i++) {
      Msg m = msgs.get(i);
      ExitProof p = proofs.exitProof(BigInteger.valueOf(i + 1));
      // The exit leaf is the flat tuple abi.encode(id, sender, receiver, data).
      assertThat(p.unhashedLeaf().value())
          .isEqualTo(
              Abi.encode(
                  AbiValue.uint(i + 1),
                  AbiValue.address(m.childSide()),
                  AbiValue.address(ROOT_PREDICATE),
                  AbiValue.bytes(m.data())));
      assertThat(
              MerkleProofs.checkMembership(
                  p.leaf().bytes(),
                  p.leafIndex(),
                  root.bytes(),
                  p.proof().stream().map(Hash32::bytes).toList()))
          .isTrue();
    }
    assertThat(kinds(Direction.TO_ROOT))
        .containsExactly(
            AssetKind.UNKNOWN,
            AssetKind.ERC1155,
            AssetKind.ERC1155,
            AssetKind.ERC721,
            AssetKind.ERC20);
  }

  private List<AssetKind> kinds(Direction d) {
    return db
        .<List<io.bridgescope.core.asset.AssetMessage>>read(
            c -> new AssetDao(c).page(d, Optional.empty(), Optional.empty(), Optional.empty(), 50))
        .stream()
        .map(m -> m.payload().kind())
        .toList();
  }

  static Hash32 hash(long seed) {
    return ProofBuilderTest.hash(seed, 7);
  }

  private void write(WriteOp op) {
    writer.submit(Batch.of(op)).join();
  }
}
