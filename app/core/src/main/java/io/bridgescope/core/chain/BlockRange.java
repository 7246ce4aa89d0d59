package io.bridgescope.core.chain;

/**
 * Adaptive eth_getLogs range, after Teku's deposit fetcher: halve on errors a smaller range fixes,
 * grow by x1.1 + 1 on success up to a cap.
 */
public final class BlockRange {

  private final int min;
  private final int max;
  private int size;

  public BlockRange(int initial, int min, int max) {
    if (min < 1 || initial < min || initial > max) {
      throw new IllegalArgumentException("block range: need 1 <= min <= initial <= max");
    }
    this.min = min;
    this.max = max;
    this.size = initial;
  }

  public synchronized int size() {
    return size;
  }

  public synchronized void grow() {
    size = (int) Math.min(max, (long) Math.floor(size * 1.1) + 1);
  }

  /** Returns false when already at the minimum (the error is not a range problem then). */
  public synchronized boolean shrink() {
    if (size <= min) {
      return false;
    }
    size = Math.max(min, size / 2);
    return true;
  }

  /**
   * Whether a node's error says the request covered too much: too many results, reply too large, or
   * a timeout. Providers word this differently; these are the common phrasings. Only untyped errors
   * and transport faults qualify: "too many requests" is a rate limit, not a range.
   */
  public static boolean isRangeError(Throwable e) {
    if (e instanceof ChainException ce
        && ce.kind() != RpcErrorKind.OTHER_RPC_ERROR
        && ce.kind() != RpcErrorKind.TRANSPORT) {
      return false; // a rate limit, missing state or wrong chain is no matter of range
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
      if (m.contains("too many")
          || m.contains("limit exceeded")
          || m.contains("query returned more than")
          || m.contains("response size")
          || m.contains("too large")
          || m.contains("range is too")
          || m.contains("block range")
          || m.contains("timeout")
          || m.contains("timed out")
          || t instanceof java.net.SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
