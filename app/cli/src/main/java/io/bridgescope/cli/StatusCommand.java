package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.config.DevnetOwner;
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
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./bridgescope status}: heads, lag, counts, last commitment and checkpoint, health. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Chain heads, index lag, counts, last commitment and checkpoint, RPC health.")
public final class StatusCommand implements Callable<Integer> {

  @Mixin NetworkOption net;

  @Override
  public Integer call() throws Exception {
    NetworkProfile p = net.profile();
    Database db = net.openDatabase(p);
    ObjectNode out = Json.object();
    out.put("network", p.name());
    devnet(out, p);
    boolean healthy = true;
    for (ChainRole r : ChainRole.values()) {
      ObjectNode c = out.putObject(r.key());
      Optional<Cursor> cur = db.read(conn -> new CursorDao(conn).get(r));
      c.put("indexedTo", cur.map(Cursor::lastBlock).orElse(-1L));
      var rpcs = c.putArray("rpc");
      for (URI u : p.chain(r).rpcUrls()) {
        ObjectNode rpc = rpcs.addObject();
        rpc.put("url", u.toString());
        try (ChainClient cl = new ChainClient(r.key(), u)) {
          long head = cl.blockNumber();
          rpc.put("ok", true);
          if (c.has("head")) {
            continue;
          }
          c.put("head", head);
          c.put("lag", head - cur.map(Cursor::lastBlock).orElse(-1L));
        } catch (ChainException e) {
          rpc.put("ok", false);
          rpc.put("error", e.getMessage());
          healthy = false;
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
    out.put("health", epochProblem != null ? epochProblem : healthy ? "ok" : "rpc unreachable");
    healthy = healthy && epochProblem == null;
    if (net.json()) {
      Output.document(out);
    } else {
      printText(out);
    }
    return healthy ? 0 : 1;
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
    System.out.println("  health: " + o.path("health").asText());
  }
}
