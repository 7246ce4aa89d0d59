package io.bridgescope.core.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A query run on a read-only connection by {@link Database#read(ReadTask)}. */
@FunctionalInterface
public interface ReadTask<T> {
  T read(Connection c) throws SQLException;
}
