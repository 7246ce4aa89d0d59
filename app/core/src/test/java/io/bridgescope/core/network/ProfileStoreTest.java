package io.bridgescope.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The profile's optional {@code store}: the team index the CLI uses when no --db is given. */
class ProfileStoreTest {

  private static final String URL = "postgresql://db.example:5433/bridge?sslmode=verify-full";

  @Test
  void aProfileWithoutStoreUsesTheLocalFileAndWritesNoStoreField() {
    NetworkProfile p = NetworkProfileJsonTest.sample();
    assertThat(p.store()).isNull();
    assertThat(NetworkProfileJson.toJson(p)).doesNotContain("\"store\"");
  }

  @Test
  void theStoreSurvivesWriteAndRead(@TempDir Path dir) throws Exception {
    NetworkProfile p = NetworkProfileJsonTest.sample().toBuilder().store(URL).build();
    Path file = dir.resolve("team.json");
    NetworkProfileJson.write(p, file);
    NetworkProfile back = NetworkProfileJson.read(file);
    assertThat(back.store()).isEqualTo(URL);
    assertThat(back).isEqualTo(p);
    assertThat(back.toBuilder().build().store()).isEqualTo(URL);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgresql://indexer:s3cret@db.example/bridge",
        "postgresql://db.example/bridge?user=indexer&password=s3cret",
        "postgresql://db.example/bridge?sslmode=verify-full&PASSWORD=s3cret",
        "postgresql://db.example/bridge?sslkey=/k.pk8&sslpassword=s3cret"
      })
  void aStoreHoldingAPasswordIsRefusedNamingTheFieldWithoutEchoingIt(String url) {
    NetworkConfigException e = assertThrows(NetworkConfigException.class, () -> load(url));
    assertThat(e.problems()).extracting(ConfigProblem::field).containsExactly("store");
    assertThat(e.problems().get(0).message()).containsIgnoringCase("password");
    assertThat(e.getMessage()).contains("store").doesNotContain("s3cret");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/var/lib/bridgescope/index.db",
        "mysql://db.example/bridge",
        "postgresql:///bridge",
        "postgresql://db.example/",
        "postgresql://db.example/bridge?sslmod=require",
        "postgresql://db example/bridge"
      })
  void aStoreThatIsNotAPostgresqlUrlIsRefusedNamingTheField(String url) {
    NetworkConfigException e = assertThrows(NetworkConfigException.class, () -> load(url));
    assertThat(e.problems()).extracting(ConfigProblem::field).containsExactly("store");
    assertThat(e.getMessage()).contains("store").contains("SQLite");
  }

  @Test
  void aStoreThatIsNotAStringIsRefusedNamingTheField() {
    String json =
        NetworkProfileJson.toJson(NetworkProfileJsonTest.sample())
            .replaceFirst("\\{", "{\"store\": 5432,");
    NetworkConfigException e =
        assertThrows(NetworkConfigException.class, () -> NetworkProfileJson.parse(json, "test"));
    assertThat(e.problems()).extracting(ConfigProblem::field).containsExactly("store");
  }

  @Test
  void theBuilderAppliesTheSameRule() {
    var b = NetworkProfileJsonTest.sample().toBuilder().store("postgresql://u:pw@h/db");
    assertThat(b.problems()).extracting(ConfigProblem::field).containsExactly("store");
    assertThrows(NetworkConfigException.class, b::build);
  }

  /** Parses the sample profile's JSON with {@code "store": url}, as a file would hold it. */
  private static NetworkProfile load(String url) {
    String json =
        NetworkProfileJson.toJson(NetworkProfileJsonTest.sample())
            .replaceFirst("\\{", "{\"store\": \"" + url + "\",");
    return NetworkProfileJson.parse(json, "network file team.json");
  }
}
