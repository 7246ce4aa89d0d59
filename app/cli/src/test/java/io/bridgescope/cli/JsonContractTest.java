package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The JSON contract of every verb (README.md, "CLI JSON"), without a node: each verb that has
 * {@code --json} answers a failure with exactly one {@code {"error": {code, message}}} document on
 * stdout and a non-zero exit, and the verbs that need no node answer success with one document. The
 * success of the others is checked against a real devnet in {@link JsonContractDevnetTest}.
 */
class JsonContractTest {

  static final String ADDRESS = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  static final String KEY = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
  static final String PASSWORD = "json-contract-password";

  /**
   * Verbs whose success {@link #keysAndIndexReadersAnswerSuccessWithOneDocument} checks ({@code
   * verify-evidence}'s: {@link VerifyEvidenceCliTest}).
   */
  static final List<String> SUCCESS_WITHOUT_NODE =
      List.of(
          "keys create",
          "keys import",
          "keys list",
          "keys rename",
          "keys export",
          "keys delete",
          "networks import",
          "networks list",
          "networks show",
          "deposits",
          "exits",
          "transfers",
          "verify",
          "verify-evidence");

  @TempDir Path dir;
  Path data;
  Path pw;

  @BeforeEach
  void dataDirectory() throws IOException {
    data = dir.resolve("data");
    saveProfile("deadnet", closedPort());
    Files.createDirectories(data.resolve("networks"));
    Files.writeString(
        data.resolve("networks/broken.json"), "{\"format\": 1, \"name\": \"broken\"}");
    pw = Files.writeString(dir.resolve("pw.txt"), PASSWORD + "\n");
  }

  /** A port nothing listens on: the node is down. */
  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  void saveProfile(String name, int port) throws IOException {
    saveProfile(data, name, port);
  }

  /** A devnet-shaped profile named {@code name} whose nodes are both at {@code port}. */
  static void saveProfile(Path data, String name, int port) throws IOException {
    Files.createDirectories(data.resolve("networks"));
    Files.writeString(
        data.resolve("networks/" + name + ".json"),
        """
        {"format": 1, "name": "%s",
         "root": {"chainId": 31337, "rpcUrls": ["http://127.0.0.1:%d"], "startBlock": 0},
         "child": {"chainId": 31338, "rpcUrls": ["http://127.0.0.1:%d"], "startBlock": 0},
         "contracts": {
           "stateSender": "0x6fe03c2768c9d800aa3d9e6ff5e1e6d0d6dc5d0a",
           "checkpointManager": "0x3d46a809d5767b81a8836f0e79145ba615a2dd61",
           "exitHelper": "0x947a581b2713f58a8145201da41bcb6aae90196b",
           "rootErc20Predicate": "0x1af6ae0d7e7d2a3e8fa1d3ee9e81a8f2d7c1b7c5",
           "stateReceiver": "0x0000000000000000000000000000000000001001",
           "l2StateSender": "0x0000000000000000000000000000000000001002",
           "childErc20Predicate": "0x0000000000000000000000000000000000001004",
           "validatorSet": "0x0000000000000000000000000000000000000101"},
         "epochSize": 10, "blsScheme": "bn254-edge", "confirmations": 0}
        """
            .formatted(name, port, port));
  }

  CliRun.Result json(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--json");
    all.add("--data-dir");
    all.add(data.toString());
    return CliRun.run(all.toArray(String[]::new));
  }

