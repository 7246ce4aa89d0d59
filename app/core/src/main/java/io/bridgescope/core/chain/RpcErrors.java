package io.bridgescope.core.chain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides the {@link RpcErrorKind} of a node's error from its JSON-RPC code and message or its HTTP
 * status. Clients word the same fault differently; the phrasings below are the ones geth, Erigon,
 * Nethermind, Besu, reth, anvil and the big providers send (see RpcErrorsTest for each).
 */
public final class RpcErrors {

  /** anvil: "BlockOutOfRangeError: block height is 32 but requested was 2". */
  private static final Pattern ANVIL_RANGE =
      Pattern.compile("blockoutofrangeerror: block height is (\\d+) but requested was (\\d+)");

  private static final List<String> MISSING_STATE =
      List.of(
          "missing trie node", // geth (hash scheme), Bor, Nethermind
          "header not found", // geth: the block's header is gone or not there
          "required historical state unavailable", // geth tracing
          "historical state unavailable",
          "historical state not available",
          "missing world state", // Besu
          "world state not available",
          "world state unavailable",
          "distance to target block exceeds maximum", // reth's proof window
          "state histories haven't been fully indexed", // geth path scheme
          "no state available for block", // Nethermind
          "state not available",
          "archive state", // Infura: "project ID does not have access to archive state"
          "archive request", // QuickNode and others: "archive requests not supported"
          "pruned");

  /** "state 0x… is not available", "data before txNum=… is not available" (Erigon). */
  private static final Pattern STATE_NOT_AVAILABLE =
      Pattern.compile("(state|history|data before)\\b.*\\b(is )?not available");

  private static final List<String> RATE_LIMIT =
      List.of(
          "rate limit",
          "rate-limit",
          "ratelimit",
          "too many requests",
          "request limit",
          "requests limit",
          "limit reached",
          "daily request count",
          "compute units",
          "capacity exceeded",
          "exceeded its",
          "quota",
          "throttl",
          "credits");

  /** Errors a smaller eth_getLogs range fixes: a -32005 with these words is not a rate limit. */
  private static final List<String> RANGE_WORDS =
      List.of(
          "query returned more than", // geth, Infura: "query returned more than 10000 results"
          "block range", // "block range is too wide", "exceed maximum block range: 5000"
          "range is too",
          "is limited to a", // "eth_getLogs is limited to a 10,000 range"
          "range limit",
          "range too", // "block range too large"
          "blocks range",
          "ranges over", // "ranges over 10000 blocks are not supported"
          "response size", // Alchemy: "Log response size exceeded."
          "too large",
          "too big",
          "more than",
          "too many logs",
          "results");

  /** The unmistakable ones, for an HTTP error body (which does not say which method failed). */
  private static final List<String> HTTP_RANGE_WORDS =
      List.of("query returned more than", "block range", "is limited to a", "log response size");

  /** Words that make an eth_getLogs failure a range error even without the words above. */
  private static final List<String> LOG_TIMEOUT_WORDS =
      List.of("query timeout", "timeout exceeded", "request timed out", "context deadline");

  private RpcErrors() {}

  /** The kind of a JSON-RPC error object {@code {code, message}} answered to {@code method}. */
  public static RpcErrorKind ofJsonRpc(String method, int code, String message) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (code == 3
        || m.contains("execution reverted")
        || m.contains("vm execution error") // Nethermind
        || m.matches("(?s)^(vm exception.*)?revert.*")) {
      return RpcErrorKind.REVERT;
    }
    if (isMissingState(m)) {
      return RpcErrorKind.MISSING_STATE;
    }
    if ("eth_getLogs".equals(method) && isLogRange(m)) {
      return RpcErrorKind.LOG_RANGE;
    }
    if (isRateLimit(code, m)) {
      return RpcErrorKind.RATE_LIMITED;
    }
    if (method != null && method.startsWith("eth_send")) {
      return RpcErrorKind.REJECTED;
    }
    return RpcErrorKind.OTHER_RPC_ERROR;
  }

  /** The kind of a non-2xx HTTP answer with {@code body} (often empty or an HTML page). */
  public static RpcErrorKind ofHttp(int status, String body) {
    String m = body == null ? "" : body.toLowerCase(Locale.ROOT);
    if (status != 429 && HTTP_RANGE_WORDS.stream().anyMatch(m::contains)) {
      return RpcErrorKind.LOG_RANGE; // a few providers send range errors as HTTP 400/413
    }
    if (status == 429 || isRateLimit(0, m)) {
      return RpcErrorKind.RATE_LIMITED;
    }
    if (status >= 500 || status == 408) {
      return RpcErrorKind.TRANSPORT;
    }
    return RpcErrorKind.OTHER_RPC_ERROR;
  }

  /**
   * web3j reports a non-2xx answer as "Invalid response received: 429; body"; the status and body
   * come back out of that text.
   */
  static RpcErrorKind ofWeb3jHttpError(@Nullable String message) {
    Matcher mm =
        Pattern.compile("(?s)invalid response received: (\\d{3});?(.*)")
            .matcher(message == null ? "" : message.toLowerCase(Locale.ROOT));
    if (mm.find()) {
      return ofHttp(Integer.parseInt(mm.group(1)), mm.group(2));
    }
    return RpcErrorKind.TRANSPORT;
  }

  private static boolean isMissingState(String m) {
    Matcher anvil = ANVIL_RANGE.matcher(m);
    if (anvil.find()) {
      // anvil answers the same for a block above its head, which is no missing history
      return Long.parseLong(anvil.group(2)) <= Long.parseLong(anvil.group(1));
    }
    if (m.contains("blockoutofrangeerror")) {
      return true;
    }
    return MISSING_STATE.stream().anyMatch(m::contains) || STATE_NOT_AVAILABLE.matcher(m).find();
  }

  /** Whether the words say a smaller eth_getLogs range would succeed. */
  static boolean isLogRange(String m) {
    if (m.contains("rate limit") || m.contains("too many requests")) {
      return false;
    }
    return RANGE_WORDS.stream().anyMatch(m::contains)
        || LOG_TIMEOUT_WORDS.stream().anyMatch(m::contains);
  }

  private static boolean isRateLimit(int code, String m) {
    if (RATE_LIMIT.stream().anyMatch(m::contains)) {
      return true;
    }
    // -32005 is "limit exceeded" in EIP-1474: Infura uses it for rate limits and for too many logs
    if (code == -32005 || code == 429 || code == -32029) {
      return RANGE_WORDS.stream().noneMatch(m::contains);
    }
    return m.contains("limit exceeded") && RANGE_WORDS.stream().noneMatch(m::contains);
  }
}
