package io.bridgescope.core.verify;

import io.bridgescope.core.store.rows.VerdictRow;

/** Told when a commitment's or checkpoint's verdict is new or changed status or reason. */
@FunctionalInterface
public interface VerdictListener {
  /** Called on the verifying thread; keep it short and do not block. */
  void verdictChanged(VerdictRow verdict);
}
