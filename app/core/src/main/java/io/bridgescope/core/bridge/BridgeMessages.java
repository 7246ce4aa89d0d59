package io.bridgescope.core.bridge;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.crypto.Keccak;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The exact bytes validators sign, and the hashes the contracts compare (protocol.md). */
public final class BridgeMessages {

  private static final byte[] DOMAIN_STATE_RECEIVER = keccak("DOMAIN_STATE_RECEIVER");
  private static final byte[] DOMAIN_CHECKPOINT_MANAGER = keccak("DOMAIN_CHECKPOINT_MANAGER");

  private BridgeMessages() {}

  /** The BLS domain of commitment signatures; a copy (an array handed out could be changed). */
  public static byte[] domainStateReceiver() {
    return DOMAIN_STATE_RECEIVER.clone();
  }

  /** The BLS domain of checkpoint signatures; a copy. */
  public static byte[] domainCheckpointManager() {
    return DOMAIN_CHECKPOINT_MANAGER.clone();
  }

  private static byte[] keccak(String s) {
    return Keccak.keccak256(s.getBytes(StandardCharsets.US_ASCII));
  }

  /** Commitment message: {@code keccak256(abi.encode(commitment))}. */
  public static byte[] commitmentMessage(StateSyncCommitment c) {
    return Keccak.keccak256(Abi.encode(c.toAbi()));
  }

  /** {@code keccak256(abi.encode(Validator[]))}, the CheckpointManager validator-set hash. */
  public static Hash32 validatorSetHash(List<Validator> set) {
    return new Hash32(Keccak.keccak256(Abi.encode(Validator.toAbi(set))));
  }

  /**
   * Checkpoint message: {@code keccak256(abi.encode(chainId, blockNumber, blockHash, blockRound,
   * epoch, eventRoot, currentValidatorSetHash, keccak256(abi.encode(newValidatorSet))))}; the outer
   * {@code abi.encode} of one bytes32 is the same 32 bytes.
   */
  public static byte[] checkpointMessage(
      BigInteger chainId, CheckpointMetadata meta, Checkpoint cp, List<Validator> newSet) {
    return Keccak.keccak256(
        Abi.encode(
            AbiValue.uint(chainId),
            AbiValue.uint(cp.blockNumber()),
            AbiValue.bytes32(meta.blockHash()),
            AbiValue.uint(meta.blockRound()),
            AbiValue.uint(cp.epoch()),
            AbiValue.bytes32(cp.eventRoot()),
            AbiValue.bytes32(meta.currentValidatorSetHash()),
            AbiValue.bytes32(validatorSetHash(newSet))));
  }
}
