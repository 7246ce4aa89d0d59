package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.chain.RpcTimeouts;
import io.bridgescope.core.config.DevnetOwner;
import io.bridgescope.core.identity.ChainProbe;
import io.bridgescope.core.identity.ChainProbe.NodeReport;
import io.bridgescope.core.lifecycle.BridgeHealth;
import io.bridgescope.core.lifecycle.LifecycleService;
import io.bridgescope.core.lifecycle.PendingByStage;
import io.bridgescope.core.lifecycle.Stall;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.EpochDao;
import io.bridgescope.core.store.ExitDao;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.core.store.rows.EpochRow;
import io.bridgescope.core.store.rows.StatusCounts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./bridgescope status}: heads, lag, counts, last commitment and checkpoint, health. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Chain heads, index lag, counts, last commitment and checkpoint, RPC health.")
public final class StatusCommand implements Callable<Integer> {

  /** Leaves time for the JVM and the database within the 15 s status promises. */
  static final Duration PROBE_DEADLINE = Duration.ofSeconds(11);

  @Mixin NetworkOption net;

  @Override
  public Integer call() throws Exception {
    NetworkProfile p = net.profile();
    Database db = net.openDatabase(p);
    ObjectNode out = Json.object();
    out.put("network", p.name());
    // Every endpoint at once, within one deadline: status answers whatever the nodes do.
    Map<ChainRole, List<NodeReport>> probes =
        new ChainProbe(p, db, RpcTimeouts.standard()).run(PROBE_DEADLINE);
    devnet(out, p);
    for (ChainRole r : ChainRole.values()) {
      ObjectNode c = out.putObject(r.key());
      Optional<Cursor> cur = db.read(conn -> new CursorDao(conn).get(r));
      long indexedTo = cur.map(Cursor::lastBlock).orElse(-1L);
      c.put("indexedTo", indexedTo);
      var rpcs = c.putArray("rpc");
      for (NodeReport n : probes.getOrDefault(r, List.of())) {
        ObjectNode rpc = rpcs.addObject();
        rpc.put("url", n.url().toString());
        rpc.put("ok", n.ok());
        n.problem().ifPresent(k -> rpc.put("problem", k.name().toLowerCase(Locale.ROOT)));
        n.error().ifPresent(e -> rpc.put("error", e));
        if (n.head().isPresent() && !c.has("head")) {
          c.put("head", n.head().getAsLong());
          c.put("lag", n.head().getAsLong() - indexedTo);
        }
      }
    }
    StatusCounts deposits = db.read(c -> new StateSyncDao(c).statusCounts());
    StatusCounts exits = db.read(c -> new ExitDao(c).statusCounts());
    counts(out.putObject("deposits"), deposits, "committed", "executed");
    counts(out.putObject("exits"), exits, "checkpointed", "exited");
    Optional<CommitmentRow> lastCommitment =
        db.read(c -> new CommitmentDao(c).page(Optional.empty(), 1)).stream().findFirst();
    Optional<CheckpointRow> lastCheckpoint = db.read(c -> new CheckpointDao(c).latest());
    lastCommitment.ifPresent(
        cm -> {
          ObjectNode o = out.putObject("lastCommitment");
          o.put("startId", cm.startId().toString());
          o.put("endId", cm.endId().toString());
          o.put("root", cm.root().toString());
          o.put("childBlock", cm.event().blockNumber());
          o.put("time", cm.event().blockTime());
        });
    lastCheckpoint.ifPresent(
        cp -> {
          ObjectNode o = out.putObject("lastCheckpoint");
          o.put("epoch", cp.epoch());
          o.put("childBlock", cp.checkpointBlock());
          o.put("eventRoot", cp.eventRoot().toString());
          o.put("rootBlock", cp.blockNumber());
          o.put("time", cp.blockTime());
        });
    // Exit epochs and proofs use the profile's epochSize; the child's own epoch records check it.
    String epochProblem = null;
    Optional<EpochRow> epoch = db.read(c -> new EpochDao(c).latest());
    if (epoch.isPresent()) {
      EpochRow e = epoch.get();
      ObjectNode eo = out.putObject("lastEpoch");
      eo.put("id", e.id());
      eo.put("startBlock", e.startBlock());
      eo.put("endBlock", e.endBlock());
      eo.put("matchesProfile", e.length() == p.epochSize());
      if (e.length() != p.epochSize()) {
        epochProblem =
            "epoch size mismatch: the profile says "
                + p.epochSize()
                + " blocks, the chain's epoch "
                + e.id()
                + " has "
                + e.length()
                + "; fix epochSize in the network profile";
      }
    }
    BridgeHealth bridge = new LifecycleService(db, p.epochSize(), Clock.systemUTC()).health();
    bridge(out.putObject("bridge"), bridge);
    String rpcHealth = rpcHealth(probes);
    boolean rpcUsable = rpcHealth.equals("ok") || rpcHealth.equals("degraded");
    String submissionProblem =
        rpcUsable
            ? SubmissionStatus.check(p, db, out.path("root").path("head").asLong(-1), out)
            : null;
    boolean healthy = rpcUsable && epochProblem == null && submissionProblem == null && bridge.ok();
    out.put(
        "health",
        submissionProblem != null && rpcUsable
            ? submissionProblem
            : health(rpcHealth, rpcUsable, epochProblem, bridge));
    if (net.json()) {
      Output.document(out);
    } else {
      printText(out);
    }
    return healthy ? 0 : 1;
  }

