package io.bridgescope.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bridgescope.core.concurrent.Threads;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A JSON-RPC proxy on 127.0.0.1 in front of one node that behaves like a hosted RPC provider: it
 * caps eth_getLogs by block range, by results and by reply size with the providers' own error
 * texts, adds latency to every request, answers some requests HTTP 429 with a {@code Retry-After},
 * and, when told to, lies (logs outside the range asked, block hashes that change). Tests and
 * {@code bench/} start it; it counts what it was asked.
 */
public final class ProviderProxy implements AutoCloseable {

  /** How the block-range cap is worded: with the number (most providers) or without. */
  public enum CapWording {
    /** "eth_getLogs is limited to a 10,000 range" */
    NAMED,
    /** "block range is too wide" */
    UNNAMED
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI upstream;
  private final HttpServer server;
  private final ExecutorService threads;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private volatile long blockCap;
  private volatile CapWording wording = CapWording.NAMED;
  private volatile int resultCap;
  private volatile int sizeCap;
  private volatile long latencyMillis;
  private volatile boolean recording;
  private final List<byte[]> recordedBodies = new ArrayList<>();
  private volatile int throttleEvery;
  private volatile int retryAfterSeconds = 1;
  private volatile boolean lieAboutRange;
  private volatile boolean lieAboutHashes;

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong refusedRanges = new AtomicLong();
  private final AtomicLong refusedResults = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
  private final Map<String, Boolean> servedBlocks = new ConcurrentHashMap<>();

