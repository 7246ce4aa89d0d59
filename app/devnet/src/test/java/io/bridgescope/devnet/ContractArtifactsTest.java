package io.bridgescope.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.asset.AssetCalls;
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
          "currentCheckpointBlockNumber()",
          AssetCalls.DEPOSIT_TO_721,
          AssetCalls.DEPOSIT_BATCH_721,
          AssetCalls.DEPOSIT_TO_1155,
          AssetCalls.DEPOSIT_BATCH_1155,
          AssetCalls.WITHDRAW_TO_721,
          AssetCalls.WITHDRAW_BATCH_721,
          AssetCalls.WITHDRAW_TO_1155,
          AssetCalls.WITHDRAW_BATCH_1155,
          AssetCalls.SET_APPROVAL_FOR_ALL,
          "rootTokenToChildToken(address)",
          "ownerOf(uint256)",
          "balanceOf(address,uint256)",
          "onERC721Received(address,address,uint256,bytes)",
          "onERC1155BatchReceived(address,address,uint256[],uint256[],bytes)",
          "DEPOSIT_BATCH_SIG()",
          "WITHDRAW_BATCH_SIG()"
        }) {
      assertThat(selectors).as(f).contains(Hex.encode(Abi.selector(f)));
    }
    assertThat(topics)
        .contains(
            BridgeEvents.STATE_SYNCED,
            BridgeEvents.L2_STATE_SYNCED,
            BridgeEvents.NEW_COMMITMENT,
            BridgeEvents.STATE_SYNC_RESULT,
            BridgeEvents.EXIT_PROCESSED,
            BridgeEvents.L2_TOKEN_MAPPED);
    // Every event of Edge's ERC-721 / ERC-1155 predicates (docs/protocol.md, Every asset kind).
    for (String e :
        new String[] {
          "TokenMapped(address,address)",
          "ERC721Deposit(address,address,address,address,uint256)",
          "ERC721DepositBatch(address,address,address,address[],uint256[])",
          "ERC721Withdraw(address,address,address,address,uint256)",
          "ERC721WithdrawBatch(address,address,address,address[],uint256[])",
          "ERC1155Deposit(address,address,address,address,uint256,uint256)",
          "ERC1155DepositBatch(address,address,address,address[],uint256[],uint256[])",
          "ERC1155Withdraw(address,address,address,address,uint256,uint256)",
          "ERC1155WithdrawBatch(address,address,address,address[],uint256[],uint256[])",
          "L2ERC721Deposit(address,address,address,address,uint256)",
          "L2ERC721DepositBatch(address,address,address,address[],uint256[])",
          "L2ERC721Withdraw(address,address,address,address,uint256)",
          "L2ERC721WithdrawBatch(address,address,address,address[],uint256[])",
          "L2ERC1155Deposit(address,address,address,address,uint256,uint256)",
          "L2ERC1155DepositBatch(address,address,address,address[],uint256[],uint256[])",
          "L2ERC1155Withdraw(address,address,address,address,uint256,uint256)",
          "L2ERC1155WithdrawBatch(address,address,address,address[],uint256[],uint256[])"
        }) {
      assertThat(topics).as(e).contains(new Hash32(Abi.topic(e)));
    }
  }

  /**
   * The child-native ERC-1155 pair ({@code 0x…100b}) offers every function and event of Edge's
   * RootMintableERC1155Predicate / ChildMintableERC1155Predicate (core-contracts at polygon-edge
   * v1.3.2's pin: their interfaces, public state and tag constants), so Edge's tools and ours call
   * the devnet's the same way.
   */
  @Test
  void childNativeErc1155PairHasEdgesAbi() throws IOException {
    Set<String> common =
        Set.of(
            "function initialize(address,address,address,address)",
            "function childTokenTemplate()",
            "function rootTokenToChildToken(address)",
            "function DEPOSIT_SIG()",
            "function DEPOSIT_BATCH_SIG()",
            "function WITHDRAW_SIG()",
            "function WITHDRAW_BATCH_SIG()",
            "function MAP_TOKEN_SIG()");
    assertThat(signatures("RootMintableERC1155Predicate"))
        .containsAll(common)
        .contains(
            "function deposit(address,uint256,uint256)",
            "function depositTo(address,address,uint256,uint256)",
            "function depositBatch(address,address[],uint256[],uint256[])",
            "function mapToken(address)",
            "function onStateReceive(uint256,address,bytes)",
            "function l2StateSender()",
            "function stateReceiver()",
            "function childERC1155Predicate()",
            "function onERC1155Received(address,address,uint256,uint256,bytes)",
            "function onERC1155BatchReceived(address,address,uint256[],uint256[],bytes)",
            "event L2MintableERC1155Deposit(address,address,address,address,uint256,uint256)",
            "event L2MintableERC1155DepositBatch(address,address,address,address[],uint256[],uint256[])",
            "event L2MintableERC1155Withdraw(address,address,address,address,uint256,uint256)",
            "event L2MintableERC1155WithdrawBatch(address,address,address,address[],uint256[],uint256[])",
            "event L2MintableTokenMapped(address,address)");
    assertThat(signatures("ChildMintableERC1155Predicate"))
        .containsAll(common)
        .contains(
            "function withdraw(address,uint256,uint256)",
            "function withdrawTo(address,address,uint256,uint256)",
            "function withdrawBatch(address,address[],uint256[],uint256[])",
            "function onL2StateReceive(uint256,address,bytes)",
            "function stateSender()",
            "function exitHelper()",
            "function rootERC1155Predicate()",
            "event MintableERC1155Deposit(address,address,address,address,uint256,uint256)",
            "event MintableERC1155DepositBatch(address,address,address,address[],uint256[],uint256[])",
            "event MintableERC1155Withdraw(address,address,address,address,uint256,uint256)",
            "event MintableERC1155WithdrawBatch(address,address,address,address[],uint256[],uint256[])",
            "event MintableTokenMapped(address,address)");
  }

  /** "function name(types)" / "event name(types)" of every ABI entry of one artifact. */
  private Set<String> signatures(String contract) throws IOException {
    Set<String> out = new HashSet<>();
    Path f = devnetDir.resolve("artifacts").resolve(contract + ".json");
    for (JsonNode item : new ObjectMapper().readTree(f.toFile()).path("abi")) {
      String type = item.path("type").asText();
      if (type.equals("function") || type.equals("event")) {
        out.add(type + " " + item.path("name").asText() + "(" + types(item.path("inputs")) + ")");
      }
    }
    return out;
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
