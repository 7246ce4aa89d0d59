package io.bridgescope.core.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule that sizes eth_getLogs ranges (ADR 0012), shared by {@link ChainReader} (the span of
 * each request) and the indexer (how many blocks one step covers).
 *
 * <ul>
 *   <li>A range error ({@link RpcErrorKind#LOG_RANGE}) halves the span at once; the caller retries
 *       the same node without backoff and the node is not marked down. A cap the provider names
 *       ("limited to a 10,000 range") becomes the ceiling; an unnamed block-range cap is found by
 *       bisection between the largest span that worked and the smallest that failed.
 *   <li>A full-span request that returned few logs doubles the span (up to the ceiling), so a long
 *       empty history needs close to {@code blocks / cap} requests.
 *   <li>A request that returned more than {@link #TARGET_EVENTS} logs shrinks the span in
 *       proportion, so a dense history is read in chunks the writer can overlap.
 * </ul>
 */
public final class BlockRange {

  /** Events one request or one indexer step aims at. */
  public static final int TARGET_EVENTS = 8_000;

  /** At most this many requests of the current span in one indexer step. */
  static final int STEP_REQUESTS = 32;

  /**
   * Successes after which a results cap (which depends on how dense the history is) is forgotten.
   */
  private static final int RESULTS_CAP_MEMORY = 16;

  /** "limited to a 10,000 range", "exceed maximum block range: 5000", "over 10000 blocks". */
  private static final Pattern NAMED_CAP =
      Pattern.compile(
          "(?:(\\d[\\d,_]*)\\s*(?:-?\\s*block)?s?\\s*range)"
              + "|(?:block range[^\\d\\[]{0,24}?(\\d[\\d,_]*))"
              + "|(?:over (\\d[\\d,_]*) blocks)");

  private final int min;
  private final int max;
  private int size;
  private int ceiling;

  /** Smallest span a block-range cap refused (no number given); 0: none seen. */
  private int refusedSpan;

  /** Smallest span a results or size cap refused; forgotten after some successes. */
  private int resultsRefused;

  private int successesSinceResultsCap;
  private int largestOk;
  private double density = -1;

  public BlockRange(int initial, int min, int max) {
    if (min < 1 || initial < min || initial > max) {
      throw new IllegalArgumentException("block range: need 1 <= min <= initial <= max");
    }
    this.min = min;
    this.max = max;
    this.size = initial;
    this.ceiling = max;
  }

  /** One eth_getLogs over [from, to] (through a reader, or a fake in tests). */
  @FunctionalInterface
  public interface Fetch<T> {
    List<T> get(long from, long to);
  }

  /**
   * Everything in [from, to] in requests of the current span: a range error halves the span and
   * asks again at once (no backoff; the caller's node is not marked down), a success may grow it. A
   * timeout shrinks the span twice at most, since a hanging node times out at any range.
   */
  public <T> List<T> fetch(long from, long to, Fetch<T> f) {
    List<T> out = new ArrayList<>();
    long start = from;
    int timeoutShrinks = 0;
    while (start <= to) {
      long end = Math.min(to, start + size() - 1);
      List<T> chunk;
      try {
        chunk = f.get(start, end);
      } catch (ChainException e) {
        boolean timeout = e.kind() == RpcErrorKind.TRANSPORT;
        if (isRangeError(e) && (!timeout || timeoutShrinks++ < 2) && refused(end - start + 1, e)) {
          continue;
        }
        throw e;
      }
      timeoutShrinks = 0;
      out.addAll(chunk);
      succeeded(end - start + 1, chunk.size());
      start = end + 1;
    }
    return out;
  }

  /** The span for the next eth_getLogs request. */
  public synchronized int size() {
    return size;
  }

  /** The highest span the provider allows as far as we know (its named cap, else the maximum). */
  public synchronized int ceiling() {
    return ceiling;
  }

  /**
   * A request over {@code blocks} blocks returned {@code logs} logs. Only a full-span request grows
   * the span: the short tail of a range says nothing about the cap.
   */
  public synchronized void succeeded(long blocks, int logs) {
    if (blocks <= 0) {
      return;
    }
    largestOk = (int) Math.max(largestOk, Math.min(Integer.MAX_VALUE, blocks));
    if (resultsRefused > 0 && ++successesSinceResultsCap >= RESULTS_CAP_MEMORY) {
      resultsRefused = 0;
    }
    if (logs > TARGET_EVENTS) {
      size = (int) Math.max(min, blocks * TARGET_EVENTS / logs);
      return;
    }
    if (blocks < size || logs > TARGET_EVENTS / 4) {
      return;
    }
    long next = Math.min((long) size * 2, ceiling);
    int refused = smallestRefused();
    if (refused > 0 && next >= refused) {
      // bisect towards the cap; stop once within 1/16 of it (one wasted request is dearer)
      long mid = ((long) largestOk + refused) / 2;
      next = refused - largestOk <= Math.max(1, largestOk / 16) ? largestOk : mid;
    }
    size = (int) Math.max(min, Math.max(size, Math.min(next, ceiling)));
  }

  /**
   * The provider refused a request over {@code blocks} blocks as too wide or too large ({@code
   * error} says which). Halves the span; returns false when it is already at the minimum, so the
   * error is no matter of range.
   */
  public synchronized boolean refused(long blocks, ChainException error) {
    int span = (int) Math.min(Integer.MAX_VALUE, Math.max(1, blocks));
    if (span <= min) {
      return false;
    }
    String m = messageOf(error);
    OptionalLong named = namedCap(m);
    if (named.isPresent() && named.getAsLong() >= min && named.getAsLong() < span) {
      ceiling = (int) Math.min(ceiling, named.getAsLong());
    } else if (isResultsCap(m)) {
      resultsRefused = resultsRefused == 0 ? span : Math.min(resultsRefused, span);
      successesSinceResultsCap = 0;
    } else {
      refusedSpan = refusedSpan == 0 ? span : Math.min(refusedSpan, span);
      largestOk = Math.min(largestOk, span - 1);
    }
    size = Math.max(min, Math.min(ceiling, span / 2));
    return true;
  }

  /**
   * Blocks one indexer step covers: at most {@link #STEP_REQUESTS} requests of the current span,
   * and about {@link #TARGET_EVENTS} events at the density the last step saw.
   */
  public synchronized long stepSpan() {
    long bySpan = (long) size * STEP_REQUESTS;
    if (density < 0) {
      return size; // nothing known yet: one request
    }
    if (density == 0) {
      return bySpan;
    }
    return Math.max(1, Math.min(bySpan, (long) (TARGET_EVENTS / density)));
  }

  /** An indexer step over {@code blocks} blocks found {@code events} events. */
  public synchronized void stepDone(long blocks, int events) {
    if (blocks > 0) {
      density = events / (double) blocks;
    }
  }

  private int smallestRefused() {
    if (refusedSpan == 0) {
      return resultsRefused;
    }
    return resultsRefused == 0 ? refusedSpan : Math.min(refusedSpan, resultsRefused);
  }

  /**
   * Whether a failed eth_getLogs may succeed over fewer blocks: a range error, or a timeout (a
   * large range can take longer than the call timeout; the caller tries that only twice).
   */
  public static boolean isRangeError(Throwable e) {
    if (!(e instanceof ChainException ce)) {
      return false;
    }
    if (ce.kind() == RpcErrorKind.LOG_RANGE) {
      return true;
    }
    if (ce.kind() != RpcErrorKind.TRANSPORT) {
      return false;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.SocketTimeoutException
          || (t instanceof java.io.InterruptedIOException
              && !Thread.currentThread().isInterrupted())) {
        return true;
      }
      String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (m.contains("(timeout)") || m.contains("timed out")) {
        return true;
      }
    }
    return false;
  }

  /** The block-range cap a provider's error names, if any. */
  static OptionalLong namedCap(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    if (isResultsCap(m)) {
      return OptionalLong.empty(); // "up to a 2K block range" in a size error is advice, not a cap
    }
    Matcher x = NAMED_CAP.matcher(m);
    while (x.find()) {
      for (int g = 1; g <= 3; g++) {
        if (x.group(g) != null) {
          try {
            return OptionalLong.of(Long.parseLong(x.group(g).replaceAll("[,_]", "")));
          } catch (NumberFormatException e) {
            return OptionalLong.empty();
          }
        }
      }
    }
    return OptionalLong.empty();
  }

  /** A cap on results or reply size (depends on density), as opposed to one on blocks. */
  private static boolean isResultsCap(String m) {
    String l = m.toLowerCase(Locale.ROOT);
    if (l.contains("results")
        || l.contains("response size")
        || l.contains("too many logs")
        || l.contains("log response")) {
      return true;
    }
    if (l.contains("range")) {
      return false; // "block range too large" caps blocks
    }
    return l.contains("too large") || l.contains("too big") || l.contains("timeout");
  }

  private static String messageOf(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        b.append(t.getMessage()).append(' ');
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}
