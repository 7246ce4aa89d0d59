package io.bridgescope.core.lifecycle;

import io.bridgescope.core.store.rows.ExitRow;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An exit with its status and, once covered, the child block of the checkpoint a proof is built
 * against (the latest of the exit's epoch).
 */
public record ExitStatus(ExitRow exit, MessageStatus status, OptionalLong checkpointBlock) {

  public ExitStatus {
    Objects.requireNonNull(exit, "exit");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(checkpointBlock, "checkpointBlock");
  }

  public Stage stage() {
    return status.stage();
  }
}
