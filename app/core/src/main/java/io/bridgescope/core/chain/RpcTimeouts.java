package io.bridgescope.core.chain;

import java.time.Duration;
import java.util.function.Function;

/**
 * How long one JSON-RPC call may take: {@code connect} to open the connection, {@code call} for the
 * whole exchange (a node that accepts and never answers, or trickles bytes, is cut off there).
 *
 * <p>Configured by the system properties {@code bridgescope.rpc.timeout} and {@code
 * bridgescope.rpc.connectTimeout} or the environment variables {@code BRIDGESCOPE_RPC_TIMEOUT} and
 * {@code BRIDGESCOPE_RPC_CONNECT_TIMEOUT}, in seconds; defaults 10 s and 5 s.
 */
public record RpcTimeouts(Duration connect, Duration call) {

  public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_CALL = Duration.ofSeconds(10);
  private static final long MAX_SECONDS = 300;

  public RpcTimeouts {
    if (connect.isNegative() || connect.isZero() || call.isNegative() || call.isZero()) {
      throw new IllegalArgumentException("RPC timeouts must be positive");
    }
  }

  public static RpcTimeouts defaults() {
    return new RpcTimeouts(DEFAULT_CONNECT, DEFAULT_CALL);
  }

  /** From the system properties, else the environment, else the defaults. */
  public static RpcTimeouts standard() {
    return fromSettings(
        key ->
            switch (key) {
              case "call" ->
                  first(
                      System.getProperty("bridgescope.rpc.timeout"),
                      System.getenv("BRIDGESCOPE_RPC_TIMEOUT"));
              case "connect" ->
                  first(
                      System.getProperty("bridgescope.rpc.connectTimeout"),
                      System.getenv("BRIDGESCOPE_RPC_CONNECT_TIMEOUT"));
              default -> null;
            });
  }

  /** {@code settings} maps "call" and "connect" to a number of seconds, or null for the default. */
  static RpcTimeouts fromSettings(Function<String, String> settings) {
    return new RpcTimeouts(
        seconds("BRIDGESCOPE_RPC_CONNECT_TIMEOUT", settings.apply("connect"), DEFAULT_CONNECT),
        seconds("BRIDGESCOPE_RPC_TIMEOUT", settings.apply("call"), DEFAULT_CALL));
  }

  private static String first(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }

  private static Duration seconds(String name, String value, Duration fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      double s = Double.parseDouble(value.strip());
      if (s > 0 && s <= MAX_SECONDS) {
        return Duration.ofMillis(Math.round(s * 1000));
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw new IllegalArgumentException(
        name + ": expected a number of seconds in (0, " + MAX_SECONDS + "], got '" + value + "'");
  }
}
