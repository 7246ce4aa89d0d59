package io.bridgescope.core.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JSON-RPC node on loopback for unit tests: a small chain (chain id, head, block hashes, contract
 * code) whose answers a test overrides per method, including errors and a node that accepts
 * connections and never answers.
 */
public final class FakeNode implements AutoCloseable {

  /** Answers one call: a JSON value, or throws {@link RpcError}. */
  @FunctionalInterface
  public interface Answer {
    Object answer(JsonNode params);
  }

  /** A JSON-RPC error object the node sends. */
  public static final class RpcError extends RuntimeException {
    final int code;
    final String data;

    public RpcError(int code, String message, String data) {
      super(message);
      this.code = code;
      this.data = data;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(FakeNode::daemon);
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile boolean hang;
  private final java.util.concurrent.atomic.AtomicInteger throttled =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile String retryAfter;

  /** Every HTTP request this node received. */
  public final java.util.concurrent.atomic.AtomicInteger requests =
      new java.util.concurrent.atomic.AtomicInteger();

  private final long chainId;
  private final long head;
  private final String genesisSalt;
  private final Set<String> withCode;

  public FakeNode(long chainId, long head, String genesisSalt, Set<Address> withCode)
      throws IOException {
    this.chainId = chainId;
    this.head = head;
    this.genesisSalt = genesisSalt;
    this.withCode = ConcurrentHashMap.newKeySet();
    withCode.forEach(a -> this.withCode.add(a.toString().toLowerCase(Locale.ROOT)));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "fake-node");
    t.setDaemon(true);
    return t;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Overrides {@code method}. */
  public FakeNode on(String method, Answer a) {
    answers.put(method, a);
    return this;
  }

  /** The next {@code n} requests are answered HTTP 429 with this {@code Retry-After}. */
  public void throttle(int n, String retryAfterHeader) {
    retryAfter = retryAfterHeader;
    throttled.set(n);
  }

  /** From now on every request is accepted and never answered (until close). */
  public void hang() {
    hang = true;
  }

  /** The hash this node gives block {@code n}: depends on the genesis salt (another chain). */
  public Hash32 hashOf(long n) {
    return Hash32.of(String.format("0x%032x%032x", Math.abs((long) genesisSalt.hashCode()), n + 1));
  }

  private void handle(HttpExchange ex) throws IOException {
    JsonNode req = JSON.readTree(ex.getRequestBody().readAllBytes());
    requests.incrementAndGet();
    if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      byte[] body = "{\"error\":\"too many requests\"}".getBytes();
      if (retryAfter != null) {
        ex.getResponseHeaders().set("Retry-After", retryAfter);
      }
      ex.sendResponseHeaders(429, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
      return;
    }
    if (hang) {
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
      return;
    }
    JsonNode reply;
    if (req.isArray()) {
      ArrayNode all = JSON.createArrayNode();
      req.forEach(r -> all.add(one(r)));
      reply = all;
    } else {
      reply = one(req);
    }
    byte[] body = JSON.writeValueAsBytes(reply);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private ObjectNode one(JsonNode req) {
    ObjectNode out = JSON.createObjectNode();
    out.put("jsonrpc", "2.0");
    out.set("id", req.path("id"));
    String method = req.path("method").asText();
    try {
      Answer a = answers.getOrDefault(method, p -> standard(method, p));
      out.set("result", JSON.valueToTree(a.answer(req.path("params"))));
    } catch (RpcError e) {
      ObjectNode err = out.putObject("error");
      err.put("code", e.code);
      err.put("message", e.getMessage());
      if (e.data != null) {
        err.put("data", e.data);
      }
    }
    return out;
  }

  private Object standard(String method, JsonNode p) {
    return switch (method) {
      case "eth_chainId" -> hex(chainId);
      case "eth_blockNumber" -> hex(head);
      case "eth_getBlockByNumber" -> block(Quantity.parse("block", p.get(0).asText()));
      case "eth_getCode" ->
          withCode.contains(p.get(0).asText().toLowerCase(Locale.ROOT)) ? "0x6080" : "0x";
      default -> throw new RpcError(-32601, "the method " + method + " does not exist", null);
    };
  }

  private Object block(long n) {
    if (n > head) {
      return null;
    }
    return Map.of(
        "number", hex(n),
        "hash", hashOf(n).toString(),
        "parentHash", n == 0 ? Hash32.ZERO.toString() : hashOf(n - 1).toString(),
        "timestamp", hex(1_700_000_000L + n),
        "transactions", java.util.List.of());
  }

  public static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
