package io.bridgescope.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The raw reference for the indexer's catch-up: the exact JSON-RPC requests the indexer sent
 * (recorded by a {@link io.bridgescope.devnet.ProviderProxy} on an untimed run), sent again in the
 * same order straight to the node with {@link HttpClient} (HTTP/1.1 keep-alive), each answer read
 * as bytes and not parsed. What the indexer does beyond this is decoding, bookkeeping and writing.
 */
final class RawReplay {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One recorded request: where it goes, its body, and the methods it calls. */
  record Call(URI node, byte[] body, Set<String> methods) {

    boolean onlyOf(Set<String> wanted) {
      return wanted.containsAll(methods);
    }
  }

  /** Bytes and requests of one replay. */
  record Result(long requests, long bytes, double seconds) {}

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** The recorded bodies sent to {@code node}, with their methods (parsed here, untimed). */
  static List<Call> calls(URI node, List<byte[]> bodies) throws IOException {
    List<Call> out = new ArrayList<>();
    for (byte[] b : bodies) {
      JsonNode req = JSON.readTree(b);
      Set<String> methods = new TreeSet<>();
      if (req.isArray()) {
        req.forEach(c -> methods.add(c.path("method").asText()));
      } else {
        methods.add(req.path("method").asText());
      }
      out.add(new Call(node, b, methods));
    }
    return out;
  }

  /**
   * Sends every call once and checks each answer: HTTP 200, JSON, no JSON-RPC error (untimed; run
   * it before the timed replays so an error is never counted as fetched data).
   */
  void check(List<Call> calls) throws IOException, InterruptedException {
    for (Call c : calls) {
      HttpResponse<byte[]> r = send(c);
      JsonNode a = JSON.readTree(r.body());
      for (JsonNode one : a.isArray() ? a : List.of(a)) {
        if (one.has("error")) {
          throw new IllegalStateException(
              "node " + c.node() + " answered " + c.methods() + " with " + one.get("error"));
        }
      }
    }
  }

  /** Sends the calls in order, reading each whole answer as bytes. */
  Result replay(List<Call> calls) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    long bytes = 0;
    for (Call c : calls) {
      bytes += send(c).body().length;
    }
    return new Result(calls.size(), bytes, (System.nanoTime() - t0) / 1e9);
  }

  private HttpResponse<byte[]> send(Call c) throws IOException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(c.node())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(c.body()))
            .build();
    HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "node " + c.node() + " answered HTTP " + r.statusCode() + " to " + c.methods());
    }
    return r;
  }
}
