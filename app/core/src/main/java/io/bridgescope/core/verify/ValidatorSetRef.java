package io.bridgescope.core.verify;

import io.bridgescope.core.store.rows.ValidatorEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The validator set a signature is judged against, where it came from ("genesis", "checkpoint of
 * epoch 3 (tx ...)") and, if it may not be the set in force, why not: a verdict that depends on an
 * uncertain set stays PENDING instead of being wrong.
 */
record ValidatorSetRef(String label, List<ValidatorEntry> validators, Optional<String> doubt) {

  ValidatorSetRef {
    Objects.requireNonNull(label, "label");
    validators = List.copyOf(validators);
    Objects.requireNonNull(doubt, "doubt");
  }

  boolean certain() {
    return doubt.isEmpty();
  }
}
