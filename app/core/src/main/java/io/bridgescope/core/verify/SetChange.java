package io.bridgescope.core.verify;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.ValidatorEntry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step of the voting-power history: the set that came into force (genesis, or a checkpoint's
 * {@code newValidatorSet}), and how it differs from the one before.
 *
 * @param installedBy the checkpoint submission that installed it; empty for genesis
 * @param fromEpoch the first epoch this set signs checkpoints for (1 for genesis)
 */
public record SetChange(
    String label,
    Optional<Hash32> installedBy,
    long fromEpoch,
    long rootBlock,
    List<ValidatorEntry> validators,
    List<ValidatorEntry> added,
    List<ValidatorEntry> removed,
    List<PowerChange> changed,
    Concentration concentration) {

  /** A member whose voting power changed. */
  public record PowerChange(Address address, BigInteger before, BigInteger after) {}

  public SetChange {
    validators = List.copyOf(validators);
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  /** Whether {@code next} differs from {@code before} in members or power (order aside). */
  static boolean differs(List<ValidatorEntry> before, List<ValidatorEntry> next) {
    return !powers(before).equals(powers(next));
  }

  static SetChange of(
      String label,
      Optional<Hash32> by,
      long fromEpoch,
      long rootBlock,
      List<ValidatorEntry> before,
      List<ValidatorEntry> next) {
    Map<Address, BigInteger> was = powers(before);
    Map<Address, BigInteger> now = powers(next);
    List<ValidatorEntry> added = new ArrayList<>();
    List<PowerChange> changed = new ArrayList<>();
    for (ValidatorEntry v : next) {
      BigInteger old = was.get(v.address());
      if (old == null) {
        added.add(v);
      } else if (!old.equals(v.votingPower())) {
        changed.add(new PowerChange(v.address(), old, v.votingPower()));
      }
    }
    List<ValidatorEntry> removed =
        before.stream().filter(v -> !now.containsKey(v.address())).toList();
    return new SetChange(
        label, by, fromEpoch, rootBlock, next, added, removed, changed, Concentration.of(next));
  }

  private static Map<Address, BigInteger> powers(List<ValidatorEntry> set) {
    Map<Address, BigInteger> m = new LinkedHashMap<>();
    set.forEach(v -> m.merge(v.address(), v.votingPower(), BigInteger::add));
    return m;
  }
}
