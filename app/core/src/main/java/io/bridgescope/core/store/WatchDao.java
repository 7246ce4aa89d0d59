package io.bridgescope.core.store;

import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.Watch;
import io.bridgescope.core.store.rows.WatchKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The user's watch list and key/value settings. */
public final class WatchDao {

  private final Connection c;

  public WatchDao(Connection c) {
    this.c = c;
  }

  /** Adds a watch, or updates the label of an existing one. */
  public void watch(WatchKind kind, Bytes value, Optional<String> label, Instant now)
      throws SQLException {
    Sql.update(
        c,
        "INSERT INTO watches (kind, value, label, created_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (kind, value) DO UPDATE SET label = excluded.label",
        ps -> {
          ps.setString(1, kind.key());
          ps.setBytes(2, value.value());
          ps.setString(3, label.orElse(null));
          ps.setLong(4, now.toEpochMilli());
        });
  }

  public boolean unwatch(WatchKind kind, Bytes value) throws SQLException {
    return Sql.update(
            c,
            "DELETE FROM watches WHERE kind = ? AND value = ?",
            ps -> {
              ps.setString(1, kind.key());
              ps.setBytes(2, value.value());
            })
        == 1;
  }

  public List<Watch> all() throws SQLException {
    return Sql.list(
        c,
        "SELECT * FROM watches ORDER BY id",
        ps -> {},
        rs ->
            new Watch(
                rs.getLong("id"),
                WatchKind.fromKey(rs.getString("kind")),
                Sql.data(rs, "value"),
                Optional.ofNullable(rs.getString("label")),
                Instant.ofEpochMilli(rs.getLong("created_at"))));
  }

  public Optional<String> setting(String key) throws SQLException {
    return Sql.one(
        c,
        "SELECT value FROM settings WHERE key = ?",
        ps -> ps.setString(1, key),
        rs -> rs.getString(1));
  }

  public void putSetting(String key, String value) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO settings (key, value) VALUES (?, ?)"
            + " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        ps -> {
          ps.setString(1, key);
          ps.setString(2, value);
        });
  }
}
