package io.bridgescope.core.chain;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * HTTP 429 with a {@code Retry-After} header, caught under web3j (which would keep only the status
 * and body) so that the wait the provider asks for reaches {@link ChainReader}.
 */
final class RetryAfter extends IOException {

  private final Duration wait;

  RetryAfter(Duration wait, String body) {
    super("HTTP 429 Too Many Requests, Retry-After " + wait.toMillis() + " ms: " + body);
    this.wait = wait;
  }

  Duration delay() {
    return wait;
  }

  /**
   * The header's wait: delta-seconds ({@code 2}, also {@code 0.5} which some proxies send) or an
   * HTTP date. Empty when absent or unreadable (then the reader's own backoff applies).
   */
  static Optional<Duration> parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String h = header.strip();
    try {
      double s = Double.parseDouble(h);
      if (s < 0 || Double.isNaN(s) || Double.isInfinite(s)) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofMillis(Math.round(Math.min(s, 86_400) * 1000)));
    } catch (NumberFormatException e) {
      // not seconds: an HTTP date
    }
    try {
      Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
