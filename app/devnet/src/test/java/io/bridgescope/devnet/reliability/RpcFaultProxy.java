package io.bridgescope.devnet.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC proxy on 127.0.0.1 in front of one anvil, injecting the faults a real RPC provider
 * shows: dropped connections, slowness, a node that never answers, rate limiting, malformed
 * replies, and eth_getLogs answers for a range other than the one asked.
 */
final class RpcFaultProxy implements AutoCloseable {

  enum Mode {
    /** Forwards everything. */
    HEALTHY,
    /** Closes each connection without an answer (a node that is down or restarting). */
    DOWN,
    /** Forwards after {@link #delayMillis}. */
    SLOW,
    /** Answers HTTP 429 Too Many Requests. */
    TOO_MANY_REQUESTS,
    /** Answers 200 with a body that is not JSON-RPC (cut off mid-object). */
    MALFORMED,
    /** Forwards eth_getLogs as if asked for blocks 0..latest; other calls unchanged. */
    WRONG_RANGE,
    /** Accepts the request and never answers (until the proxy closes). */
    HANG
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI upstream;
  private final HttpServer server;
  private final ExecutorService threads;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile Mode mode = Mode.HEALTHY;
  private volatile long delayMillis = 300;
  final AtomicLong requests = new AtomicLong();
  final AtomicLong faulted = new AtomicLong();

  RpcFaultProxy(URI upstream) throws IOException {
    this.upstream = upstream;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.threads =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "rpc-fault-proxy");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** How the node's URL appears in messages ("127.0.0.1:port"). */
  String hostPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  void mode(Mode m) {
    mode = m;
  }

  void delay(long millis) {
    delayMillis = millis;
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    byte[] body = ex.getRequestBody().readAllBytes();
    Mode m = mode;
    try {
      switch (m) {
        case DOWN -> {
          faulted.incrementAndGet();
          ex.close(); // no status line: the client sees the connection end
          return;
        }
        case TOO_MANY_REQUESTS -> {
          faulted.incrementAndGet();
          reply(ex, 429, "rate limit exceeded, retry later".getBytes(StandardCharsets.UTF_8));
          return;
        }
        case MALFORMED -> {
          faulted.incrementAndGet();
          reply(
              ex,
              200,
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[{\"oops".getBytes(StandardCharsets.UTF_8));
          return;
        }
        case HANG -> {
          faulted.incrementAndGet();
          Thread.sleep(Long.MAX_VALUE); // interrupted by close()
          return;
        }
        // The fault being simulated (a node that answers late), not a wait in a test.
        case SLOW -> Thread.sleep(delayMillis);
        case WRONG_RANGE -> body = widenGetLogs(body);
        case HEALTHY -> {}
      }
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(upstream)
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      reply(ex, r.statusCode(), r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.close();
    } catch (IOException e) {
      ex.close();
    }
  }

  private byte[] widenGetLogs(byte[] body) throws IOException {
    JsonNode n = JSON.readTree(body);
    boolean changed = false;
    for (JsonNode call : n.isArray() ? (ArrayNode) n : JSON.createArrayNode().add(n)) {
      if ("eth_getLogs".equals(call.path("method").asText())) {
        ObjectNode filter = (ObjectNode) call.path("params").get(0);
        filter.put("fromBlock", "0x0");
        filter.put("toBlock", "latest");
        changed = true;
      }
    }
    if (changed) {
      faulted.incrementAndGet();
    }
    return JSON.writeValueAsBytes(n);
  }

  private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
