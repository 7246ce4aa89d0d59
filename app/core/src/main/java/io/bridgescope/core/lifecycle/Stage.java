package io.bridgescope.core.lifecycle;

/** Where a deposit or exit stands (docs/protocol.md, the two lifecycles). */
public enum Stage {
  /** Emitted; not yet in a commitment (deposit) or checkpoint (exit). */
  SENT,
  /** A deposit in a commitment on the child chain, waiting to be executed. */
  COMMITTED,
  /** An exit covered by a checkpoint on the root: ready to withdraw. */
  CHECKPOINTED,
  /** A deposit executed successfully on the child chain. */
  EXECUTED,
  /** An exit processed successfully on the root chain. */
  EXITED,
  /** Every execution so far failed; it may be retried. */
  FAILED,
  /** Waiting far longer than the observed cadence (see {@link MessageStatus#overdue()}). */
  STUCK
}
