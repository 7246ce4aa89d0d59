package io.bridgescope.devnet;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One anvil process on a free loopback port. It runs under a small shell watchdog that kills it
 * when this JVM disappears, so even a kill -9 of the app leaves no orphan chain behind.
 */
public final class AnvilNode implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AnvilNode.class);
  private static final int START_ATTEMPTS = 5;

  private final String name;
  private final long chainId;
  private final int port;
  private final Process process;
  private final Path logFile;

  private AnvilNode(String name, long chainId, int port, Process process, Path logFile) {
    this.name = name;
    this.chainId = chainId;
    this.port = port;
    this.process = process;
    this.logFile = logFile;
  }

  /**
   * Starts anvil with automining (deployment is instant; interval mining can be switched on later)
   * on a free port, retrying with another port if the chosen one was taken meanwhile.
   */
  public static AnvilNode start(Path anvil, String name, long chainId, Path logDir) {
    return start(anvil, name, chainId, logDir, List.of());
  }

  /** As {@link #start(Path, String, long, Path)} with extra anvil arguments. */
  public static AnvilNode start(
      Path anvil, String name, long chainId, Path logDir, List<String> extraArgs) {
    DevnetException last = null;
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      int port = freePort();
      try {
        return startOn(anvil, name, chainId, port, logDir, extraArgs);
      } catch (DevnetException e) {
        last = e;
        LOG.warn("{} chain did not start on port {}: {}", name, port, e.getMessage());
      }
    }
    throw last;
  }

  private static AnvilNode startOn(
      Path anvil, String name, long chainId, int port, Path logDir, List<String> extraArgs) {
    List<String> args = new ArrayList<>();
    args.add(anvil.toString());
    args.addAll(
        List.of(
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--chain-id",
            Long.toString(chainId),
            "--accounts",
            "10",
            "--balance",
            "1000000",
            "--gas-limit",
            "60000000",
            "--code-size-limit",
            "100000",
            "--silent"));
    args.addAll(extraArgs);
    long jvm = ProcessHandle.current().pid();
    // The watchdog shell exits (taking anvil with it) once the JVM that started it is gone.
    String script =
        "\"$@\" & a=$!; trap 'kill $a 2>/dev/null; wait $a; exit 0' TERM INT HUP; "
            + "while kill -0 "
            + jvm
            + " 2>/dev/null && kill -0 $a 2>/dev/null; do sleep 0.5; done; "
            + "kill $a 2>/dev/null; wait $a";
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", script, "anvil-watchdog"));
    cmd.addAll(args);
    try {
      Files.createDirectories(logDir);
      Path log = logDir.resolve("anvil-" + name + ".log");
      Process p =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      AnvilNode node = new AnvilNode(name, chainId, port, p, log);
      node.awaitReady(Duration.ofSeconds(20));
      return node;
    } catch (IOException e) {
      throw new DevnetException("Could not start anvil (" + anvil + "): " + e.getMessage(), e);
    }
  }

  private void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest req =
        HttpRequest.newBuilder(rpcUrl())
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new DevnetException(
            name
                + " chain (anvil, port "
                + port
                + ") exited at start with code "
                + process.exitValue()
                + "; see "
                + logFile);
      }
      try {
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("result")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new DevnetException("interrupted while starting the " + name + " chain", e);
      }
      sleep(50);
    }
    close();
    throw new DevnetException(
        name
            + " chain (anvil, port "
            + port
            + ") did not answer within "
            + timeout.toSeconds()
            + " s; see "
            + logFile);
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new DevnetException("no free TCP port on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String name() {
    return name;
  }

  public long chainId() {
    return chainId;
  }

  public int port() {
    return port;
  }

  public URI rpcUrl() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The watchdog process and its anvil child, for tests that prove nothing is left behind. */
  public List<ProcessHandle> processes() {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(process.toHandle());
    process
        .descendants()
        .filter(h -> h.info().command().map(c -> c.endsWith("anvil")).orElse(false))
        .forEach(all::add);
    return all;
  }

  public Path logFile() {
    return logFile;
  }

  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    for (ProcessHandle c : children) {
      try {
        c.onExit().get(3, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("anvil {} (pid {}) did not stop in time, killing it", name, c.pid());
        c.destroyForcibly();
      }
    }
  }
}
