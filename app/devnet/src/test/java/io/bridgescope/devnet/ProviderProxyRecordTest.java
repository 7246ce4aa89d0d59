package io.bridgescope.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The proxy keeps request bodies as they arrived, in order, only while recording is on. */
class ProviderProxyRecordTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void keepsTheBodiesSentWhileRecording() throws Exception {
    HttpServer upstream =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // An upstream that answers every call of a (batch) request with its own id as the result.
    upstream.createContext(
        "/",
        ex -> {
          JsonNode req = JSON.readTree(ex.getRequestBody().readAllBytes());
          ArrayNode out = JSON.createArrayNode();
          for (JsonNode call : req.isArray() ? req : List.of(req)) {
            ObjectNode a = out.addObject();
            a.put("jsonrpc", "2.0");
            a.set("id", call.get("id"));
            a.put("result", "0x1");
          }
          byte[] body = JSON.writeValueAsBytes(out);
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
          }
        });
    upstream.start();
    String before = call(1, "eth_blockNumber");
    String first = call(2, "eth_getLogs");
    String batch = "[" + call(3, "eth_getBlockByNumber") + "," + call(4, "eth_chainId") + "]";
    String after = call(5, "eth_chainId");
    try (ProviderProxy proxy =
        new ProviderProxy(URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()))) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      post(http, proxy.url(), before);
      proxy.record(true);
      post(http, proxy.url(), first);
      post(http, proxy.url(), batch);
      proxy.record(false);
      post(http, proxy.url(), after);

      assertThat(proxy.recorded())
          .extracting(b -> new String(b, StandardCharsets.UTF_8))
          .containsExactly(first, batch);
    } finally {
      upstream.stop(0);
    }
  }

  private static String call(int id, String method) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":[]}";
  }

  private static void post(HttpClient http, URI url, String body) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"result\":\"0x1\"");
  }
}
