package io.bridgescope.core.store;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.CommitSignature;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.core.store.rows.Erc20Transfer;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.ExecutionResultRow;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.core.store.rows.PayloadKind;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.core.store.rows.ValidatorEntry;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/** Small, deterministic rows for store tests. */
final class Fixtures {

  static final Address PREDICATE = Address.ofLow(0xbeef);
  static final Address ALICE = Address.ofLow(0xa11ce);
  static final Address BOB = Address.ofLow(0xb0b);
  static final Address TOKEN = Address.ofLow(0x70c);

  private Fixtures() {}

  static Hash32 hash(long seed, int salt) {
    return new Hash32(ByteBuffer.allocate(32).putLong(salt).putLong(24, seed).array());
  }

  static EventRef event(long block, int logIndex) {
    return new EventRef(block, 1_700_000_000L + block * 2, hash(block, 1), logIndex);
  }

  static StateSyncRow deposit(long id, long block) {
    return new StateSyncRow(
        BigInteger.valueOf(id),
        PREDICATE,
        Address.ofLow(0x1004),
        Bytes.of(new byte[] {1, 2, 3, (byte) id}),
        PayloadKind.DEPOSIT,
        Optional.of(new Erc20Transfer(TOKEN, ALICE, BOB, BigInteger.TEN.pow(18))),
        event(block, (int) id));
  }

  static StateSyncRow message(long id, long block) {
    return new StateSyncRow(
        BigInteger.valueOf(id),
        ALICE,
        BOB,
        Bytes.EMPTY,
        PayloadKind.MESSAGE,
        Optional.empty(),
        event(block, (int) id));
  }

  static ExitRow withdrawal(long id, long block, long epoch) {
    return new ExitRow(
        BigInteger.valueOf(id),
        Address.ofLow(0x1004),
        PREDICATE,
        Bytes.of(new byte[] {9, (byte) id}),
        epoch,
        PayloadKind.WITHDRAWAL,
        Optional.of(new Erc20Transfer(TOKEN, BOB, ALICE, BigInteger.valueOf(5))),
        event(block, (int) id));
  }

  static ExecutionResultRow result(long id, boolean success, long block) {
    return new ExecutionResultRow(
        BigInteger.valueOf(id), success, Bytes.of(new byte[] {(byte) id}), event(block, 100));
  }

  static CommitmentRow commitment(long start, long end, long block) {
    return new CommitmentRow(
        BigInteger.valueOf(start),
        BigInteger.valueOf(end),
        hash(start, 7),
        Optional.of(
            new CommitSignature(
                Bytes.of(new byte[64]),
                List.of(Bytes.of(new byte[128]), Bytes.of(filled(128, 3))),
                Bytes.of(new byte[] {3}))),
        event(block, 0));
  }

  static CheckpointRow checkpoint(long epoch, long childBlock, long rootBlock, boolean success) {
    return new CheckpointRow(
        hash(rootBlock, 9),
        ALICE,
        success,
        epoch,
        childBlock,
        hash(childBlock, 10),
        hash(childBlock, 11),
        BigInteger.ONE,
        hash(epoch, 12),
        Bytes.of(new byte[64]),
        Bytes.of(new byte[] {1}),
        List.of(
            new ValidatorEntry(0, ALICE, Bytes.of(filled(128, 1)), BigInteger.valueOf(100)),
            new ValidatorEntry(1, BOB, Bytes.of(filled(128, 2)), BigInteger.valueOf(50))),
        rootBlock,
        1_700_000_000L + rootBlock,
        0);
  }

  static Cursor cursor(ChainRole chain, long block) {
    return new Cursor(chain, block, hash(block, 2));
  }

  static byte[] filled(int n, int value) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) value);
    return b;
  }
}
