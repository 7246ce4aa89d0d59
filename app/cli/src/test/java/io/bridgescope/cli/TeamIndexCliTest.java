package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --db} on the CLI: a URL with a password is a usage error that does not echo it, and an
 * unreachable team index is {@code store_unreachable} naming the server, for a reader verb and for
 * the indexer alike; without {@code --db} the profile's {@code store} is used. (The server-side
 * cases run against a real PostgreSQL in core's PgTeamIndexTest.)
 */
class TeamIndexCliTest {

  @TempDir Path dir;
  Path data;

  @BeforeEach
  void dataDirectory() throws IOException {
    data = dir.resolve("data");
    JsonContractTest.saveProfile(data, "deadnet", JsonContractTest.closedPort());
  }

  private CliRun.Result json(String... args) {
    String[] all = new String[args.length + 5];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--json";
    all[args.length + 1] = "--data-dir";
    all[args.length + 2] = data.toString();
    all[args.length + 3] = "-n";
    all[args.length + 4] = "deadnet";
    return CliRun.run(all);
  }

  @Test
  void aPasswordInTheUrlIsRefusedWithoutEchoingIt() {
    CliRun.Result r = json("deposits", "--db", "postgresql://ops:hunter2@127.0.0.1/bridge");
    JsonNode e = r.error();
    assertThat(e.get("code").asText()).isEqualTo("usage");
    assertThat(e.get("message").asText()).contains("PGPASSWORD").doesNotContain("hunter2");
    assertThat(r.out() + r.err()).doesNotContain("hunter2");
  }

  @Test
  void anUnreachableTeamIndexIsNamedForReadersAndTheIndexer() throws IOException {
    int port = JsonContractTest.closedPort();
    String url = "postgresql://ops@127.0.0.1:" + port + "/bridge?connectTimeout=5";
    for (String verb : new String[] {"deposits", "index"}) {
      JsonNode e = json(verb, "--db", url).error();
      assertThat(e.get("code").asText()).as(verb).isEqualTo("store_unreachable");
      assertThat(e.get("message").asText())
          .as(verb)
          .contains("Cannot reach the PostgreSQL server 127.0.0.1:" + port);
    }
  }

  /** Puts {@code "store": url} in the deadnet profile, as a team would write it. */
  private void profileStore(String url) throws IOException {
    Path file = data.resolve("networks/deadnet.json");
    String json = Files.readString(file);
    Files.writeString(file, json.replaceFirst("\\{", "{\"store\": \"" + url + "\","));
  }

  @Test
  void withoutDbTheProfilesStoreIsUsedByReadersAndTheIndexer() throws IOException {
    int port = JsonContractTest.closedPort();
    profileStore("postgresql://ops@127.0.0.1:" + port + "/bridge?connectTimeout=5");
    for (String verb : new String[] {"deposits", "index"}) {
      JsonNode e = json(verb).error();
      assertThat(e.get("code").asText()).as(verb).isEqualTo("store_unreachable");
      assertThat(e.get("message").asText())
          .as(verb)
          .contains("Cannot reach the PostgreSQL server 127.0.0.1:" + port);
    }
  }

  @Test
  void dbOverridesTheProfilesStore() throws IOException {
    int inProfile = JsonContractTest.closedPort();
    int given = JsonContractTest.closedPort();
    while (given == inProfile) {
      given = JsonContractTest.closedPort();
    }
    profileStore("postgresql://ops@127.0.0.1:" + inProfile + "/bridge?connectTimeout=5");
    String url = "postgresql://ops@127.0.0.1:" + given + "/bridge?connectTimeout=5";
    JsonNode e = json("deposits", "--db", url).error();
    assertThat(e.get("code").asText()).isEqualTo("store_unreachable");
    assertThat(e.get("message").asText())
        .contains("127.0.0.1:" + given)
        .doesNotContain("127.0.0.1:" + inProfile + "/");
  }

  @Test
  void aProfileStoreHoldingAPasswordIsAConfigErrorNamingTheFieldWithoutEchoingIt()
      throws IOException {
    profileStore("postgresql://ops:hunter2@127.0.0.1/bridge");
    CliRun.Result r = json("deposits");
    JsonNode e = r.error();
    assertThat(e.get("code").asText()).isEqualTo("network_config");
    assertThat(e.get("message").asText()).contains("store").contains("PGPASSWORD");
    assertThat(r.out() + r.err()).doesNotContain("hunter2");
  }
}
