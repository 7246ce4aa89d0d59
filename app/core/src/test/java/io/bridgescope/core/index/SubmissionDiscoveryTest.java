package io.bridgescope.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.bridgescope.core.chain.BlockRange;
import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.chain.FakeNode;
import io.bridgescope.core.chain.FakeNode.RpcError;
import io.bridgescope.core.chain.Quantity;
import io.bridgescope.core.chain.RpcTimeouts;
import io.bridgescope.core.model.Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Choosing how submissions are found, against a JSON-RPC node and an explorer API served over real
 * HTTP on loopback: Otterscan first, then the explorer, then bisection on an archive node; a wrong
 * or throttled key is named (never shown) and indexing goes on with another method; with none left,
 * the error says what to configure.
 */
@Timeout(60)
class SubmissionDiscoveryTest {

  private static final Address MANAGER = Address.ofLow(0xc4);
  private static final long HEAD = 300;
  private static final String KEY = "S3CRETKEY123";

  private FakeNode node;
  private HttpServer explorer;
  private final List<String> explorerQueries = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    node.close();
    if (explorer != null) {
      explorer.stop(0);
    }
  }

  @Test
  void otterscanListsTheBlocksOfTransactionsToTheManager() throws Exception {
    node = new FakeNode(31337, HEAD, "a", Set.of(MANAGER));
    node.on(
        "ots_searchTransactionsAfter",
        p -> {
          long after = p.get(1).asLong();
          List<Map<String, String>> txs = new ArrayList<>();
          for (long b : new long[] {120, 40, 7}) { // newest first, as the API answers
            if (b > after) {
              txs.add(Map.of("blockNumber", FakeNode.hex(b), "to", MANAGER.toString()));
            }
          }
          txs.add(Map.of("blockNumber", FakeNode.hex(after + 1), "to", "0x" + "11".repeat(20)));
          return Map.of("txs", txs, "receipts", List.of(), "firstPage", true, "lastPage", true);
        });
    SubmissionDiscovery d = discovery(Optional.empty(), Optional.empty());
    assertThat(d.blocks(10, 200)).containsExactly(40L, 120L);
    assertThat(d.inUse()).contains(OtterscanFinder.METHOD);
  }

  @Test
  void aPendingTransactionWithANullBlockIsLeftForALaterRangeButAMissingBlockIsRefused()
      throws Exception {
    node = new FakeNode(31337, HEAD, "a", Set.of(MANAGER));
    node.on(
        "ots_searchTransactionsAfter",
        p -> {
          long after = p.get(1).asLong();
          List<Map<String, Object>> txs = new ArrayList<>();
          Map<String, Object> pending = new java.util.HashMap<>();
          pending.put("blockNumber", null);
          pending.put("to", MANAGER.toString());
          txs.add(pending);
          if (after < 40) {
            txs.add(Map.of("blockNumber", FakeNode.hex(40), "to", MANAGER.toString()));
          }
          return Map.of("txs", txs, "receipts", List.of(), "firstPage", true, "lastPage", true);
        });
    assertThat(discovery(Optional.empty(), Optional.empty()).blocks(10, 200)).containsExactly(40L);

    node.close();
    node = new FakeNode(31337, HEAD, "a", Set.of(MANAGER));
    node.on(
        "ots_searchTransactionsAfter",
        p ->
            Map.of(
                "txs",
                List.of(Map.of("to", MANAGER.toString())),
                "receipts",
                List.of(),
                "firstPage",
                true,
                "lastPage",
                true));
    assertThatThrownBy(() -> discovery(Optional.empty(), Optional.empty()).blocks(10, 200))
        .hasMessageContaining("entry without a block");
  }

  @Test
  void withNoMethodLeftTheErrorSaysWhatToConfigure() throws Exception {
    prunedNodeWithoutOtterscan();
    SubmissionDiscovery d = discovery(Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> d.blocks(10, 200))
        .isInstanceOf(NoSubmissionMethodException.class)
        .hasMessageContaining("does not offer the Otterscan API")
        .hasMessageContaining("has no root.explorerApiUrl")
        .hasMessageContaining("needs an archive node")
        .hasMessageContaining("configure one of");
    assertThat(d.probe(HEAD))
        .extracting(SubmissionDiscovery.Attempt::problem)
        .allMatch(Optional::isPresent);
  }

  @Test
  void theExplorerNamesBlocksPageByPageWithTheKey() throws Exception {
    prunedNodeWithoutOtterscan();
    startExplorer(
        q -> {
          long start = Long.parseLong(param(q, "startblock"));
          StringBuilder list = new StringBuilder();
          // 1000 transactions in block 'start' (a full page), then one in block 150
          int n = start <= 50 ? 1000 : start <= 150 ? 1 : 0;
          long block = start <= 50 ? 50 : 150;
          for (int i = 0; i < n; i++) {
            list.append(i == 0 ? "" : ",")
                .append("{\"blockNumber\":\"")
                .append(block)
                .append("\",\"to\":\"")
                .append(MANAGER)
                .append("\",\"isError\":\"0\"}");
          }
          return "{\"status\":\"1\",\"message\":\"OK\",\"result\":[" + list + "]}";
        });
    SubmissionDiscovery d = discovery(Optional.of(explorerUrl()), Optional.of(KEY));
    assertThat(d.blocks(10, 200)).containsExactly(50L, 150L);
    assertThat(d.inUse()).contains(ExplorerFinder.METHOD);
    assertThat(explorerQueries).hasSize(2).allMatch(q -> q.contains("apikey=" + KEY));
    assertThat(explorerQueries.get(1)).contains("startblock=51");
  }

  @Test
  void aWrongKeyIsNamedNeverShownAndBisectionGoesOnOnAnArchiveNode() throws Exception {
    archiveNodeWithoutOtterscan();
    startExplorer(q -> "{\"status\":\"0\",\"message\":\"NOTOK\",\"result\":\"Invalid API Key\"}");
    SubmissionDiscovery d = discovery(Optional.of(explorerUrl()), Optional.of(KEY));
    assertThat(d.blocks(10, 200)).isNotEmpty();
    assertThat(d.inUse()).contains(CheckpointFinder.METHOD);
    SubmissionDiscovery.Attempt viaExplorer = d.probe(HEAD).get(1);
    assertThat(viaExplorer.problem()).isPresent();
    assertThat(viaExplorer.problem().get())
        .contains("refused the API key")
        .contains(ExplorerFinder.KEY_ENV)
        .doesNotContain(KEY);
  }

  @Test
  void aThrottledKeyIsSaidSoAndNoMethodLeftOnAPrunedNode() throws Exception {
    prunedNodeWithoutOtterscan();
    startExplorer(null); // HTTP 429
    SubmissionDiscovery d = discovery(Optional.of(explorerUrl()), Optional.of(KEY));
    assertThatThrownBy(() -> d.blocks(10, 200))
        .isInstanceOf(NoSubmissionMethodException.class)
        .hasMessageContaining("rate-limiting this key")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
  }

  private SubmissionDiscovery discovery(Optional<URI> explorerApi, Optional<String> key) {
    ChainReader r =
        new ChainReader(
            "root",
            List.of(node.url()),
            new BlockRange(10, 1, 10),
            3,
            Duration.ofMillis(1),
            RpcTimeouts.defaults(),
            ChainReader.NodeCheck.NONE);
    List<SubmissionFinder> finders = new ArrayList<>();
    finders.add(new OtterscanFinder(r, MANAGER));
    explorerApi.ifPresent(u -> finders.add(new ExplorerFinder(u, key, MANAGER)));
    if (explorerApi.isEmpty()) {
      finders.add(
          new SubmissionFinder() {
            @Override
            public String method() {
              return ExplorerFinder.METHOD;
            }

            @Override
            public java.util.SortedSet<Long> blocks(long from, long to) {
              throw new Unavailable(
                  "not configured: the network profile has no root.explorerApiUrl");
            }
          });
    }
    finders.add(new CheckpointFinder(r, MANAGER));
    return new SubmissionDiscovery(finders, 1);
  }

  private void prunedNodeWithoutOtterscan() throws Exception {
    node = new FakeNode(31337, HEAD, "a", Set.of(MANAGER));
    node.on(
        "eth_call",
        p -> {
          long b = Quantity.parse("block", p.get(1).asText());
          if (b < HEAD) {
            throw new RpcError(
                -32602,
                "BlockOutOfRangeError: block height is " + HEAD + " but requested was " + b,
                null);
          }
          return "0x" + String.format("%064x", 250);
        });
  }

  /** Every block has state; the last checkpoint block steps up at root block 150. */
  private void archiveNodeWithoutOtterscan() throws Exception {
    node = new FakeNode(31337, HEAD, "a", Set.of(MANAGER));
    node.on(
        "eth_call",
        p -> {
          long b = Quantity.parse("block", p.get(1).asText());
          return "0x" + String.format("%064x", b >= 150 ? 250 : 0);
        });
  }

  /** An explorer answering each txlist query with {@code answer}, or HTTP 429 when null. */
  private void startExplorer(Function<String, String> answer) throws Exception {
    explorer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    explorer.createContext(
        "/api",
        ex -> {
          String q = ex.getRequestURI().getRawQuery();
          explorerQueries.add(q);
          byte[] body =
              answer == null
                  ? "Too Many Requests".getBytes(StandardCharsets.UTF_8)
                  : answer.apply(q).getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(answer == null ? 429 : 200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    explorer.start();
  }

  private URI explorerUrl() {
    return URI.create("http://127.0.0.1:" + explorer.getAddress().getPort() + "/api");
  }

  private static String param(String query, String name) {
    for (String kv : query.split("&")) {
      if (kv.startsWith(name + "=")) {
        return kv.substring(name.length() + 1);
      }
    }
    throw new AssertionError("no " + name + " in " + query);
  }
}
