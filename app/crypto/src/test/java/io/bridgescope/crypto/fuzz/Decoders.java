package io.bridgescope.crypto.fuzz;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.statistics.Statistics;

/**
 * Runs one decoder call under the fuzz property: the decoder answers with a value or with one of
 * its typed errors (with a message), and does neither hang nor allocate without bound. Anything
 * else (an index error, an NPE, an arithmetic or number-format error, a raw Jackson exception, an
 * {@link Error}) fails the property with the decoder's own stack trace.
 *
 * <p>Core's fuzz tests use it too, through this module's test-jar.
 */
public final class Decoders {

  /**
   * Generous: a decoder on inputs of a few KiB answers in microseconds; this only catches hangs.
   */
  public static final Duration TIMEOUT =
      Duration.ofSeconds(Long.getLong("bridgescope.fuzz.timeoutSeconds", 5));

  /**
   * A bound on what one call may allocate. The inputs are small, so a decoder that trusts a length
   * field (2^24 list slots, a 2^31-byte array) crosses it; honest decoding stays far below.
   */
  public static final long MAX_ALLOCATION = Long.getLong("bridgescope.fuzz.maxAllocMiB", 48) << 20;

  private static final AtomicInteger THREADS = new AtomicInteger();
  // A hung call keeps its thread; the next call gets a fresh one, so one hang fails one property.
  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "fuzz-decoder-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private Decoders() {}

  /** What the decoder answered: a value, or (exactly one of the two) its typed error. */
  public record Outcome<T>(T value, RuntimeException error) {

    public boolean ok() {
      return error == null;
    }
  }

  private record Measured<T>(T value, Throwable thrown, long allocated) {}

  /**
   * Calls {@code decoder} on its own thread with a timeout and an allocation bound; fails unless it
   * returns or throws one of {@code typed} with a non-blank message.
   */
  @SafeVarargs
  public static <T> Outcome<T> decode(
      Callable<T> decoder, Class<? extends RuntimeException>... typed) {
    return decodeWithin(MAX_ALLOCATION, decoder, typed);
  }

  /**
   * {@link #decode} with another allocation bound, for a call whose honest work allocates by design
   * (a key derivation function, whose cost the caller bounds separately).
   */
  @SafeVarargs
  public static <T> Outcome<T> decodeWithin(
      long maxAllocation, Callable<T> decoder, Class<? extends RuntimeException>... typed) {
    Measured<T> m = measure(decoder);
    if (m.allocated() > maxAllocation) {
      throw new AssertionError(
          "decoder allocated "
              + (m.allocated() >> 20)
              + " MiB (bound "
              + (maxAllocation >> 20)
              + " MiB): it trusts a length from the input",
          m.thrown());
    }
    if (m.thrown() == null) {
      Statistics.label("decoder answered").collect("a value");
      return new Outcome<>(m.value(), null);
    }
    Throwable t = m.thrown();
    boolean isTyped = Arrays.stream(typed).anyMatch(c -> c.isInstance(t));
    if (!isTyped) {
      throw new AssertionError(
          "decoder threw "
              + t.getClass().getName()
              + " instead of "
              + Arrays.stream(typed).map(Class::getSimpleName).toList()
              + ": "
              + t.getMessage(),
          t);
    }
    if (t.getMessage() == null || t.getMessage().isBlank()) {
      throw new AssertionError("typed error without a message", t);
    }
    Statistics.label("decoder answered").collect(t.getClass().getSimpleName());
    return new Outcome<>(null, (RuntimeException) t);
  }

  /** For decoders whose contract is to never throw (they answer "unknown" instead). */
  public static <T> T total(Callable<T> decoder) {
    Outcome<T> o = decode(decoder);
    return o.value();
  }

  private static <T> Measured<T> measure(Callable<T> decoder) {
    Future<Measured<T>> f =
        POOL.submit(
            () -> {
              long before = allocatedByThisThread();
              try {
                T v = decoder.call();
                return new Measured<>(v, null, allocatedByThisThread() - before);
              } catch (Throwable t) { // NOPMD: every throwable is judged by the caller
                return new Measured<>(null, t, allocatedByThisThread() - before);
              }
            });
    try {
      return f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new AssertionError("decoder did not answer within " + TIMEOUT + " (a hang)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      throw new AssertionError("harness failure", e.getCause());
    }
  }

  private static long allocatedByThisThread() {
    var mx = ManagementFactory.getThreadMXBean();
    if (mx instanceof com.sun.management.ThreadMXBean sun
        && sun.isThreadAllocatedMemorySupported()) {
      return sun.getCurrentThreadAllocatedBytes();
    }
    return 0;
  }
}