  public ProviderProxy(URI upstream) throws IOException {
    this.upstream = upstream;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.threads = Threads.pool("provider-proxy", 8);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** How the proxy's URL appears in messages ("127.0.0.1:port"). */
  public String hostPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** eth_getLogs over more than {@code blocks} blocks is refused (0: no cap). */
  public ProviderProxy blockCap(long blocks, CapWording how) {
    this.blockCap = blocks;
    this.wording = how;
    return this;
  }

  /** eth_getLogs with more than {@code logs} results is refused, as Infura and geth word it. */
  public ProviderProxy resultCap(int logs) {
    this.resultCap = logs;
    return this;
  }

  /** eth_getLogs replies above {@code bytes} are refused, as Alchemy words it. */
  public ProviderProxy sizeCap(int bytes) {
    this.sizeCap = bytes;
    return this;
  }

  /** Every request waits this long before it is forwarded (a provider across the internet). */
  public ProviderProxy latency(Duration d) {
    this.latencyMillis = d.toMillis();
    return this;
  }

  /**
   * Every {@code n}-th request is answered HTTP 429 with {@code Retry-After: seconds} (0: never).
   */
  public ProviderProxy throttle(int n, int seconds) {
    this.throttleEvery = n;
    this.retryAfterSeconds = seconds;
    return this;
  }

  /** Every eth_getLogs answer gains a log of a block after the range asked. */
  public ProviderProxy lieAboutRange(boolean on) {
    this.lieAboutRange = on;
    return this;
  }

  /** A block asked for again comes back with another hash. */
  public ProviderProxy lieAboutHashes(boolean on) {
    this.lieAboutHashes = on;
    return this;
  }

  /** HTTP requests received (a batch counts once: it is one round trip). */
  public long requests() {
    return requests.get();
  }

  /** JSON-RPC calls of {@code method} received (inside batches too). */
  public long calls(String method) {
    AtomicLong n = calls.get(method);
    return n == null ? 0 : n.get();
  }

  /** eth_getLogs refused for the block-range cap. */
  public long refusedRanges() {
    return refusedRanges.get();
  }

  /** eth_getLogs refused for the results or the size cap. */
  public long refusedResults() {
    return refusedResults.get();
  }

  /** Requests answered 429. */
  public long throttled() {
    return throttled.get();
  }

  /**
   * Keeps (or stops keeping) the body of every request as it arrived, so a benchmark can replay the
   * exact traffic of a client against the node without this proxy in between.
   */
  public ProviderProxy record(boolean on) {
    recording = on;
    return this;
  }

  /** The request bodies kept since {@link #record(boolean)} was turned on, in arrival order. */
  public List<byte[]> recorded() {
    synchronized (recordedBodies) {
      return List.copyOf(recordedBodies);
    }
  }

  /** Forgets the counts (e.g. after a warm-up). */
  public void resetCounts() {
    requests.set(0);
    refusedRanges.set(0);
    refusedResults.set(0);
    throttled.set(0);
    calls.clear();
  }

  private void handle(HttpExchange ex) throws IOException {
    long n = requests.incrementAndGet();
    try {
      byte[] body = ex.getRequestBody().readAllBytes();
      if (recording) {
        synchronized (recordedBodies) {
          recordedBodies.add(body);
        }
      }
      if (latencyMillis > 0) {
        Thread.sleep(latencyMillis); // the latency being simulated, not a wait in a test
      }
      int every = throttleEvery;
      if (every > 0 && n % every == 0) {
        throttled.incrementAndGet();
        ex.getResponseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
        reply(ex, 429, "{\"error\":\"Too Many Requests\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      JsonNode req = JSON.readTree(body);
      boolean batch = req.isArray();
      List<JsonNode> in = new ArrayList<>();
      (batch ? (ArrayNode) req : JSON.createArrayNode().add(req)).forEach(in::add);
      JsonNode[] out = new JsonNode[in.size()];
      ArrayNode forward = JSON.createArrayNode();
      List<Integer> forwarded = new ArrayList<>();
      for (int i = 0; i < in.size(); i++) {
        JsonNode call = in.get(i);
        String method = call.path("method").asText();
        calls.computeIfAbsent(method, k -> new AtomicLong()).incrementAndGet();
        String refusal = "eth_getLogs".equals(method) ? rangeRefusal(call) : null;
        if (refusal != null) {
          refusedRanges.incrementAndGet();
          out[i] = error(call, -32005, refusal);
        } else {
          forward.add(call);
          forwarded.add(i);
        }
      }
      if (!forward.isEmpty()) {
        HttpResponse<byte[]> r = send(JSON.writeValueAsBytes(forward));
        if (r.statusCode() != 200) {
          reply(ex, r.statusCode(), r.body());
          return;
        }
        JsonNode answers = JSON.readTree(r.body());
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        answers.forEach(a -> byId.put(a.path("id").toString(), a));
        for (int k = 0; k < forwarded.size(); k++) {
          JsonNode call = in.get(forwarded.get(k));
          JsonNode a = byId.get(call.path("id").toString());
          out[forwarded.get(k)] =
              a == null ? error(call, -32603, "no answer upstream") : shape(call, a);
        }
      }
      JsonNode reply;
      if (batch) {
        ArrayNode all = JSON.createArrayNode();
        for (JsonNode o : out) {
          all.add(o);
        }
        reply = all;
      } else {
        reply = out[0];
      }
      reply(ex, 200, JSON.writeValueAsBytes(reply));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.close();
    } catch (IOException | RuntimeException e) {
      ex.close(); // the client sees the connection end, as with a provider's hiccup
    }
  }

  /** The provider's refusal of an eth_getLogs over too many blocks, or null. */
  private @Nullable String rangeRefusal(JsonNode call) throws IOException, InterruptedException {
    long cap = blockCap;
    JsonNode f = call.path("params").path(0);
    if (cap <= 0 || f.has("blockHash")) {
      return null;
    }
    long from = block(f.path("fromBlock").asText("latest"));
    long to = block(f.path("toBlock").asText("latest"));
    if (to - from + 1 <= cap) {
      return null;
    }
    return wording == CapWording.NAMED
        ? String.format("eth_getLogs is limited to a %,d range", cap)
        : "block range is too wide";
  }

  /** Applies the result and size caps and the lies to one upstream answer. */
  private JsonNode shape(JsonNode call, JsonNode answer) throws IOException, InterruptedException {
    String method = call.path("method").asText();
    if (answer.has("error") || !answer.has("result")) {
      return answer;
    }
    if ("eth_getLogs".equals(method) && answer.path("result").isArray()) {
      ArrayNode logs = (ArrayNode) answer.path("result");
      if (resultCap > 0 && logs.size() > resultCap) {
        refusedResults.incrementAndGet();
        return error(call, -32005, "query returned more than " + resultCap + " results");
      }
      if (sizeCap > 0 && JSON.writeValueAsBytes(logs).length > sizeCap) {
        refusedResults.incrementAndGet();
        return error(
            call,
            -32602,
            "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block"
                + " range and no limit on the response size, or you can request any block range"
                + " with a cap of 10K logs in the response.");
      }
      if (lieAboutRange) {
        JsonNode f = call.path("params").path(0);
        long to = block(f.path("toBlock").asText("latest"));
        ObjectNode fake = logs.size() > 0 ? logs.get(0).deepCopy() : JSON.createObjectNode();
        String address =
            f.path("address").isArray()
                ? f.path("address").path(0).asText()
                : f.path("address").asText();
        fake.put("address", address);
        fake.put("blockNumber", "0x" + Long.toHexString(to + 1_000));
        fake.put("blockHash", "0x" + "ee".repeat(32));
        fake.put("transactionHash", "0x" + "dd".repeat(32));
        fake.put("transactionIndex", "0x0");
        fake.put("logIndex", "0x0");
        fake.put("data", "0x");
        fake.put("removed", false);
        if (!fake.has("topics")) {
          fake.set("topics", JSON.createArrayNode());
        }
        ((ObjectNode) answer).set("result", logs.deepCopy().add(fake));
      }
      return answer;
    }
    if ("eth_getBlockByNumber".equals(method)
        && lieAboutHashes
        && answer.path("result").isObject()) {
      String number = answer.path("result").path("number").asText();
      if (servedBlocks.put(number, true) != null) {
        ObjectNode b = (ObjectNode) answer.path("result");
        String h = b.path("hash").asText();
        b.put("hash", h.substring(0, h.length() - 2) + (h.endsWith("00") ? "01" : "00"));
      }
    }
    return answer;
  }

  private long block(String tag) throws IOException, InterruptedException {
    if (tag.startsWith("0x")) {
      return Long.parseLong(tag.substring(2), 16);
    }
    if ("earliest".equals(tag)) {
      return 0;
    }
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}";
    JsonNode r = JSON.readTree(send(body.getBytes(StandardCharsets.UTF_8)).body());
    return Long.parseLong(r.path("result").asText("0x0").substring(2), 16);
  }

  private HttpResponse<byte[]> send(byte[] body) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(upstream)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static ObjectNode error(JsonNode call, int code, String message) {
    ObjectNode o = JSON.createObjectNode();
    o.put("jsonrpc", "2.0");
    o.set("id", call.path("id"));
    ObjectNode e = o.putObject("error");
    e.put("code", code);
    e.put("message", message);
    return o;
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
