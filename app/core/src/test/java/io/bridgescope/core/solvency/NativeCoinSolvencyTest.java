package io.bridgescope.core.solvency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.FakeNode;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.ChainConfig;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The child's native coin as Edge sets it up (NativeERC20 at {@code 0x…1010}, its genesis mapping
 * in the child ERC-20 predicate) is judged from genesis on, with no message of it indexed: the root
 * predicate's balance of the root native token against {@code 0x…1010}'s totalSupply. The nodes are
 * JSON-RPC servers on loopback that answer as such a chain would (anvil cannot run the precompile
 * NativeERC20 needs, so no devnet can).
 */
class NativeCoinSolvencyTest {

  static final Address ROOT_NATIVE = Address.ofLow(0xa11ce);
  static final Address ROOT_PREDICATE = Address.ofLow(0xa4);
  static final Address COIN = AssetPredicate.NATIVE_ERC20;

  @TempDir Path dir;
  FakeNode rootNode;
  FakeNode childNode;
  ChainClient root;
  ChainClient child;
  Database db;

  /** eth_call answers by target and calldata (hex, no 0x). */
  final Map<String, String> rootCalls = new ConcurrentHashMap<>();

  final Map<String, String> childCalls = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws Exception {
    db = Database.open(dir.resolve("index.db"));
  }

  void chains(boolean coinHasCode) throws Exception {
    rootCalls.clear();
    childCalls.clear();
    rootNode = new FakeNode(1, 100, "r", Set.of(ROOT_NATIVE));
    childNode =
        new FakeNode(
            100,
            100,
            "c",
            coinHasCode ? Set.of(COIN, BridgeContracts.EDGE_CHILD_ERC20_PREDICATE) : Set.of());
    rootNode.on("eth_call", p -> answer(rootCalls, p));
    childNode.on("eth_call", p -> answer(childCalls, p));
    root = new ChainClient("root", rootNode.url());
    child = new ChainClient("child", childNode.url());
  }

  @AfterEach
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {root, child, rootNode, childNode}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          // test teardown
        }
      }
    }
  }

  private static Object answer(Map<String, String> calls, JsonNode p) {
    JsonNode tx = p.get(0);
    String data = tx.has("data") ? tx.get("data").asText() : tx.path("input").asText();
    String key = tx.get("to").asText().toLowerCase(java.util.Locale.ROOT) + ":" + data.substring(2);
    String v = calls.get(key);
    if (v == null) {
      throw new FakeNode.RpcError(3, "execution reverted", "0x");
    }
    return v;
  }

  static String key(Address to, byte[] data) {
    return to.toString().toLowerCase(java.util.Locale.ROOT) + ":" + HexFormat.of().formatHex(data);
  }

  static String word(AbiValue v) {
    return "0x" + HexFormat.of().formatHex(Abi.encode(v));
  }

  NetworkProfile profile() {
    return NetworkProfile.builder()
        .name("edge-ish")
        .root(new ChainConfig(1, List.of(rootNode.url()), 0))
        .child(new ChainConfig(100, List.of(childNode.url()), 0))
        .stateSender(Address.ofLow(0xa1))
        .checkpointManager(Address.ofLow(0xa2))
        .exitHelper(Address.ofLow(0xa3))
        .rootErc20Predicate(ROOT_PREDICATE)
        .epochSize(10)
        .confirmations(1)
        .build();
  }

  /** A chain whose coin is mapped to {@code ROOT_NATIVE}, with the given escrow and supply. */
  void nativeCoin(long escrow, long supply) {
    childCalls.put(key(COIN, Abi.call("rootToken()")), word(AbiValue.address(ROOT_NATIVE)));
    childCalls.put(
        key(
            BridgeContracts.EDGE_CHILD_ERC20_PREDICATE,
            Abi.call("rootTokenToChildToken(address)", AbiValue.address(ROOT_NATIVE))),
        word(AbiValue.address(COIN)));
    childCalls.put(key(COIN, Abi.call("totalSupply()")), word(AbiValue.uint(supply)));
    rootCalls.put(
        key(ROOT_NATIVE, BridgeAbi.balanceOf(ROOT_PREDICATE)), word(AbiValue.uint(escrow)));
  }

  @Test
  void theNativeCoinIsJudgedWithNoMessageOfItIndexed() throws Exception {
    chains(true);
    nativeCoin(1_000, 1_000);
    SolvencyReport r = new Solvency(profile(), db, root, child).checkAt(40, 50);
    assertThat(r.tokens())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.kind()).isEqualTo(AssetKind.ERC20);
              assertThat(t.rootToken()).isEqualTo(ROOT_NATIVE);
              assertThat(t.childToken()).contains(COIN);
              assertThat(t.escrow()).isEqualTo(BigInteger.valueOf(1_000));
              assertThat(t.status()).isEqualTo(TokenSolvency.Status.BALANCED);
            });
  }

  @Test
  void coinMintedWithNothingEscrowedIsADeficitOfExactlyThatMuch() throws Exception {
    chains(true);
    nativeCoin(1_000, 1_250);
    SolvencyReport r = new Solvency(profile(), db, root, child).checkAt(40, 50);
    assertThat(r.deficits())
        .singleElement()
        .satisfies(t -> assertThat(t.difference()).isEqualTo(BigInteger.valueOf(-250)));
  }

  @Test
  void aChainWithoutTheCoinOrWithAnotherContractThereHasNoCoinRow() throws Exception {
    chains(false);
    nativeCoin(1_000, 1_250);
    assertThat(new Solvency(profile(), db, root, child).checkAt(40, 50).tokens()).isEmpty();
    stop();
    // code at 0x…1010 that is not NativeERC20 (rootToken() reverts)
    chains(true);
    rootCalls.put(
        key(ROOT_NATIVE, BridgeAbi.balanceOf(ROOT_PREDICATE)), word(AbiValue.uint(1_000)));
    assertThat(new Solvency(profile(), db, root, child).checkAt(40, 50).tokens()).isEmpty();
    // a rootToken() the child predicate does not map back to 0x…1010
    childCalls.put(key(COIN, Abi.call("rootToken()")), word(AbiValue.address(ROOT_NATIVE)));
    childCalls.put(
        key(
            BridgeContracts.EDGE_CHILD_ERC20_PREDICATE,
            Abi.call("rootTokenToChildToken(address)", AbiValue.address(ROOT_NATIVE))),
        word(AbiValue.address(Address.ofLow(0x7777))));
    assertThat(new Solvency(profile(), db, root, child).checkAt(40, 50).tokens()).isEmpty();
  }
}
