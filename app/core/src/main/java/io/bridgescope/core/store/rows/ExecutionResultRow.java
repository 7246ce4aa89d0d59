package io.bridgescope.core.store.rows;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The outcome of delivering one message: a child {@code StateSyncResult(id, status, message)} or a
 * root {@code ExitProcessed(id, success, returnData)}. A failure may be followed by a later
 * success.
 */
public record ExecutionResultRow(BigInteger id, boolean success, Bytes returnData, EventRef event) {

  public ExecutionResultRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(returnData, "returnData");
    Objects.requireNonNull(event, "event");
  }
}