  @Test
  void solvencyHistoryArgumentsAreCheckedBeforeAnythingIsOpened() {
    for (String[] args :
        List.of(
            new String[] {"solvency", "-n", "nowhere", "--history", "0"},
            new String[] {"solvency", "-n", "nowhere", "--history", "5", "--record"})) {
      CliRun.Result r = json(args);
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.json().path("error").path("code").asText()).isEqualTo("usage");
    }
  }

  /** A failing invocation of every verb with --json, and the error code it must give. */
  Map<String, Object[]> failures() {
    String missing = dir.resolve("missing.json").toString();
    Map<String, Object[]> m = new LinkedHashMap<>();
    m.put("index", new Object[] {"network_not_found", "index", "-n", "nowhere"});
    m.put("status", new Object[] {"network_not_found", "status", "-n", "nowhere"});
    m.put(
        "deposits",
        new Object[] {"invalid_argument", "deposits", "-n", "deadnet", "--address", "0x12"});
    m.put("exits", new Object[] {"network_not_found", "exits", "-n", missing});
    m.put(
        "transfers",
        new Object[] {"invalid_argument", "transfers", "-n", "deadnet", "--kind", "nft"});
    m.put("commitment", new Object[] {"not_indexed", "commitment", "7", "-n", "deadnet"});
    m.put("checkpoint", new Object[] {"not_indexed", "checkpoint", "3", "-n", "deadnet"});
    m.put(
        "proof",
        new Object[] {"proof_not_indexed", "proof", "exit", "5", "--offline", "-n", "deadnet"});
    m.put("verify", new Object[] {"network_config", "verify", "-n", "broken"});
    m.put(
        "export-evidence",
        new Object[] {
          "not_indexed", "export-evidence", "--commitment", "7", "--out", missing, "-n", "deadnet"
        });
    m.put("verify-evidence", new Object[] {"io_error", "verify-evidence", missing});
    m.put("validators", new Object[] {"not_indexed", "validators", "-n", "deadnet"});
    m.put("solvency", new Object[] {"not_indexed", "solvency", "-n", "deadnet"});
    m.put(
        "report",
        new Object[] {
          "not_indexed",
          "report",
          "--from",
          "0",
          "--to",
          "5",
          "--out",
          dir.resolve("report.pdf").toString(),
          "-n",
          "deadnet"
        });
    m.put("networks import", new Object[] {null, "networks", "import", missing});
    m.put("networks list", new Object[] {"usage", "networks", "list", "--limit", "3"});
    m.put("networks show", new Object[] {"network_not_found", "networks", "show", "nowhere"});
    m.put("keys create", new Object[] {"invalid_argument", "keys", "create", "k1"});
    m.put("keys import", new Object[] {"invalid_argument", "keys", "import", "k1"});
    m.put("keys list", new Object[] {"usage", "keys", "list", "--limit", "3"});
    m.put("keys rename", new Object[] {"keystore_not_found", "keys", "rename", "nope", "k2"});
    m.put("keys export", new Object[] {"keystore_not_found", "keys", "export", "nope", missing});
    m.put("keys delete", new Object[] {"keystore_not_found", "keys", "delete", "nope"});
    m.put(
        "withdraw",
        new Object[] {
          "network_not_found", "withdraw", "--token", ADDRESS, "--amount", "1", "-n", "nowhere"
        });
    m.put("exit", new Object[] {"network_not_found", "exit", "list", "-n", "nowhere"});
    m.put(
        "deposit",
        new Object[] {
          "network_not_found", "deposit", "--token", ADDRESS, "--amount", "1", "-n", "nowhere"
        });
    m.put("self-execute", new Object[] {"usage", "self-execute", "1", "-n", "deadnet"});
    m.put(
        "tx export",
        new Object[] {
          "network_not_found",
          "tx",
          "export",
          "--from",
          ADDRESS,
          "--exit",
          "1",
          "--out",
          missing,
          "-n",
          "nowhere"
        });
    m.put(
        "tx export-withdraw",
        new Object[] {
          "network_not_found",
          "tx",
          "export-withdraw",
          "--from",
          ADDRESS,
          "--erc721",
          ADDRESS,
          "--id",
          "7",
          "--out",
          missing,
          "-n",
          "nowhere"
        });
    m.put(
        "tx export-deposit",
        new Object[] {
          "network_not_found",
          "tx",
          "export-deposit",
          "--from",
          ADDRESS,
          "--token",
          ADDRESS,
          "--amount",
          "1.5",
          "--out",
          missing,
          "-n",
          "nowhere"
        });
    m.put("tx sign", new Object[] {null, "tx", "sign", "--file", missing, "--key", "k1"});
    m.put("tx send", new Object[] {null, "tx", "send", "--file", missing});
    m.put("tx resume", new Object[] {"network_not_found", "tx", "resume", "-n", "nowhere"});
    m.put("tx list", new Object[] {"network_not_found", "tx", "list", "-n", "nowhere"});
    return m;
  }

  @Test
  void everyVerbAnswersAFailureWithOneErrorDocument() {
    Map<String, Object[]> cases = failures();
    assertThat(cases.keySet())
        .as("a failure case for every verb with --json (a new verb needs one here)")
        .containsExactlyInAnyOrderElementsOf(CliRun.jsonVerbs());
    for (var c : cases.entrySet()) {
      Object[] spec = c.getValue();
      String[] args = new String[spec.length - 1];
      for (int i = 1; i < spec.length; i++) {
        args[i - 1] = spec[i].toString();
      }
      CliRun.Result r = json(args).noStackTrace();
      JsonNode e = r.error();
      if (spec[0] != null) {
        assertThat(e.path("code").asText()).as(c.getKey() + ": " + e).isEqualTo(spec[0]);
      }
    }
  }

  @Test
  void everyVerbAnswersBadArgumentsWithAUsageErrorDocument() {
    for (String verb : CliRun.jsonVerbs()) {
      List<String> args = new ArrayList<>(List.of(verb.split(" ")));
      args.add("--no-such-option");
      CliRun.Result r = json(args.toArray(String[]::new)).noStackTrace();
      assertThat(r.error().path("code").asText()).as(verb).isEqualTo("usage");
      assertThat(r.exit()).as(verb).isEqualTo(2);
    }
    // also a verb that has no --json at all
    assertThat(json("demo").error().path("message").asText()).contains("--json");
  }

  @Test
  void keysAndIndexReadersAnswerSuccessWithOneDocument() throws IOException {
    Path keyFile = Files.writeString(dir.resolve("key.txt"), KEY + "\n");
    JsonNode imported =
        ok(
            json(
                "keys",
                "import",
                "alice",
                "--key-file",
                keyFile.toString(),
                "--password-file",
                pw.toString()));
    assertThat(imported.path("imported").path("address").asText()).isEqualTo(ADDRESS);
    JsonNode created = ok(json("keys", "create", "bob", "--password-file", pw.toString()));
    assertThat(created.path("created").path("name").asText()).isEqualTo("bob");
    assertThat(ok(json("keys", "rename", "bob", "carol")).path("renamed").path("name").asText())
        .isEqualTo("carol");
    Path backup = dir.resolve("backup.json");
    assertThat(
            ok(json("keys", "export", "alice", backup.toString()))
                .path("exported")
                .path("to")
                .asText())
        .isEqualTo(backup.toString());
    JsonNode list = ok(json("keys", "list"));
    assertThat(list.isArray()).isTrue();
    assertThat(list).hasSize(2);
    assertThat(ok(json("keys", "delete", "carol", "--yes")).path("deleted").path("name").asText())
        .isEqualTo("carol");

    assertThat(ok(json("deposits", "-n", "deadnet")).isArray()).isTrue();
    assertThat(ok(json("exits", "-n", "deadnet")).isArray()).isTrue();
    assertThat(ok(json("transfers", "-n", "deadnet", "--kind", "erc721")).isArray()).isTrue();
    JsonNode verify = ok(json("verify", "-n", "deadnet"));
    assertThat(verify.has("commitments")).isTrue();
    assertThat(verify.path("verifiedThisRun").asInt()).isZero();
  }

  private static JsonNode ok(CliRun.Result r) {
    JsonNode doc = r.noStackTrace().json();
    assertThat(r.exit()).as("exit of %s, stderr: %s", doc, r.err()).isZero();
    assertThat(doc.has("error")).as(doc.toString()).isFalse();
    return doc;
  }

  @Test
  void aConfirmationNotGivenIsAnErrorDocumentWithExit2() throws IOException {
    Path keyFile = Files.writeString(dir.resolve("key.txt"), KEY + "\n");
    ok(
        json(
            "keys",
            "import",
            "alice",
            "--key-file",
            keyFile.toString(),
            "--password-file",
            pw.toString()));
    CliRun.Result r = json("keys", "delete", "alice");
    assertThat(r.error().path("code").asText()).isEqualTo("confirmation_required");
    assertThat(r.exit()).isEqualTo(2);
  }

  @Test
  void networksVerbsAnswerWithOneDocument() throws IOException {
    Path genesis = dir.resolve("genesis.json");
    try (var in = JsonContractTest.class.getResourceAsStream("/genesis/chain-games-69421.json")) {
      Files.copy(in, genesis);
    }
    JsonNode imported =
        ok(
            json(
                "networks",
                "import",
                genesis.toString(),
                "--root-rpc",
                "http://127.0.0.1:9",
                "--child-rpc",
                "http://127.0.0.1:9",
                "--root-chain-id",
                "137",
                "--name",
                "team-net"));
    assertThat(imported.path("name").asText()).isEqualTo("team-net");
    JsonNode list = ok(json("networks", "list"));
    assertThat(list.findValuesAsText("name")).contains("team-net");
    JsonNode shown = ok(json("networks", "show", "team-net"));
    assertThat(shown.path("name").asText()).isEqualTo("team-net");
  }

  @Test
  void usageHelpWithJsonIsADocumentToo() {
    CliRun.Result r = json("status", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.json().path("help").asText()).contains("Usage:").contains("--json");
  }

  @Test
  void withoutJsonAnErrorIsOneLineOnStderrAndNothingOnStdout() {
    CliRun.Result r = CliRun.run("status", "-n", "nowhere", "--data-dir", data.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("bridgescope: network 'nowhere': no profile at");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void aVerbThatForgetsItsDocumentIsReportedNotSilent() {
    CliRun.Result r =
        CliRun.run(cl -> cl.addSubcommand("forgetful", new Forgetful()), "forgetful", "--json");
    assertThat(r.error().path("code").asText()).isEqualTo("no_json_output");
    assertThat(r.exit()).isEqualTo(70);
    assertThat(r.err()).contains("some text");
  }

  @Command(name = "forgetful")
  static final class Forgetful implements Callable<Integer> {
    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
      System.out.println("some text");
      return 0;
    }
  }

  @Command(name = "fails")
  static final class Fails implements Callable<Integer> {
    @Option(names = "--json")
    boolean json;

    final RuntimeException failure;

    Fails(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() {
      throw failure;
    }
  }
}
