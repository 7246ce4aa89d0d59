package io.bridgescope.devnet.crypto;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.devnet.AnvilNode;
import io.bridgescope.devnet.Artifacts;
import io.bridgescope.devnet.DevnetHome;
import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * One anvil used as a referee: many {@code eth_call}s per HTTP round trip (JSON-RPC batches), plus
 * deployment and code placement for the contract-backed checks.
 */
final class AnvilReferee implements AutoCloseable {

  /** anvil's first dev account (unlocked). */
  static final Address DEV = Address.of("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

  private static final int BATCH = 200;

  private final AnvilNode node;
  private final ChainClient chain;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  private AnvilReferee(AnvilNode node) {
    this.node = node;
    this.chain = new ChainClient(node.name(), node.rpcUrl());
  }

  static AnvilReferee start(String name) {
    try {
      Path logs = Files.createTempDirectory("bs-diff-" + name);
      return new AnvilReferee(
          AnvilNode.start(DevnetHome.locate().anvilBinary(), name, 31337, logs));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  ChainClient chain() {
    return chain;
  }

  /** One {@code eth_call}: {@code to} and calldata. */
  record Call(Address to, byte[] data) {}

  /** The output of a call, or the node's error message when it failed or reverted. */
  record Reply(byte[] output, String error) {
    boolean ok() {
      return error == null;
    }

    String hex() {
      return ok() ? Hex.encode(output) : "error: " + error;
    }
  }

  static Address precompile(int n) {
    return Address.ofLow(n);
  }

  /** All calls at the latest block, {@value #BATCH} per HTTP request; replies in call order. */
  List<Reply> callAll(List<Call> calls) {
    List<Reply> out = new ArrayList<>(calls.size());
    for (int from = 0; from < calls.size(); from += BATCH) {
      List<Call> chunk = calls.subList(from, Math.min(calls.size(), from + BATCH));
      ArrayNode batch = json.createArrayNode();
      for (int i = 0; i < chunk.size(); i++) {
        ObjectNode tx = json.createObjectNode();
        tx.put("to", chunk.get(i).to().toString());
        tx.put("data", Hex.encode(chunk.get(i).data()));
        tx.put("gas", "0x1c9c380"); // 30M: enough for any of our calls, no estimation
        ArrayNode params = json.createArrayNode().add(tx).add("latest");
        batch.add(request(i, "eth_call", params));
      }
      JsonNode[] byId = send(batch, chunk.size());
      for (JsonNode r : byId) {
        if (r.hasNonNull("error")) {
          JsonNode e = r.get("error");
          out.add(new Reply(null, e.path("message").asText() + " " + e.path("data").asText("")));
        } else {
          out.add(new Reply(Hex.decode("result", r.get("result").asText()), null));
        }
      }
    }
    return out;
  }

  Reply call(Address to, byte[] data) {
    return callAll(List.of(new Call(to, data))).get(0);
  }

  /**
   * One method with many parameter lists, batched (e.g. anvil_setStorageAt); the results in order.
   * Throws if one of them fails.
   */
  List<JsonNode> rpcAll(String method, List<List<Object>> paramsList) {
    List<JsonNode> out = new ArrayList<>(paramsList.size());
    for (int from = 0; from < paramsList.size(); from += BATCH) {
      List<List<Object>> chunk =
          paramsList.subList(from, Math.min(paramsList.size(), from + BATCH));
      ArrayNode batch = json.createArrayNode();
      for (int i = 0; i < chunk.size(); i++) {
        batch.add(request(i, method, json.valueToTree(chunk.get(i))));
      }
      for (JsonNode r : send(batch, chunk.size())) {
        if (r.hasNonNull("error")) {
          throw new IllegalStateException(method + " failed: " + r.get("error"));
        }
        out.add(r.get("result"));
      }
    }
    return out;
  }

  /** Waits until every transaction has a receipt; returns each one's status (true = success). */
  List<Boolean> awaitStatuses(List<Hash32> txs, Duration timeout) {
    List<List<Object>> params = txs.stream().map(h -> List.<Object>of(h.toString())).toList();
    List<JsonNode> receipts =
        await("receipts of " + txs.size() + " transactions")
            .atMost(timeout)
            .pollInSameThread() // called for every batch of a campaign: no thread per wait
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(5))
            .until(
                () -> rpcAll("eth_getTransactionReceipt", params),
                rs -> rs.stream().allMatch(r -> r != null && !r.isNull()));
    return receipts.stream().map(r -> r.path("status").asText().equals("0x1")).toList();
  }

  private ObjectNode request(int id, String method, JsonNode params) {
    ObjectNode req = json.createObjectNode();
    req.put("jsonrpc", "2.0");
    req.put("id", id);
    req.put("method", method);
    req.set("params", params);
    return req;
  }

  private JsonNode[] send(ArrayNode batch, int size) {
    try {
      HttpRequest req =
          HttpRequest.newBuilder(node.rpcUrl())
              .timeout(Duration.ofSeconds(120))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(batch)))
              .build();
      HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
      JsonNode replies = json.readTree(resp.body());
      if (!replies.isArray() || replies.size() != size) {
        throw new IllegalStateException("unexpected batch reply: " + abbreviate(resp.body()));
      }
      JsonNode[] byId = new JsonNode[size];
      for (JsonNode r : replies) {
        byId[r.get("id").asInt()] = r;
      }
      return byId;
    } catch (IOException e) {
      throw new IllegalStateException("anvil unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  /** Deploys an artifact's creation bytecode from the dev account; returns its address. */
  Address deploy(String artifact, byte[] constructorArgs) {
    byte[] code = Artifacts.load(artifact).bytecode();
    byte[] data = new byte[code.length + constructorArgs.length];
    System.arraycopy(code, 0, data, 0, code.length);
    System.arraycopy(constructorArgs, 0, data, code.length, constructorArgs.length);
    Hash32 tx = chain.sendUnlocked(DEV, null, data, BigInteger.ZERO, 30_000_000L);
    TransactionReceipt r = chain.awaitReceipt(tx, Duration.ofSeconds(30));
    if (!r.isStatusOK() || r.getContractAddress() == null) {
      throw new IllegalStateException("deployment of " + artifact + " failed: " + tx);
    }
    return Address.of(r.getContractAddress());
  }

  /** Places an artifact's runtime code at {@code at} (no constructor runs). */
  void place(String artifact, Address at) {
    chain.rpc(
        "anvil_setCode",
        List.of(at.toString(), Hex.encode(Artifacts.load(artifact).deployedBytecode())));
  }

  @Override
  public void close() {
    chain.close();
    node.close();
  }
}
