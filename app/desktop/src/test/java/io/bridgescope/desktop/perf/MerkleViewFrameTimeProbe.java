package io.bridgescope.desktop.perf;

import io.bridgescope.crypto.merkle.MerkleTree;
import io.bridgescope.desktop.merkle.MerkleTreeView;
import io.bridgescope.desktop.merkle.RenderStats;
import io.bridgescope.desktop.testing.Leaves;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Measures the Merkle view's frame time for a 4,096-leaf tree, headless (Monocle, software
 * pipeline). Not a unit test: run it by hand and read the numbers.
 *
 * <p>For each zoom level it reports two medians: "record", the time to issue the canvas drawing
 * commands (what the FX thread spends in our code per frame), and "raster", record plus a snapshot
 * of the canvas, which forces the software renderer to draw the pixels.
 *
 * <pre>
 * java -cp &lt;test classpath&gt; -Dglass.platform=Monocle -Dmonocle.platform=Headless
 *   -Dprism.order=sw io.bridgescope.desktop.perf.MerkleViewFrameTimeProbe [frames]
 * </pre>
 */
public final class MerkleViewFrameTimeProbe {

  private MerkleViewFrameTimeProbe() {}

  public static void main(String[] args) throws Exception {
    int frames = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
    System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
    System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
    CountDownLatch started = new CountDownLatch(1);
    Platform.startup(started::countDown);
    started.await();
    MerkleTree tree = MerkleTree.fromLeafHashes(Leaves.stateSyncs(4096));
    MerkleTreeView view = onFx(() -> show(tree));
    onFx(
        () -> {
          view.selectLeaf(2500);
          return null;
        });
    report("fit (whole tree)", view, frames, () -> view.fit());
    report("zoomed to hash labels", view, frames, view::zoomToLabels);
    report(
        "zoomed x8 from fit",
        view,
        frames,
        () -> {
          view.fit();
          view.zoomIn();
          view.zoomIn();
          view.zoomIn();
          view.zoomIn();
        });
    report("collapsed to path", view, frames, () -> view.collapsedToPathProperty().set(true));
    Platform.exit();
  }

  private static MerkleTreeView show(MerkleTree tree) {
    MerkleTreeView view = new MerkleTreeView();
    view.setTree(tree);
    Stage stage = new Stage();
    stage.setScene(new Scene(new StackPane(view), 1280, 720));
    stage.show();
    return view;
  }

  private static void report(String name, MerkleTreeView view, int frames, Runnable setup)
      throws Exception {
    onFx(
        () -> {
          setup.run();
          view.applyCss();
          view.layout();
          return null;
        });
    long[] record = new long[frames];
    long[] raster = new long[frames];
    RenderStats stats = null;
    for (int i = 0; i < frames + 20; i++) { // the first 20 frames warm up the JIT
      long[] times =
          onFx(
              () -> {
                long t0 = System.nanoTime();
                view.paintNow();
                long t1 = System.nanoTime();
                view.snapshot(null, null);
                long t2 = System.nanoTime();
                return new long[] {t1 - t0, t2 - t0};
              });
      if (i >= 20) {
        record[i - 20] = times[0];
        raster[i - 20] = times[1];
      }
    }
    stats = onFx(view::lastStats);
    System.out.printf(
        Locale.ROOT,
        "%-24s frames=%d  record median %.3f ms (p95 %.3f)  raster median %.2f ms (p95 %.2f)"
            + "  | nodes=%d labels=%d bands=%d edges=%d%n",
        name,
        frames,
        median(record),
        p95(record),
        median(raster),
        p95(raster),
        stats.nodes(),
        stats.labels(),
        stats.bands(),
        stats.edges());
  }

  private static double median(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[s.length / 2] / 1e6;
  }

  private static double p95(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[(int) (s.length * 0.95)] / 1e6;
  }

  private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(work.call());
          } catch (Throwable e) {
            result.completeExceptionally(e);
          }
        });
    return result.get(60, TimeUnit.SECONDS);
  }
}
