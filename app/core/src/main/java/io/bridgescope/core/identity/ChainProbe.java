package io.bridgescope.core.identity;

import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.chain.RpcTimeouts;
import io.bridgescope.core.concurrent.Threads;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.rows.Cursor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks every RPC endpoint of a network, all at once and within one deadline, what {@code status}
 * reports: is it the profile's chain (chain id, genesis pinned in the database, contract code), its
 * head, and whether it holds the state the indexer needs next (the block after the cursor). A node
 * that never answers is reported by name when the deadline passes, whatever it does.
 */
public final class ChainProbe {

  /** What one endpoint answered. {@code problem} is empty when it passed every check. */
  public record NodeReport(
      ChainRole chain,
      URI url,
      OptionalLong head,
      Optional<RpcErrorKind> problem,
      Optional<String> error) {

    public boolean ok() {
      return problem.isEmpty();
    }

    public static NodeReport ok(ChainRole chain, URI url, long head) {
      return new NodeReport(chain, url, OptionalLong.of(head), Optional.empty(), Optional.empty());
    }

    public static NodeReport failed(ChainRole chain, URI url, RpcErrorKind kind, String error) {
      return new NodeReport(
          chain, url, OptionalLong.empty(), Optional.of(kind), Optional.of(error));
    }
  }

  private final NetworkProfile profile;
  private final Database db;
  private final RpcTimeouts timeouts;

  public ChainProbe(NetworkProfile profile, Database db, RpcTimeouts timeouts) {
    this.profile = profile;
    this.db = db;
    this.timeouts = timeouts;
  }

  /**
   * Every endpoint's report, in profile order; endpoints still silent at {@code deadline} fail. The
   * deadline counts from when the requests go out: building the clients is local work.
   */
  public Map<ChainRole, List<NodeReport>> run(Duration deadline) {
    Map<ChainRole, Map<URI, CompletableFuture<NodeReport>>> runs = new EnumMap<>(ChainRole.class);
    List<Runnable> probes = new ArrayList<>();
    for (ChainRole role : ChainRole.values()) {
      ChainGuard guard = new ChainGuard(profile, role, db);
      long stateBlock = stateBlock(role);
      Map<URI, CompletableFuture<NodeReport>> byUrl = new LinkedHashMap<>();
      for (URI url : profile.chain(role).rpcUrls()) {
        CompletableFuture<NodeReport> f = new CompletableFuture<>();
        ChainClient c = new ChainClient(role.key(), url, timeouts);
        probes.add(() -> f.complete(probe(c, role, guard, stateBlock)));
        byUrl.put(url, f);
      }
      runs.put(role, byUrl);
    }
    long end = System.nanoTime() + deadline.toNanos();
    for (Runnable p : probes) {
      Threads.start(
          "bridgescope-probe", p); // a daemon: a node that never answers can't keep the JVM up
    }
    Map<ChainRole, List<NodeReport>> out = new EnumMap<>(ChainRole.class);
    runs.forEach(
        (role, byUrl) -> {
          List<NodeReport> reports = new ArrayList<>();
          byUrl.forEach((url, f) -> reports.add(await(role, url, f, end, deadline)));
          out.put(role, reports);
        });
    return out;
  }

  private static NodeReport await(
      ChainRole role, URI url, CompletableFuture<NodeReport> f, long end, Duration deadline) {
    try {
      return f.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return NodeReport.failed(
          role,
          url,
          RpcErrorKind.TRANSPORT,
          role.key()
              + " node "
              + url
              + " gave no answer within "
              + deadline.toSeconds()
              + " s (status stopped waiting)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return NodeReport.failed(role, url, RpcErrorKind.TRANSPORT, "interrupted");
    } catch (ExecutionException e) {
      return NodeReport.failed(role, url, RpcErrorKind.BAD_REPLY, String.valueOf(e.getCause()));
    }
  }

  private NodeReport probe(ChainClient c, ChainRole role, ChainGuard guard, long stateBlock) {
    URI url = c.url();
    try (c) {
      guard.verify(c);
      long head = c.blockNumber();
      // The root index reads no historical state (ADR 0011: submissions are found by the
      // Otterscan or explorer API; status probes those, and bisection's need for history, apart).
      if (role == ChainRole.CHILD && stateBlock >= 0 && stateBlock < head) {
        // throws MissingStateException on a node without the state the next index step reads
        c.code(stateContract(role), stateBlock);
      }
      return NodeReport.ok(role, url, head);
    } catch (ChainException e) {
      return NodeReport.failed(
          role, url, e.kind(), Objects.requireNonNullElse(e.getMessage(), e.toString()));
    } catch (RuntimeException e) {
      return NodeReport.failed(
          role, url, RpcErrorKind.BAD_REPLY, role.key() + " node " + url + ": " + e);
    }
  }

  /** The block whose state the next index step reads: the cursor, or the profile's start. */
  private long stateBlock(ChainRole role) {
    Optional<Cursor> cur = db.read(c -> new CursorDao(c).get(role));
    return cur.map(Cursor::lastBlock).orElse(profile.chain(role).startBlock());
  }

  private Address stateContract(ChainRole role) {
    return role == ChainRole.ROOT
        ? profile.contracts().checkpointManager()
        : profile.contracts().validatorSet();
  }
}
