package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.bridgescope.core.config.DataDir;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status} says how checkpoint submissions are found on the root, and, for a pruned root
 * reached through a node without the Otterscan API and no explorer API in the profile, exits 1
 * saying which capability is missing and what to configure.
 */
@Tag("devnet")
class StatusSubmissionsDevnetTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void statusNamesTheMethodOrWhatToConfigure() throws Exception {
    DevnetConfig cfg = DevnetConfig.defaults().toBuilder().rootPruned(true).build();
    try (Devnet d =
        Devnet.start(
            cfg, DevnetHome.locate(), Files.createDirectories(work.resolve("dn")), m -> {})) {
      HttpServer proxy = noOtterscanProxy(d.rootNode().rpcUrl());
      try {
        Path data = work.resolve("data");
        DataDir dir = new DataDir(data);
        dir.saveProfile(d.profile().toBuilder().name("pruned-ots").build());
        dir.saveProfile(
            d.profile().toBuilder()
                .name("pruned-plain")
                .rootRpcUrls(
                    List.of(URI.create("http://127.0.0.1:" + proxy.getAddress().getPort() + "/")))
                .build());

        CliRun.Result ok =
            CliRun.run(
                "status", "--network", "pruned-ots", "--json", "--data-dir", data.toString());
        JsonNode good = ok.noStackTrace().json();
        assertThat(good.path("submissions").path("method").asText())
            .as(good.toString())
            .contains("Otterscan");
        assertThat(good.path("health").asText()).isEqualTo("ok");
        assertThat(ok.exit()).isZero();

        CliRun.Result bad =
            CliRun.run(
                "status", "--network", "pruned-plain", "--json", "--data-dir", data.toString());
        JsonNode doc = bad.noStackTrace().json();
        assertThat(bad.exit()).as(doc.toString()).isEqualTo(1);
        assertThat(doc.path("health").asText())
            .startsWith("no way to find checkpoint submissions on the root chain")
            .contains("does not offer the Otterscan API")
            .contains("has no root.explorerApiUrl")
            .contains("needs an archive node")
            .contains("configure one of");
        assertThat(doc.path("submissions").path("methods"))
            .hasSize(3)
            .allMatch(m -> !m.path("works").asBoolean() && m.has("problem"));
      } finally {
        proxy.stop(0);
      }
    }
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
          byte[] reply;
          int status = 200;
          if (req.isObject() && req.path("method").asText().startsWith("ots_")) {
            ObjectNode err = JSON.createObjectNode();
            err.put("jsonrpc", "2.0");
            err.set("id", req.path("id"));
            err.putObject("error").put("code", -32601).put("message", "method not found");
            reply = JSON.writeValueAsBytes(err);
          } else {
            try {
              HttpResponse<byte[]> r =
                  http.send(
                      HttpRequest.newBuilder(node)
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                          .build(),
                      HttpResponse.BodyHandlers.ofByteArray());
              reply = r.body();
              status = r.statusCode();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              reply = new byte[0];
              status = 503;
            }
          }
          ex.getResponseHeaders().set("Content-Type", "application/json");
          ex.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
          if (reply.length > 0) {
            ex.getResponseBody().write(reply);
          }
          ex.close();
        });
    s.start();
    return s;
  }
}
