package io.bridgescope.desktop.ports;

import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One deposit or exit as its detail pane shows it: lifecycle timeline, decoded payload, the plain
 * words of where it stands, and the action a user could take.
 *
 * @param action e.g. "Self-execute on the child chain" or "Withdraw (exit) on the root chain"
 * @param tree the commitment or checkpoint whose tree holds it, to jump there with its leaf lit
 */
public record MessageDetail(
    String title,
    List<Step> steps,
    List<Field> payload,
    String stage,
    String reason,
    String nextStep,
    Optional<String> eta,
    Optional<String> action,
    Optional<TreeRef> tree) {

  public MessageDetail {
    steps = List.copyOf(steps);
    payload = List.copyOf(payload);
  }

  /**
   * How long after the previous done step step {@code i} came (block times of two chains, so it may
   * be a little off, or even negative); empty for the first step and for a step or a previous one
   * without a time.
   */
  public Optional<Duration> sincePrevious(int i) {
    Step s = steps.get(i);
    if (!s.done() || s.at().isEmpty()) {
      return Optional.empty();
    }
    for (int j = i - 1; j >= 0; j--) {
      Step p = steps.get(j);
      if (p.done() && p.at().isPresent()) {
        return Optional.of(Duration.between(p.at().get(), s.at().get()));
      }
    }
    return Optional.empty();
  }

  /** From the first step to the last, once the last is done: how long the whole journey took. */
  public Optional<Duration> total() {
    if (steps.isEmpty()) {
      return Optional.empty();
    }
    Step first = steps.get(0);
    Step last = steps.get(steps.size() - 1);
    if (!last.done() || first.at().isEmpty() || last.at().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(first.at().get(), last.at().get()));
  }

  /**
   * One lifecycle step; {@code done} false means not reached yet (no block/tx/time then). {@code
   * time} is {@code at} in words.
   */
  public record Step(
      String name,
      boolean done,
      String chain,
      Optional<Long> block,
      Optional<Hash32> tx,
      Optional<String> time,
      Optional<Instant> at) {}

  /** A decoded payload field; {@code hex} values get a copy menu. */
  public record Field(String name, String value, boolean hex) {}

  /** Where a message's leaf lives: a commitment (by start id) or a checkpoint (by submit tx). */
  public record TreeRef(boolean commitment, String key, BigInteger leafId, String label) {}
}
