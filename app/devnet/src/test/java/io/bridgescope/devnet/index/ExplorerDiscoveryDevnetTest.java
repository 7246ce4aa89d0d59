package io.bridgescope.devnet.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.index.NoSubmissionMethodException;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.SubmissionRevertDao;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Transaction;

/**
 * A pruned root reached through a loopback node that refuses the Otterscan API (like most
 * providers), with an Etherscan-compatible explorer the test serves from the devnet's real root
 * transactions: the explorer finds every submission, accepted and rejected. With a wrong key the
 * index stops, says the key was refused (never showing it) and what to configure.
 */
@Tag("devnet")
class ExplorerDiscoveryDevnetTest {

  private static final String KEY = "TESTKEY-7f3a9c";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void theExplorerFindsEverySubmissionOnAPrunedRootAndAWrongKeyIsNamed() throws Exception {
    DevnetConfig cfg =
        DevnetConfig.defaults().toBuilder()
            .rootPruned(true)
            .belowQuorumEvery(2)
            .wrongDomainEvery(3)
            .build();
    try (Devnet d = Devnet.start(cfg, DevnetHome.locate(), work, m -> {})) {
      await("3 checkpoints accepted and 2 submissions rejected")
          .atMost(Duration.ofSeconds(240))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> d.status().checkpoints() >= 3 && d.rejectedSubmissions().size() >= 2);
      HttpServer proxy = noOtterscanProxy(d.rootNode().rpcUrl());
      HttpServer explorer = explorer(d);
      try {
        NetworkProfile p =
            d.profile().toBuilder()
                .rootRpcUrls(List.of(url(proxy, "/")))
                .rootExplorerApiUrl(url(explorer, "/api"))
                .build();

        Database db = Database.open(work.resolve("explorer.db"));
        try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
            Indexer ix = new Indexer(p, db, w, Duration.ofMillis(200), Optional.of(KEY))) {
          ix.catchUp();
          long cursor =
              db.read(c -> new CursorDao(c).get(ChainRole.ROOT))
                  .map(Cursor::lastBlock)
                  .orElseThrow();
          Set<Hash32> indexed =
              db.read(c -> new SubmissionRevertDao(c).all()).stream()
                  .map(SubmissionRevertDao.Rejected::submitTx)
                  .collect(Collectors.toCollection(TreeSet::new));
          Map<Hash32, Long> made = new TreeMap<>();
          await("the devnet's rejected submissions up to block " + cursor + " match the index")
              .atMost(Duration.ofSeconds(30))
              .untilAsserted(
                  () -> {
                    made.clear();
                    d.rejectedSubmissions().keySet().stream()
                        .filter(tx -> block(d, tx) <= cursor)
                        .forEach(tx -> made.put(tx, block(d, tx)));
                    assertThat(indexed).containsExactlyInAnyOrderElementsOf(made.keySet());
                  });
          long accepted = db.read(c -> new CheckpointDao(c).count()) - indexed.size();
          assertThat(accepted).isGreaterThanOrEqualTo(3);
          // Neither ots_getTransactionError nor a replay on the pruned node can tell the reason.
          List<SubmissionRevertDao.Rejected> reasons =
              db.read(c -> new SubmissionRevertDao(c).all());
          assertThat(reasons).allMatch(r -> r.reason().equals("reverted, reason unavailable"));
          System.out.printf(
              "explorer on pruned root: rejected submissions made %d, indexed %d;"
                  + " accepted indexed %d%n",
              made.size(), indexed.size(), accepted);
        }

        Database wrong = Database.open(work.resolve("wrong-key.db"));
        try (StoreWriter w = new StoreWriter(wrong, Clock.systemUTC());
            Indexer ix = new Indexer(p, wrong, w, Duration.ofMillis(200), Optional.of("nope"))) {
          assertThatThrownBy(ix::catchUp)
              .isInstanceOf(NoSubmissionMethodException.class)
              .hasMessageContaining("refused the API key")
              .hasMessageContaining("does not offer the Otterscan API")
              .hasMessageContaining("needs an archive node")
              .hasMessageContaining("configure one of")
              .satisfies(e -> assertThat(e.getMessage()).doesNotContain("nope"));
          long none = wrong.read(c -> new CheckpointDao(c).count());
          assertThat(none).isZero();
        }
      } finally {
        proxy.stop(0);
        explorer.stop(0);
      }
    }
  }

  private static long block(Devnet d, Hash32 tx) {
    return d.root().receipt(tx).orElseThrow().getBlockNumber().longValueExact();
  }

  private static URI url(HttpServer s, String path) {
    return URI.create("http://127.0.0.1:" + s.getAddress().getPort() + path);
  }

  /** Forwards JSON-RPC to {@code node}, except the Otterscan methods (method not found). */
  private static HttpServer noOtterscanProxy(URI node) throws IOException {
    HttpClient http = HttpClient.newHttpClient();
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.createContext(
        "/",
        ex -> {
          byte[] body = ex.getRequestBody().readAllBytes();
          JsonNode req = JSON.readTree(body);
          if (req.isObject() && req.path("method").asText().startsWith("ots_")) {
            ObjectNode err = JSON.createObjectNode();
            err.put("jsonrpc", "2.0");
            err.set("id", req.path("id"));
            err.putObject("error")
                .put("code", -32601)
                .put("message", "the method " + req.path("method").asText() + " does not exist");
            reply(ex, 200, JSON.writeValueAsBytes(err));
            return;
          }
          try {
            HttpResponse<byte[]> r =
                http.send(
                    HttpRequest.newBuilder(node)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            reply(ex, r.statusCode(), r.body());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(ex, 503, new byte[0]);
          }
        });
    s.start();
    return s;
  }

  /**
   * An Etherscan-compatible {@code txlist}: the transactions to or from {@code address} in the
   * devnet's real root blocks, ascending, paged; a key other than {@link #KEY} is refused as
   * Etherscan does.
   */
  private static HttpServer explorer(Devnet d) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.createContext(
        "/api",
        ex -> {
          Map<String, String> q = query(ex.getRequestURI().getRawQuery());
          ObjectNode out = JSON.createObjectNode();
          if (!KEY.equals(q.get("apikey"))) {
            out.put("status", "0").put("message", "NOTOK").put("result", "Invalid API Key");
            reply(ex, 200, JSON.writeValueAsBytes(out));
            return;
          }
          String address = q.get("address").toLowerCase(java.util.Locale.ROOT);
          long from = Long.parseLong(q.get("startblock"));
          long to = Math.min(Long.parseLong(q.get("endblock")), d.root().blockNumber());
          int offset = Integer.parseInt(q.get("offset"));
          int page = Integer.parseInt(q.get("page"));
          var list = JSON.createArrayNode();
          int skip = (page - 1) * offset;
          for (long b = from; b <= to && list.size() < offset; b++) {
            EthBlock.Block block = d.root().blockWithTransactions(b);
            for (EthBlock.TransactionResult<?> r : block.getTransactions()) {
              Transaction t = (Transaction) r.get();
              boolean touches =
                  address.equalsIgnoreCase(t.getFrom())
                      || (t.getTo() != null && address.equalsIgnoreCase(t.getTo()));
              if (!touches || skip-- > 0 || list.size() >= offset) {
                continue;
              }
              list.addObject()
                  .put("blockNumber", Long.toString(b))
                  .put("hash", t.getHash())
                  .put("from", t.getFrom())
                  .put("to", t.getTo() == null ? "" : t.getTo())
                  .put("input", t.getInput());
            }
          }
          out.put("status", list.isEmpty() ? "0" : "1");
          out.put("message", list.isEmpty() ? "No transactions found" : "OK");
          out.set("result", list);
          reply(ex, 200, JSON.writeValueAsBytes(out));
        });
    s.start();
    return s;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new TreeMap<>();
    for (String kv : raw.split("&")) {
      int i = kv.indexOf('=');
      out.put(
          kv.substring(0, i),
          java.net.URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
    ex.close();
  }
}