  /**
   * The one health line: an RPC problem that leaves a chain unusable first, then a wrong epoch
   * size, then a stalled bridge stage, else the RPC health ("ok" or "degraded").
   */
  static String health(
      String rpcHealth, boolean rpcUsable, @Nullable String epochProblem, BridgeHealth bridge) {
    if (!rpcUsable) {
      return rpcHealth;
    }
    if (epochProblem != null) {
      return epochProblem;
    }
    return bridge.ok() ? rpcHealth : bridge.headline();
  }

  /** What waits, by stage, and which stages stalled (the relayer, commitments, checkpoints). */
  private static void bridge(ObjectNode o, BridgeHealth h) {
    o.put("health", h.ok() ? "ok" : "stalled");
    var stalls = o.putArray("stalls");
    for (Stall s : h.stalls()) {
      ObjectNode n = stalls.addObject();
      n.put("stage", s.part().key());
      n.put("message", s.summary());
    }
    PendingByStage p = h.pending();
    ObjectNode d = o.putObject("pendingDeposits");
    d.put("awaitingCommitment", p.depositsAwaitingCommitment());
    d.put("stuckUncommitted", p.depositsStuckUncommitted());
    d.put("awaitingExecution", p.depositsAwaitingExecution());
    d.put("stuckUnexecuted", p.depositsStuckUnexecuted());
    ObjectNode x = o.putObject("pendingExits");
    x.put("awaitingCheckpoint", p.exitsAwaitingCheckpoint());
    x.put("stuckUncheckpointed", p.exitsStuckUncheckpointed());
    x.put("readyToExit", p.exitsReady());
  }

  /**
   * "ok"; "degraded" when an endpoint fails but each chain has a working one (exit 0); otherwise
   * the worst problem in words: a node or database of another chain, missing historical state, or
   * no endpoint answering.
   */
  static String rpcHealth(Map<ChainRole, List<NodeReport>> probes) {
    List<NodeReport> all = probes.values().stream().flatMap(List::stream).toList();
    Optional<NodeReport> wrong =
        all.stream()
            .filter(n -> n.problem().equals(Optional.of(RpcErrorKind.WRONG_CHAIN)))
            .findFirst();
    if (wrong.isPresent()) {
      return wrong.get().error().orElse("wrong chain");
    }
    for (ChainRole r : ChainRole.values()) {
      List<NodeReport> nodes = probes.getOrDefault(r, List.of());
      if (nodes.stream().noneMatch(NodeReport::ok)) {
        Optional<NodeReport> missing =
            nodes.stream()
                .filter(n -> n.problem().equals(Optional.of(RpcErrorKind.MISSING_STATE)))
                .findFirst();
        return missing.isPresent()
            ? "missing history: " + missing.get().error().orElse("")
            : "rpc unreachable: no " + r.key() + " endpoint answered";
      }
    }
    return all.stream().allMatch(NodeReport::ok) ? "ok" : "degraded";
  }

