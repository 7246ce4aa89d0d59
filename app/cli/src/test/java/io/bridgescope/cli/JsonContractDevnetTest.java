package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.model.Address;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON contract on success, against one real devnet: every verb with {@code --json} that needs
 * a node (the index readers, proofs, verify, and the wallet's sending verbs) prints exactly one
 * JSON document and nothing else on stdout; {@link JsonContractTest} covers the rest and every
 * failure.
 */
@Tag("devnet")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonContractDevnetTest {

  static final String MNEMONIC = "test test test test test test test test test test test junk";
  static final BigInteger ETHER = BigInteger.TEN.pow(18);
  static final Duration WAIT = Duration.ofMinutes(3);

  @TempDir static Path work;
  Devnet devnet;
  Path data;
  Path pw;
  Address me;
  final Set<String> covered = new LinkedHashSet<>();

  @BeforeAll
  void start() throws Exception {
    DevnetConfig cfg =
        DevnetConfig.defaults().toBuilder()
            .commitEvery(1)
            .commitInterval(Duration.ofSeconds(1))
            .epochSize(4)
            // the demo users would also claim this test's exit (ExitHelper.exit takes anyone's)
            .autoExit(false)
            .build();
    devnet =
        Devnet.start(
            cfg, DevnetHome.locate(), Files.createDirectories(work.resolve("devnet")), m -> {});
    data = work.resolve("data");
    new DataDir(data).saveProfile(devnet.profile().toBuilder().confirmations(0).build());
    pw = Files.writeString(work.resolve("pw.txt"), "json-contract-devnet-pw\n");
    // anvil account 6: not one of the demo traffic's users, so no nonce races with it
    List<?> accounts = (List<?>) devnet.root().rpc("eth_accounts", List.of());
    me = Address.of(accounts.get(6).toString());
    Address minter = Address.of(accounts.get(0).toString());
    byte[] mint =
        Abi.call(
            "mint(address,uint256)",
            AbiValue.address(me),
            AbiValue.uint(ETHER.multiply(BigInteger.valueOf(1000))));
    devnet
        .root()
        .awaitReceipt(
            devnet.root().sendUnlocked(minter, devnet.contracts().rootToken(), mint, null, null),
            Duration.ofSeconds(30));
  }

  @AfterAll
  void stop() {
    if (devnet != null) {
      devnet.close();
    }
  }

  /** Runs a verb with --json on the devnet's data directory; it must succeed with one document. */
  JsonNode ok(String... args) {
    CliRun.Result r = run(args);
    JsonNode doc = r.noStackTrace().json();
    assertThat(r.exit()).as("%s: %s%nstderr: %s", String.join(" ", args), doc, r.err()).isZero();
    assertThat(doc.has("error")).as(doc.toString()).isFalse();
    covered.add(verb(args));
    return doc;
  }

  CliRun.Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--json", "--data-dir", data.toString()));
    return CliRun.run(all.toArray(String[]::new));
  }

  static String verb(String... args) {
    return args[0].equals("keys") || args[0].equals("tx") ? args[0] + " " + args[1] : args[0];
  }

  static JsonNode first(JsonNode array, Predicate<JsonNode> p) {
    for (JsonNode n : array) {
      if (p.test(n)) {
        return n;
      }
    }
    return null;
  }

  static boolean stage(JsonNode row, String... stages) {
    return List.of(stages).contains(row.path("status").asText());
  }

  BigInteger childBalance() {
    byte[] r = devnet.child().call(devnet.contracts().childToken(), BridgeAbi.balanceOf(me));
    return r.length == 0 ? BigInteger.ZERO : new AbiReader(r).uint("balance", 0);
  }

  @Test
  void everyVerbThatNeedsANodeAnswersSuccessWithOneDocument() throws Exception {
    Path words = Files.writeString(work.resolve("mnemonic.txt"), MNEMONIC + "\n");
    JsonNode key =
        ok(
            "keys",
            "import",
            "me",
            "--mnemonic-file",
            words.toString(),
            "--path",
            "m/44'/60'/0'/0/6",
            "--password-file",
            pw.toString());
    assertThat(key.path("imported").path("address").asText()).isEqualTo(me.toString());

    // the demo traffic's deposits get committed and its exits checkpointed
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              JsonNode ix = ok("index");
              assertThat(ix.path("root").path("head").asLong()).isNotNegative();
              return first(ok("deposits"), d -> stage(d, "committed", "executed")) != null
                  && first(ok("exits"), e -> stage(e, "checkpointed", "exited")) != null;
            });
    JsonNode deposit = first(ok("deposits"), d -> stage(d, "committed", "executed"));
    JsonNode exit = first(ok("exits"), e -> stage(e, "checkpointed", "exited"));

    JsonNode status = ok("status");
    assertThat(status.path("health").asText()).isEqualTo("ok");
    assertThat(status.path("deposits").path("total").asLong()).isPositive();

    String depositId = deposit.path("id").asText();
    assertThat(ok("commitment", depositId).path("startId").asText()).isNotEmpty();
    assertThat(ok("proof", "deposit", depositId).path("checkedOnChain").asBoolean()).isTrue();
    String exitId = exit.path("id").asText();
    assertThat(ok("checkpoint", exit.path("epoch").asText()).path("epoch").asLong())
        .isEqualTo(exit.path("epoch").asLong());
    assertThat(ok("proof", "exit", exitId).path("checkedOnChain").asBoolean()).isTrue();
    assertThat(ok("verify").path("notVerified")).isNotNull();

    // evidence: exported from the index (signed by "me"), re-checked with no node
    String startId = ok("commitment", depositId).path("startId").asText();
    Path bundle = work.resolve("commitment.evidence.json");
    JsonNode exported =
        ok(
            "export-evidence",
            "--commitment",
            startId,
            "--out",
            bundle.toString(),
            "--sign-with",
            "me",
            "--password-file",
            pw.toString());
    assertThat(exported.path("signedBy").asText()).isEqualTo(me.toString());
    Path checkpointBundle = work.resolve("checkpoint.evidence.json");
    ok(
        "export-evidence",
        "--checkpoint",
        exit.path("epoch").asText(),
        "--out",
        checkpointBundle.toString());
    Path again = work.resolve("checkpoint.again.json");
    ok("export-evidence", "--checkpoint", exit.path("epoch").asText(), "--out", again.toString());
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(checkpointBundle));
    for (Path b : List.of(bundle, checkpointBundle)) {
      JsonNode checked = ok("verify-evidence", b.toString());
      assertThat(checked.path("valid").asBoolean()).as("%s", checked).isTrue();
    }
    assertThat(ok("verify-evidence", bundle.toString()).path("exporter").asText())
        .isEqualTo(me.toString());

    JsonNode validators = ok("validators", "--threshold", "0.5");
    assertThat(validators.path("complete").asBoolean()).isTrue();
    assertThat(validators.path("subjects").asInt()).isPositive();
    assertThat(validators.path("participation").size()).isPositive();
    assertThat(validators.path("history").get(0).path("label").asText()).isEqualTo("genesis set");
    assertThat(
            validators
                .path("history")
                .get(0)
                .path("concentration")
                .path("exceedingTwoThirds")
                .asInt())
        .isPositive();
    JsonNode solvency = ok("solvency");
    assertThat(solvency.path("tokens").size()).isPositive();
    assertThat(solvency.path("tokens").get(0).path("status").asText())
        .isIn("balanced", "unsettled");
    // --record keeps a verdict (none while unsettled), --history reads it back with no node asked
    await("a solvency verdict is kept")
        .atMost(WAIT)
        .until(
            () -> {
              JsonNode checked = ok("solvency", "--record");
              return checked.path("unsettled").isNull()
                  && ok("solvency", "--history", "100").path("history").size() > 0;
            });
    JsonNode kept = ok("solvency", "--history", "100");
    assertThat(kept.path("history").get(0).path("status").asText()).isEqualTo("balanced");
    assertThat(kept.path("history").get(0).path("rootToken").asText()).startsWith("0x");
    assertThat(kept.path("history").get(0).has("id")).isTrue();
    Path html = work.resolve("report.html");
    JsonNode report =
        ok(
            "report",
            "--from",
            "0",
            "--to",
            solvency.path("childBlock").asText(),
            "--out",
            html.toString());
    assertThat(report.path("format").asText()).isEqualTo("html");
    assertThat(report.path("bytes").asLong()).isEqualTo(Files.size(html));
    assertThat(report.path("sha256").asText()).hasSize(64);

    // the wallet: deposit, withdraw, then claim the exit through the air-gapped flow
    String keyArgs = "--key me --yes --password-file " + pw;
    JsonNode dep =
        ok(args("deposit --token " + devnet.contracts().rootToken() + " --amount 100 " + keyArgs));
    assertThat(dep.path("review").path("steps").size()).isPositive();
    assertThat(dep.path("outcome").path("ok").asBoolean()).isTrue();
    await()
        .atMost(WAIT)
        .until(() -> childBalance().compareTo(ETHER.multiply(BigInteger.valueOf(100))) >= 0);

    JsonNode w =
        ok(args("withdraw --token " + devnet.contracts().childToken() + " --amount 10 " + keyArgs));
    assertThat(w.path("outcome").path("ok").asBoolean()).isTrue();
    String myExit = w.path("outcome").path("steps").get(0).path("emittedIds").get(0).asText();
    Path withdrawFile = work.resolve("withdraw-unsigned.json");
    JsonNode ew =
        ok(
            args(
                "tx export-withdraw --from "
                    + me
                    + " --token "
                    + devnet.contracts().childToken()
                    + " --amount 5 --out "
                    + withdrawFile));
    assertThat(ew.path("file").asText()).isEqualTo(withdrawFile.toString());
    assertThat(ew.path("review").path("steps").get(0).path("call").path("function").asText())
        .startsWith("withdraw");
    assertThat(withdrawFile).exists();
    // a deposit needing its approval first is exported as that approval, its deposit beside it
    Path depositFile = work.resolve("deposit-unsigned.json");
    JsonNode ed =
        ok(
            args(
                "tx export-deposit --from "
                    + me
                    + " --token "
                    + devnet.contracts().rootToken()
                    + " --amount 5 --out "
                    + depositFile));
    assertThat(ed.path("file").asText()).isEqualTo(depositFile.toString());
    assertThat(ed.path("review").path("steps").get(0).path("call").path("function").asText())
        .isEqualTo("approve");
    assertThat(depositFile).exists();
    ok("index");
    assertThat(first(ok("exit", "list", "--key", "me"), e -> e.path("id").asText().equals(myExit)))
        .isNotNull();

    Path unsigned = work.resolve("exit-unsigned.json");
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              ok("index");
              CliRun.Result r =
                  run(
                      "tx",
                      "export",
                      "--from",
                      me.toString(),
                      "--exit",
                      myExit,
                      "--out",
                      unsigned.toString());
              if (r.exit() != 0) {
                assertThat(r.error().path("code").asText()).isEqualTo("wallet_not_ready");
                return false;
              }
              assertThat(r.json().path("file").asText()).isEqualTo(unsigned.toString());
              covered.add("tx export");
              return true;
            });
    Path signed = work.resolve("exit-signed.json");
    JsonNode sig =
        ok(
            "tx",
            "sign",
            "--file",
            unsigned.toString(),
            "--key",
            "me",
            "--out",
            signed.toString(),
            "--password-file",
            pw.toString());
    assertThat(sig.path("hash").asText()).startsWith("0x");
    JsonNode sent = ok("tx", "send", "--file", signed.toString());
    assertThat(sent.path("outcome").path("ok").asBoolean()).isTrue();
    assertThat(sent.path("outcome").path("steps").get(0).path("tx").asText())
        .isEqualTo(sig.path("hash").asText());
    assertThat(ok("tx", "list").size()).isGreaterThanOrEqualTo(3);
    assertThat(ok("tx", "resume").isArray()).isTrue();

    // a deposit the relayer leaves alone, executed by the user
    devnet.setRelayerPaused(true);
    JsonNode dep2 =
        ok(args("deposit --token " + devnet.contracts().rootToken() + " --amount 1 " + keyArgs));
    String mine =
        dep2.path("outcome")
            .path("steps")
            .get(dep2.path("outcome").path("steps").size() - 1)
            .path("emittedIds")
            .get(0)
            .asText();
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              ok("index");
              CliRun.Result r = run(args("self-execute " + mine + " " + keyArgs));
              if (r.exit() != 0) {
                assertThat(r.error().path("code").asText()).isEqualTo("wallet_not_ready");
                return false;
              }
              assertThat(r.json().path("outcome").path("ok").asBoolean()).isTrue();
              covered.add("self-execute");
              return true;
            });

    Set<String> all = new LinkedHashSet<>(covered);
    all.addAll(JsonContractTest.SUCCESS_WITHOUT_NODE);
    assertThat(all)
        .as("every verb with --json has a success case here or in JsonContractTest")
        .containsAll(CliRun.jsonVerbs());
  }

  /** Splits on spaces (no argument here contains one). */
  static String[] args(String line) {
    return line.split(" ");
  }
}
