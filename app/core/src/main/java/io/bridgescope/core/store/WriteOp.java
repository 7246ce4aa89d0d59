package io.bridgescope.core.store;

import java.sql.Connection;
import java.sql.SQLException;

/** One write of a {@link Batch}, run on the writer thread inside the batch's transaction. */
@FunctionalInterface
public interface WriteOp {
  void apply(Connection c) throws SQLException;
}
