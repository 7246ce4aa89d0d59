package io.bridgescope.core.index;

import io.bridgescope.core.abi.AbiDecodingException;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.ValidatorEntry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decodes {@code CheckpointManager.submit} calldata into a {@link CheckpointRow}. */
final class SubmitDecoder {

  private SubmitDecoder() {}

  record Where(Hash32 tx, Address submitter, boolean success, long block, long time, int txIndex) {}

  /**
   * The row of a submission, or empty for a reverted one whose calldata does not decode: anyone can
   * send such a call, it changed nothing on chain, and failing on it would stop the root indexer at
   * that block for good. A successful submission the contract accepted must decode.
   */
  static Optional<CheckpointRow> decodeSubmission(byte[] calldata, Where w) {
    try {
      return Optional.of(decode(calldata, w));
    } catch (AbiDecodingException e) {
      if (w.success()) {
        throw e;
      }
      return Optional.empty();
    }
  }

  static CheckpointRow decode(byte[] calldata, Where w) {
    AbiReader r = AbiReader.ofCalldata(calldata);
    BigInteger sx = r.uint("signature[0]", 6);
    BigInteger sy = r.uint("signature[1]", 7);
    byte[] sig = new byte[64];
    System.arraycopy(io.bridgescope.core.abi.Abi.word(sx), 0, sig, 0, 32);
    System.arraycopy(io.bridgescope.core.abi.Abi.word(sy), 0, sig, 32, 32);
    return new CheckpointRow(
        w.tx(),
        w.submitter(),
        w.success(),
        r.uintAsLong("checkpoint.epoch", 3),
        r.uintAsLong("checkpoint.blockNumber", 4),
        r.bytes32("checkpoint.eventRoot", 5),
        r.bytes32("metadata.blockHash", 0),
        r.uint("metadata.blockRound", 1),
        r.bytes32("metadata.currentValidatorSetHash", 2),
        Bytes.of(sig),
        Bytes.of(r.bytes("bitmap", 9)),
        validators(r.tail("newValidatorSet", 8)),
        w.block(),
        w.time(),
        w.txIndex());
  }

  /** A {@code Validator[]}: each element is 6 words in place (address, blsKey[4], power). */
  static List<ValidatorEntry> validators(AbiReader array) {
    int n = array.arrayLength("newValidatorSet");
    AbiReader body = array.arrayBody();
    List<ValidatorEntry> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      AbiReader v = body.inPlace(i * 6);
      byte[] key = new byte[128];
      for (int k = 0; k < 4; k++) {
        System.arraycopy(v.word("newValidatorSet[" + i + "].blsKey", 1 + k), 0, key, 32 * k, 32);
      }
      out.add(
          new ValidatorEntry(
              i,
              v.address("newValidatorSet[" + i + "].address", 0),
              Bytes.of(key),
              v.uint("newValidatorSet[" + i + "].votingPower", 5)));
    }
    return out;
  }
}
