package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.VerdictKind;
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
    if (row.isEmpty()) {
      throw new CliException(
          "not_indexed",
          "no indexed checkpoint for epoch " + epoch + " yet (run `./bridgescope index`)");
    }
    CheckpointRow cp = row.get();
    ObjectNode o = Json.object();
    o.put("epoch", cp.epoch());
    o.put("checkpointBlock", cp.checkpointBlock());
    o.put("eventRoot", cp.eventRoot().toString());
    o.put("blockHash", cp.blockHash().toString());
    o.put("currentValidatorSetHash", cp.currentValidatorSetHash().toString());
    o.put("signature", cp.signature().toString());
    o.put("bitmap", cp.bitmap().toString());
    o.put("submitTx", cp.submitTx().toString());
    o.put("rootBlock", cp.blockNumber());
    o.put("time", cp.blockTime());
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
    if (net.json()) {
      Output.document(o);
    } else {
      System.out.printf(
          "checkpoint epoch %d at child block %d, exit root %s%n",
          cp.epoch(), cp.checkpointBlock(), cp.eventRoot());
      System.out.printf(
          "  submitted in root block %d (%s), %d validators in the next set%n",
          cp.blockNumber(), cp.submitTx(), cp.newValidatorSet().size());
      var v = o.path("verdict");
      System.out.println(
          "  verdict: "
              + (v.isTextual()
                  ? v.asText()
                  : v.path("status").asText() + ": " + v.path("reason").asText()));
    }
    return 0;
  }
}
