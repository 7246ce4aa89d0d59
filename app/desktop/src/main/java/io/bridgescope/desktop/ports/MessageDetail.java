package io.bridgescope.desktop.ports;

import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;
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

  /** One lifecycle step; {@code done} false means not reached yet (no block/tx/time then). */
  public record Step(
      String name,
      boolean done,
      String chain,
      Optional<Long> block,
      Optional<Hash32> tx,
      Optional<String> time) {}

  /** A decoded payload field; {@code hex} values get a copy menu. */
  public record Field(String name, String value, boolean hex) {}

  /** Where a message's leaf lives: a commitment (by start id) or a checkpoint (by submit tx). */
  public record TreeRef(boolean commitment, String key, BigInteger leafId, String label) {}
}
