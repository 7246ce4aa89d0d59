package io.bridgescope.core.chain;

import java.net.URI;
import java.time.Duration;

/**
 * A node answered HTTP 429 with a {@code Retry-After}: it is up, and asks to be left alone for that
 * long. {@link ChainReader} waits exactly that long (up to a bound) before asking it again, and
 * does not mark it down.
 */
public final class RateLimitedException extends ChainException {

  private final URI node;
  private final Duration retryAfter;

  RateLimitedException(
      String label, URI node, String method, Duration retryAfter, Throwable cause) {
    super(
        RpcErrorKind.RATE_LIMITED,
        label
            + " node "
            + node
            + " rate-limited "
            + method
            + " (HTTP 429) and asked to wait "
            + retryAfter.toMillis()
            + " ms",
        cause);
    this.node = node;
    this.retryAfter = retryAfter;
  }

  public URI node() {
    return node;
  }

  /** How long the node asked us to wait. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
