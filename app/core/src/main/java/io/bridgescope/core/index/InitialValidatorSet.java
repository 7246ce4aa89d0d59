package io.bridgescope.core.index;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.ValidatorSetRow;
import io.bridgescope.core.store.rows.ValidatorSetSource;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.core.DefaultBlockParameter;

/**
 * The validator set the first checkpoint is checked against, read from the CheckpointManager's
 * storage just before that checkpoint. Solidity's getter for {@code currentValidatorSet(i)} omits
 * the key array, so the key comes from {@code currentValidatorBlsKey(i)} (our devnet contract);
 * where a chain lacks that view (Edge's own CheckpointManager), the set comes from the profile's
 * {@code initialValidators} (read from genesis.json by {@code networks import}), or is unknown.
 *
 * <p>A genesis set is trusted no further than the chain confirms it: the verifier compares its hash
 * with the first checkpoint's {@code currentValidatorSetHash}, so a wrong or reordered set shows up
 * as a mismatch rather than as a verified checkpoint.
 */
final class InitialValidatorSet {

  private final ChainReader reader;
  private final Address manager;
  private final List<ValidatorEntry> fromGenesis;

  InitialValidatorSet(ChainReader reader, Address manager, List<ValidatorEntry> fromGenesis) {
    this.reader = reader;
    this.manager = manager;
    this.fromGenesis = List.copyOf(fromGenesis);
  }

  Optional<ValidatorSetRow> readBefore(long block) {
    long at = block - 1;
    try {
      int n = uint(at, Abi.call("currentValidatorSetLength()")).intValueExact();
      List<ValidatorEntry> entries = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        AbiReader v =
            new AbiReader(call(at, Abi.call("currentValidatorSet(uint256)", AbiValue.uint(i))));
        byte[] key = call(at, Abi.call("currentValidatorBlsKey(uint256)", AbiValue.uint(i)));
        entries.add(
            new ValidatorEntry(
                i, v.address("validator.address", 0), Bytes.of(key), v.uint("validator.power", 1)));
      }
      return Optional.of(
          new ValidatorSetRow(
              ValidatorSetSource.GENESIS, 0, Optional.empty(), entries, ChainRole.ROOT, at));
    } catch (ChainException e) {
      boolean noView = e.kind() == RpcErrorKind.REVERT;
      boolean noHistory = e.kind() == RpcErrorKind.MISSING_STATE && !fromGenesis.isEmpty();
      if (noView || noHistory) {
        // Edge's CheckpointManager has no currentValidatorBlsKey view, and a node without history
        // cannot answer for an old block: the set comes from genesis (checked by its hash later)
        return fromGenesis.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new ValidatorSetRow(
                    ValidatorSetSource.GENESIS,
                    0,
                    Optional.empty(),
                    fromGenesis,
                    ChainRole.ROOT,
                    at));
      }
      throw e; // missing state, transport…: the set is unknown, not absent
    }
  }

  private BigInteger uint(long at, byte[] data) {
    return new BigInteger(1, call(at, data));
  }

  private byte[] call(long at, byte[] data) {
    return reader.read(
        "CheckpointManager view at " + at,
        c -> c.call(null, manager, data, DefaultBlockParameter.valueOf(BigInteger.valueOf(at))));
  }
}
