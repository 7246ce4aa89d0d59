package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.SubmissionRevertDao;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.VerdictKind;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ./bridgescope checkpoint <epoch>}: the latest accepted checkpoint of an epoch. */
@Command(
    name = "checkpoint",
    mixinStandardHelpOptions = true,
    description = "The latest checkpoint of an epoch, with its validator set and verdict.")
public final class CheckpointCommand implements Callable<Integer> {

  @Mixin NetworkOption net;

  @Parameters(index = "0", description = "Epoch number.")
  long epoch;

  @Override
  public Integer call() throws Exception {
    NetworkProfile p = net.profile();
    Database db = net.openDatabase(p);
    Optional<CheckpointRow> row = db.read(c -> new CheckpointDao(c).latestOfEpoch(epoch));
    // Every submission that tried this epoch and failed on chain, with why (auditors want these).
    List<SubmissionRevertDao.Rejected> rejected =
        db.read(c -> new SubmissionRevertDao(c).ofEpoch(epoch));
    if (row.isEmpty() && rejected.isEmpty()) {
      throw new CliException(
          "not_indexed",
          "no indexed checkpoint for epoch " + epoch + " yet (run `./bridgescope index`)");
    }
    Confirmations conf = Confirmations.of(db, p);
    ObjectNode o = Json.object();
    o.put("epoch", epoch);
    o.put("accepted", row.isPresent());
    if (row.isPresent()) {
      accepted(db, conf, row.get(), o);
    } else {
      o.put(
          "verdict",
          "no accepted checkpoint for this epoch yet: "
              + rejected.size()
              + " rejected submission"
              + (rejected.size() == 1 ? "" : "s"));
    }
    var rj = o.putArray("rejected");
    for (SubmissionRevertDao.Rejected r : rejected) {
      ObjectNode ro = rj.addObject();
      ro.put("submitTx", r.submitTx().toString());
      ro.put("submitter", r.submitter().toString());
      ro.put("rootBlock", r.blockNumber());
      ro.put("time", r.blockTime());
      ro.put("reason", r.reason());
      ro.put("reasonSource", r.source());
      conf.mark(ro, ChainRole.ROOT, r.blockNumber());
    }
    if (net.json()) {
      Output.document(o);
      return 0;
    }
    if (row.isPresent()) {
      CheckpointRow cp = row.get();
      System.out.printf(
          "checkpoint epoch %d at child block %d, exit root %s%n",
          cp.epoch(), cp.checkpointBlock(), cp.eventRoot());
      System.out.printf(
          "  submitted in root block %d (%s), %d validators in the next set%n",
          cp.blockNumber(), cp.submitTx(), cp.newValidatorSet().size());
      if (!o.path("confirmed").asBoolean()) {
        System.out.printf(
            "  unconfirmed: %d of %d confirmations%n",
            o.path("confirmations").asLong(), p.confirmations());
      }
    } else {
      System.out.printf("epoch %d has no accepted checkpoint yet%n", epoch);
    }
    for (SubmissionRevertDao.Rejected r : rejected) {
      System.out.printf(
          "  rejected submission %s in root block %d: %s%n",
          r.submitTx(), r.blockNumber(), r.reason());
    }
    var v = o.path("verdict");
    System.out.println(
        "  verdict: "
            + (v.isTextual()
                ? v.asText()
                : v.path("status").asText() + ": " + v.path("reason").asText()));
    return 0;
  }

  /** The accepted checkpoint's fields, its confirmations and its verdict, into {@code o}. */
  private static void accepted(Database db, Confirmations conf, CheckpointRow cp, ObjectNode o)
      throws Exception {
    o.put("checkpointBlock", cp.checkpointBlock());
    o.put("eventRoot", cp.eventRoot().toString());
    o.put("blockHash", cp.blockHash().toString());
    o.put("currentValidatorSetHash", cp.currentValidatorSetHash().toString());
    o.put("signature", cp.signature().toString());
    o.put("bitmap", cp.bitmap().toString());
    o.put("submitTx", cp.submitTx().toString());
    o.put("rootBlock", cp.blockNumber());
    o.put("time", cp.blockTime());
    conf.mark(o, ChainRole.ROOT, cp.blockNumber());
    var set = o.putArray("newValidatorSet");
    cp.newValidatorSet()
        .forEach(
            v -> {
              var vo = set.addObject();
              vo.put("index", v.index());
              vo.put("address", v.address().toString());
              vo.put("votingPower", v.votingPower().toString());
            });
    db.read(c -> new VerdictDao(c).get(VerdictKind.CHECKPOINT, cp.submitTx()))
        .ifPresentOrElse(
            v -> o.set("verdict", Render.verdict(v)),
            () -> o.put("verdict", "not verified yet (run `./bridgescope verify`)"));
  }
}
