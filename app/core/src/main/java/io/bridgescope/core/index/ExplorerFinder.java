package io.bridgescope.core.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bridgescope.core.model.Address;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Finds submissions with an Etherscan-compatible explorer API ({@code
 * module=account&action=txlist}; Etherscan, Blockscout), whose base URL the network profile names
 * ({@code root.explorerApiUrl}). The API key comes from {@value #KEY_ENV} and is never logged,
 * exported or put in an error: every text taken from the explorer has it blotted out.
 *
 * <p>The explorer only names blocks; their transactions are then read from the root node, so a
 * wrong answer costs a block read and cannot add a submission.
 */
final class ExplorerFinder implements SubmissionFinder {

  static final String KEY_ENV = "BRIDGESCOPE_EXPLORER_API_KEY";
  static final String METHOD = "explorer API (txlist)";
  private static final int PAGE = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI api;
  private final Optional<String> key;
  private final Address manager;
  private final HttpClient http;

  ExplorerFinder(URI api, Optional<String> key, Address manager) {
    this.api = api;
    this.key = key.filter(k -> !k.isBlank());
    this.manager = manager;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** The key from the environment, if set. */
  static Optional<String> keyFromEnvironment() {
    return Optional.ofNullable(System.getenv(KEY_ENV)).filter(k -> !k.isBlank());
  }

  @Override
  public String method() {
    return METHOD;
  }

  @Override
  public SortedSet<Long> blocks(long from, long to) {
    SortedSet<Long> out = new TreeSet<>();
    long start = from;
    while (start <= to) {
      JsonNode list = page(start, to);
      long max = start - 1;
      for (JsonNode tx : list) {
        long b = block(tx);
        if (b < start || b > to) {
          throw new Unavailable(
              "the explorer API at " + api + " answered block " + b + " for " + start + ".." + to);
        }
        max = Math.max(max, b);
        if (manager.toString().equalsIgnoreCase(tx.path("to").asText(""))) {
          out.add(b);
        }
      }
      if (list.size() < PAGE) {
        break;
      }
      // A full page may stop inside block max: the caller reads that block whole.
      start = max + 1;
    }
    return out;
  }

  private long block(JsonNode tx) {
    try {
      return Long.parseLong(tx.path("blockNumber").asText(""));
    } catch (NumberFormatException e) {
      throw new Unavailable("the explorer API at " + api + " sent a transaction without a block");
    }
  }

  private JsonNode page(long start, long end) {
    StringBuilder q = new StringBuilder(api.toString());
    q.append(api.getRawQuery() == null ? '?' : '&');
    q.append("module=account&action=txlist&address=").append(manager);
    q.append("&startblock=").append(start).append("&endblock=").append(end);
    q.append("&page=1&offset=").append(PAGE).append("&sort=asc");
    key.ifPresent(k -> q.append("&apikey=").append(URLEncoder.encode(k, StandardCharsets.UTF_8)));
    HttpResponse<String> r;
    try {
      r =
          http.send(
              HttpRequest.newBuilder(URI.create(q.toString()))
                  .timeout(Duration.ofSeconds(20))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Unavailable(
          "the explorer API at " + api + " is unreachable: " + blot(String.valueOf(e)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted while asking the explorer API at " + api);
    }
    if (r.statusCode() == 429) {
      throw new Unavailable(
          "the explorer API at " + api + " is rate-limiting this key (HTTP 429); " + keyAdvice());
    }
    if (r.statusCode() / 100 != 2) {
      throw new Unavailable(
          "the explorer API at " + api + " answered HTTP " + r.statusCode() + "; " + keyAdvice());
    }
    JsonNode body;
    try {
      body = JSON.readTree(r.body());
    } catch (IOException e) {
      throw new Unavailable("the explorer API at " + api + " did not answer JSON");
    }
    if (body == null || !body.isObject()) {
      throw new Unavailable("the explorer API at " + api + " did not answer a JSON object");
    }
    JsonNode result = body.path("result");
    if (result.isArray()) {
      return result; // status "0" with an empty list is Etherscan's "No transactions found"
    }
    String says = blot(result.asText("") + " " + body.path("message").asText("")).strip();
    String lower = says.toLowerCase(Locale.ROOT);
    if (lower.contains("rate limit")) {
      throw new Unavailable(
          "the explorer API at "
              + api
              + " is rate-limiting this key ("
              + says
              + "); "
              + keyAdvice());
    }
    if (lower.contains("api key") || lower.contains("apikey")) {
      throw new Unavailable(
          "the explorer API at " + api + " refused the API key (" + says + "); " + keyAdvice());
    }
    throw new Unavailable("the explorer API at " + api + " refused txlist: " + says);
  }

  private static String keyAdvice() {
    return "check the key in " + KEY_ENV + " or use a node with the Otterscan API";
  }

  /** The text with the key blotted out, in case an explorer echoes it. */
  private String blot(String s) {
    return key.map(k -> s.replace(k, "***")).orElse(s);
  }
}