  /**
   * A devnet profile saved by a demo names the process running it. When that process is gone (the
   * demo was killed, so it could not remove its profile), the devnet has stopped: say so, rather
   * than only that its RPC is unreachable.
   */
  private void devnet(ObjectNode out, NetworkProfile p) {
    Optional<DevnetOwner> owner = DevnetOwner.read(net.dataDir(), p.name());
    if (owner.isEmpty()) {
      return;
    }
    DevnetOwner o = owner.get();
    ObjectNode d = out.putObject("devnet");
    d.put("pid", o.pid());
    d.put("startedBy", o.startedBy());
    boolean running = o.running();
    d.put("running", running);
    if (!running) {
      d.put("message", o.stoppedMessage());
    }
  }

  private static void counts(ObjectNode o, StatusCounts s, String inTransit, String done) {
    o.put("sent", s.sent());
    o.put(inTransit, s.inTransit());
    o.put(done, s.done());
    o.put("failed", s.failed());
    o.put("total", s.total());
  }

  private static void printText(ObjectNode o) {
    System.out.println("network " + o.path("network").asText());
    if (o.path("devnet").has("message")) {
      System.out.println("  " + o.path("devnet").path("message").asText());
    }
    for (String chain : new String[] {"root", "child"}) {
      var c = o.path(chain);
      System.out.printf(
          "  %-5s head %s, indexed to %d, lag %s%n",
          chain,
          c.has("head") ? c.path("head").asText() : "?",
          c.path("indexedTo").asLong(),
          c.has("lag") ? c.path("lag").asText() : "?");
      for (var rpc : c.path("rpc")) {
        if (!rpc.path("ok").asBoolean()) {
          System.out.println("        " + rpc.path("error").asText());
        }
      }
    }
    var d = o.path("deposits");
    System.out.printf(
        "  deposits: %d sent, %d committed, %d executed, %d failed%n",
        d.path("sent").asLong(),
        d.path("committed").asLong(),
        d.path("executed").asLong(),
        d.path("failed").asLong());
    var e = o.path("exits");
    System.out.printf(
        "  exits:    %d sent, %d checkpointed, %d exited, %d failed%n",
        e.path("sent").asLong(),
        e.path("checkpointed").asLong(),
        e.path("exited").asLong(),
        e.path("failed").asLong());
    var b = o.path("bridge");
    var pd = b.path("pendingDeposits");
    System.out.printf(
        "  pending deposits: %d awaiting commitment, %d awaiting execution, %d stuck%n",
        pd.path("awaitingCommitment").asLong(),
        pd.path("awaitingExecution").asLong(),
        pd.path("stuckUncommitted").asLong() + pd.path("stuckUnexecuted").asLong());
    var px = b.path("pendingExits");
    System.out.printf(
        "  pending exits:    %d awaiting checkpoint, %d ready to exit, %d stuck%n",
        px.path("awaitingCheckpoint").asLong(),
        px.path("readyToExit").asLong(),
        px.path("stuckUncheckpointed").asLong());
    for (var st : b.path("stalls")) {
      System.out.println(
          "  STALLED " + st.path("stage").asText() + ": " + st.path("message").asText());
    }
    if (o.has("lastCommitment")) {
      var c = o.path("lastCommitment");
      System.out.printf(
          "  last commitment: ids %s..%s at child block %s%n",
          c.path("startId").asText(), c.path("endId").asText(), c.path("childBlock").asText());
    }
    if (o.has("lastEpoch")) {
      var c = o.path("lastEpoch");
      System.out.printf(
          "  last epoch: %s, child blocks %s..%s%n",
          c.path("id").asText(), c.path("startBlock").asText(), c.path("endBlock").asText());
    }
    if (o.has("lastCheckpoint")) {
      var c = o.path("lastCheckpoint");
      System.out.printf(
          "  last checkpoint: epoch %s, child block %s%n",
          c.path("epoch").asText(), c.path("childBlock").asText());
    }
    if (o.path("submissions").has("method")) {
      System.out.println(
          "  checkpoint submissions found with the "
              + o.path("submissions").path("method").asText());
    }
    System.out.println("  health: " + o.path("health").asText());
  }
}
