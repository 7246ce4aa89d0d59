package io.bridgescope.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The committed artifacts are what the sources compile to, the contracts' own node test suite
 * passes on anvil, and every function and event our Java codecs use exists in the compiled ABIs.
 */
class ContractArtifactsTest {

  private final Path devnetDir = DevnetHome.locate().dir();

  // Needs node and solc-js from the devnet tools (npm): a slow test. The ABI check below reads only
  // the committed artifacts and stays in the fast suite.
  @Tag("devnet")
  @Test
  void committedArtifactsMatchAFreshCompile() throws Exception {
    Result r = node("compile.js", "--check");
    assertThat(r.exit).as(r.output).isZero();
  }

  @Tag("devnet")
  @Test
  void contractTestSuitePassesOnAnvil() throws Exception {
    Result r = node("--test", "test/");
    assertThat(r.exit).as(r.output).isZero();
    assertThat(r.output).contains("# fail 0");
  }

  @Test
  void everySelectorAndTopicWeUseIsInTheCompiledAbis() throws IOException {
    Set<String> selectors = new HashSet<>();
    Set<Hash32> topics = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    try (var files = Files.list(devnetDir.resolve("artifacts"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        for (JsonNode item : json.readTree(f.toFile()).path("abi")) {
          String sig = item.path("name").asText() + "(" + types(item.path("inputs")) + ")";
          if (item.path("type").asText().equals("function")) {
            selectors.add(Hex.encode(Abi.selector(sig)));
          } else if (item.path("type").asText().equals("event")) {
            topics.add(new Hash32(Abi.topic(sig)));
          }
        }
      }
    }
    for (String f :
        new String[] {
          BridgeAbi.COMMIT,
          BridgeAbi.SUBMIT,
          BridgeAbi.EXECUTE,
          BridgeAbi.BATCH_EXECUTE,
          BridgeAbi.EXIT,
          BridgeAbi.BATCH_EXIT,
          "syncState(address,bytes)",
          "depositTo(address,address,uint256)",
          "withdrawTo(address,address,uint256)",
          "processedExits(uint256)",
          "processedStateSyncs(uint256)",
          "lastCommittedId()",
          "getEventRootByBlock(uint256)",
          "currentEpoch()",
          "currentCheckpointBlockNumber()"
        }) {
      assertThat(selectors).as(f).contains(Hex.encode(Abi.selector(f)));
    }
    assertThat(topics)
        .contains(
            BridgeEvents.STATE_SYNCED,
            BridgeEvents.L2_STATE_SYNCED,
            BridgeEvents.NEW_COMMITMENT,
            BridgeEvents.STATE_SYNC_RESULT,
            BridgeEvents.EXIT_PROCESSED);
  }

  private static String types(JsonNode inputs) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode in : inputs) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      String t = in.path("type").asText();
      if (t.startsWith("tuple")) {
        sb.append('(').append(types(in.path("components"))).append(')').append(t.substring(5));
      } else {
        sb.append(t);
      }
    }
    return sb.toString();
  }

  private record Result(int exit, String output) {}

  private Result node(String... args) throws Exception {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "node";
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p =
        new ProcessBuilder(cmd).directory(devnetDir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Result(p.exitValue(), out);
  }
}
