package io.bridgescope.core.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place threads are made (house style rule 3, checked by archtest's {@code
 * ThreadRulesTest}): every thread is a named daemon, so a forgotten task never keeps the JVM up and
 * a thread dump says whose it is, and an exception nobody caught is logged instead of lost on
 * stderr. Whoever asks for an executor owns it and shuts it down.
 */
public final class Threads {

  private static final Logger LOG = LoggerFactory.getLogger(Threads.class);

  private Threads() {}

  /** Makes named daemon threads: {@code name} for the first, {@code name-2}, … after it. */
  public static ThreadFactory named(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      int n = count.incrementAndGet();
      return daemon(n == 1 ? name : name + "-" + n, runnable);
    };
  }

  /** One worker thread, tasks in order. */
  public static ExecutorService single(String name) {
    return Executors.newSingleThreadExecutor(named(name));
  }

  /** One thread for delayed and repeated tasks. */
  public static ScheduledExecutorService scheduled(String name) {
    return Executors.newSingleThreadScheduledExecutor(named(name));
  }

  /** A fixed pool of {@code size} threads named {@code name-1}, {@code name-2}, …. */
  public static ExecutorService pool(String name, int size) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        size, runnable -> daemon(name + "-" + count.incrementAndGet(), runnable));
  }

  /** Starts {@code body} on a new named daemon thread (a loop that owns its thread). */
  public static Thread start(String name, Runnable body) {
    Thread t = daemon(name, body);
    t.start();
    return t;
  }

  /** A thread for {@link Runtime#addShutdownHook}, which wants it unstarted (and not a daemon). */
  public static Thread shutdownHook(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setUncaughtExceptionHandler(Threads::uncaught);
    return t;
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.setUncaughtExceptionHandler(Threads::uncaught);
    return t;
  }

  private static void uncaught(Thread t, Throwable e) {
    LOG.error("Uncaught exception in thread {}", t.getName(), e);
  }
}
