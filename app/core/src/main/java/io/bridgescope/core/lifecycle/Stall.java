package io.bridgescope.core.lifecycle;

import java.util.Objects;

/**
 * A stage of the bridge that stopped moving: what stopped, in words a user understands, and what
 * that means for waiting messages.
 *
 * @param part which actor's work stopped
 * @param summary one sentence: what is observed and against which cadence
 */
public record Stall(Part part, String summary) {

  /** The three actors whose work moves messages along (docs/protocol.md, the two lifecycles). */
  public enum Part {
    /** Validators committing state syncs to the child chain. */
    COMMITTING("commitments"),
    /** The relayer executing committed state syncs on the child chain. */
    EXECUTING("relayer"),
    /** Validators checkpointing the child chain to the root chain. */
    CHECKPOINTING("checkpoints");

    private final String key;

    Part(String key) {
      this.key = key;
    }

    /** The JSON key and short name ("relayer"). */
    public String key() {
      return key;
    }
  }

  public Stall {
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(summary, "summary");
  }
}
