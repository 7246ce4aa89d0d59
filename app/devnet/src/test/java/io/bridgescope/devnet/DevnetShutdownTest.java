package io.bridgescope.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No anvil outlives the devnet: not after close(), and not after its JVM is killed. */
@Tag("devnet")
class DevnetShutdownTest {

  @TempDir Path work;

  @Test
  void closeLeavesNoProcess() {
    Devnet d =
        Devnet.start(
            DevnetConfig.defaults().withTraffic(Duration.ZERO, false, false),
            DevnetHome.locate(),
            work,
            m -> {});
    List<ProcessHandle> ps =
        java.util.stream.Stream.concat(
                d.rootNode().processes().stream(), d.childNode().processes().stream())
            .toList();
    assertThat(ps).hasSize(4).allMatch(ProcessHandle::isAlive);
    d.close();
    assertThat(ps).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void anvilDiesWithAKilledJvm() throws Exception {
    // A child JVM starts one anvil node, prints its pids, and is then killed with SIGKILL.
    String cp = System.getProperty("java.class.path");
    Process jvm =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                cp,
                "-Dbridgescope.root=" + System.getProperty("bridgescope.root", ""),
                OrphanProbe.class.getName(),
                work.toString())
            .redirectErrorStream(true)
            .start();
    String line;
    try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(jvm.getInputStream()))) {
      line = r.readLine();
    }
    assertThat(line).startsWith("pids ");
    List<Long> pids =
        java.util.Arrays.stream(line.substring(5).trim().split(" ")).map(Long::parseLong).toList();
    assertThat(pids).isNotEmpty();
    jvm.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
    // The watchdog notices its JVM is gone on its next poll; wait for that, not for a while.
    await("the anvil processes of the killed JVM exit")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                pids.stream()
                    .noneMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)));
  }

  /** Runs in a separate JVM: starts one anvil and waits to be killed. */
  public static final class OrphanProbe {
    public static void main(String[] args) throws Exception {
      AnvilNode n =
          AnvilNode.start(DevnetHome.locate().anvilBinary(), "probe", 4242, Path.of(args[0]));
      StringBuilder sb = new StringBuilder("pids");
      n.processes().forEach(p -> sb.append(' ').append(p.pid()));
      System.out.println(sb);
      System.out.flush();
      new java.util.concurrent.CountDownLatch(1).await(); // until the test kills this JVM
    }
  }
}
