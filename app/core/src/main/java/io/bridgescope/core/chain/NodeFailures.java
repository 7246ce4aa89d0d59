package io.bridgescope.core.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bridgescope.core.model.Hex;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.exceptions.ClientConnectionException;

/**
 * Turns what went wrong with one request to one node into a typed {@link ChainException} naming the
 * node and the method (see {@link RpcErrors} for how the kind is decided).
 */
final class NodeFailures {

  private final String label;
  private final URI url;
  private final RpcTimeouts timeouts;

  NodeFailures(String label, URI url, RpcTimeouts timeouts) {
    this.label = label;
    this.url = url;
    this.timeouts = timeouts;
  }

  /** A request that got no JSON-RPC answer: transport, HTTP status, or a malformed body. */
  ChainException of(String method, Exception e) {
    String at = label + " node " + url;
    if (e instanceof RetryAfter r) {
      return new RateLimitedException(label, url, method, r.delay(), e);
    }
    if (e instanceof JsonProcessingException j) {
      // The node answered, but not with JSON-RPC (a proxy's error page, a cut-off reply).
      return ChainException.badReply(
          at + " sent a malformed reply to " + method + ": " + j.getOriginalMessage(), e);
    }
    if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
      return new ChainException(
          RpcErrorKind.TRANSPORT, at + ": " + method + " interrupted (shutting down)", e);
    }
    if (e instanceof InterruptedIOException) { // SocketTimeoutException, OkHttp's call timeout
      return new ChainException(
          RpcErrorKind.TRANSPORT,
          at
              + " did not answer "
              + method
              + " within "
              + timeouts.call().toMillis() / 1000.0
              + " s (timeout)",
          e);
    }
    if (e instanceof IOException) {
      return new ChainException(
          RpcErrorKind.TRANSPORT, at + " unreachable for " + method + ": " + e.getMessage(), e);
    }
    if (e instanceof ClientConnectionException) {
      // web3j's non-2xx answer, e.g. "Invalid response received: 429; ..." from a rate limit
      return new ChainException(
          RpcErrors.ofWeb3jHttpError(e.getMessage()),
          at + " answered " + method + " with an HTTP error: " + e.getMessage(),
          e);
    }
    return ChainException.badReply(
        at + " sent a malformed reply to " + method + ": " + e.getMessage(), e);
  }

  /** The typed exception for a JSON-RPC error object answered to {@code method}. */
  ChainException of(String method, Response.Error error, long block) {
    String words = error.getMessage() == null ? "(no message)" : error.getMessage();
    RpcErrorKind kind = RpcErrors.ofJsonRpc(method, error.getCode(), words);
    return switch (kind) {
      case REVERT -> {
        String reason = revertFrom(error);
        yield ChainException.revert(
            label + " node " + url + ": " + method + " reverted: " + reason, reason);
      }
      case REJECTED ->
          ChainException.rejected(
              label + " node " + url + " refused the transaction: " + words, words);
      case MISSING_STATE -> new MissingStateException(label, url, block, method + ": " + words);
      default ->
          new ChainException(kind, label + " node " + url + " refused " + method + ": " + words);
    };
  }

  /** The decoded revert data where the node sent some, else the node's words. */
  private static String revertFrom(Response.Error error) {
    if (error.getData() != null) {
      String d = error.getData().replace("\"", "").strip();
      if (d.startsWith("0x") && d.length() > 2) {
        try {
          String decoded = RevertReason.decode(Hex.decode("revert data", d));
          if (decoded != null) {
            return decoded;
          }
        } catch (IllegalArgumentException | ArithmeticException e) {
          // undecodable data: the node's message below still says it reverted
        }
      }
    }
    return error.getMessage() == null ? "execution reverted" : error.getMessage();
  }
}
