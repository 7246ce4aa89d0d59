package io.bridgescope.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** A write with a result (e.g. a generated id), run in one transaction by {@link StoreWriter}. */
@FunctionalInterface
public interface WriteTask<T> {
  @Nullable T apply(Connection c) throws SQLException;
}
