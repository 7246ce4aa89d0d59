package io.bridgescope.desktop.perf;

import io.bridgescope.desktop.common.TableViewModel;
import io.bridgescope.desktop.concurrent.CoreExecutors;
import io.bridgescope.desktop.concurrent.ExecutorTaskRunner;
import io.bridgescope.desktop.ports.RowSource;
import io.bridgescope.desktop.testing.DirectCoalescers;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Measures how fast the FX thread answers while a table's page load hangs on a worker (a slow RPC
 * or a locked database): the round trip of {@code Platform.runLater}, headless (Monocle). The aim
 * is under 200 ms at the worst. Not a unit test (a timer in a test fails on a busy machine, see
 * CONTRIBUTING.md): run it by hand and read the numbers. {@code TaskRunnerFxTest} checks the
 * behaviour itself, that the FX thread keeps running at all.
 *
 * <pre>
 * java -cp &lt;test classpath&gt; -Dglass.platform=Monocle -Dmonocle.platform=Headless
 *   -Dprism.order=sw io.bridgescope.desktop.perf.FxLatencyProbe [samples]
 * </pre>
 */
public final class FxLatencyProbe {

  private FxLatencyProbe() {}

  public static void main(String[] args) throws Exception {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
    System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
    System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
    CountDownLatch started = new CountDownLatch(1);
    Platform.startup(started::countDown);
    started.await();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (CoreExecutors executors = new CoreExecutors(2)) {
      ExecutorTaskRunner tasks = new ExecutorTaskRunner(executors.workers(), Platform::runLater);
      TableViewModel<String> vm =
          new TableViewModel<>("rows", held(entered, release), tasks, new DirectCoalescers());
      Platform.runLater(vm::start);
      entered.await();
      long[] micros = new long[samples];
      for (int i = 0; i < samples; i++) {
        CompletableFuture<Long> ran = new CompletableFuture<>();
        long posted = System.nanoTime();
        Platform.runLater(() -> ran.complete(System.nanoTime()));
        micros[i] = (ran.get(60, TimeUnit.SECONDS) - posted) / 1_000;
        Thread.sleep(200); // spread the samples over ~10 s of the hanging load
      }
      release.countDown();
      Arrays.sort(micros);
      System.out.printf(
          "FX round trip while a page load hangs, %d samples: median %.2f ms, max %.2f ms"
              + " (aim: max under 200 ms)%n",
          samples, micros[samples / 2] / 1000.0, micros[samples - 1] / 1000.0);
    }
    Platform.exit();
  }

  private static RowSource<String> held(CountDownLatch entered, CountDownLatch release) {
    return new RowSource<>() {
      @Override
      public boolean isConnected() {
        return true;
      }

      @Override
      public List<String> page(int offset, int limit) throws InterruptedException {
        entered.countDown();
        release.await();
        return List.of("row");
      }

      @Override
      public long count() {
        return 1;
      }

      @Override
      public AutoCloseable subscribe(Runnable changed) {
        return () -> {};
      }
    };
  }
}
