package io.bridgescope.core.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedPgTest {

  @Test
  void aRealServerAnswers() throws Exception {
    String db = EmbeddedPg.freshDatabase();
    try (Connection c = EmbeddedPg.superuser(db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_database(), version()")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(db);
      assertThat(rs.getString(2)).startsWith("PostgreSQL 14");
    }
  }
}
