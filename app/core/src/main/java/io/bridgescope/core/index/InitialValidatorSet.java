package io.bridgescope.core.index;

import io.bridgescope.core.bridge.BridgeMessages;
import io.bridgescope.core.bridge.Validator;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.ValidatorSetRow;
import io.bridgescope.core.store.rows.ValidatorSetSource;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The validator set the first checkpoint is checked against, without reading historical state (a
 * provider is rarely an archive node): the profile's {@code initialValidators} (read from
 * genesis.json by {@code networks import}), else the first accepted submission's own {@code
 * newValidatorSet} when it hashes to the {@code currentValidatorSetHash} the submission was signed
 * under (the set did not change at that checkpoint, so it is the set that signed it), else unknown.
 *
 * <p>Either is trusted no further than the chain confirms it: the verifier compares the set's hash
 * with the first checkpoint's {@code currentValidatorSetHash}, so a wrong or reordered set shows up
 * as a mismatch rather than as a verified checkpoint.
 */
final class InitialValidatorSet {

  private final List<ValidatorEntry> fromGenesis;

  InitialValidatorSet(List<ValidatorEntry> fromGenesis) {
    this.fromGenesis = List.copyOf(fromGenesis);
  }

  /** The set before {@code first}, an accepted submission in root block {@code first.block}. */
  Optional<ValidatorSetRow> before(CheckpointRow first) {
    List<ValidatorEntry> set = fromGenesis;
    if (set.isEmpty()) {
      List<ValidatorEntry> proposed = first.newValidatorSet();
      if (proposed.isEmpty()
          || !BridgeMessages.validatorSetHash(validators(proposed))
              .equals(first.currentValidatorSetHash())) {
        return Optional.empty();
      }
      set = proposed;
    }
    return Optional.of(
        new ValidatorSetRow(
            ValidatorSetSource.GENESIS,
            0,
            Optional.empty(),
            set,
            ChainRole.ROOT,
            Math.max(0, first.blockNumber() - 1)));
  }

  private static List<Validator> validators(List<ValidatorEntry> entries) {
    List<Validator> out = new ArrayList<>(entries.size());
    for (ValidatorEntry v : entries) {
      byte[] k = v.blsKey().value();
      if (k.length != 128) {
        return List.of(); // not a bn254-edge key: the hash cannot match
      }
      List<BigInteger> words = new ArrayList<>(4);
      for (int w = 0; w < 4; w++) {
        words.add(new BigInteger(1, Arrays.copyOfRange(k, 32 * w, 32 * w + 32)));
      }
      out.add(new Validator(v.address(), words, v.votingPower()));
    }
    return out;
  }
}
