package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.VerdictKind;
import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ./bridgescope commitment <state-sync id>}: the commitment covering that id. */
@Command(
    name = "commitment",
    mixinStandardHelpOptions = true,
    description = "The commitment covering a state-sync id, with its signature and verdict.")
public final class CommitmentCommand implements Callable<Integer> {

  @Mixin NetworkOption net;

  @Parameters(index = "0", description = "A state-sync id inside the commitment's range.")
  BigInteger id;

  @Override
  public Integer call() throws Exception {
    NetworkProfile p = net.profile();
    Database db = net.openDatabase(p);
    Optional<CommitmentRow> row = db.read(c -> new CommitmentDao(c).covering(id));
    if (row.isEmpty()) {
      throw new CliException(
          "not_indexed",
          "no indexed commitment covers state sync "
              + id
              + " yet (run `./bridgescope index`, or it is not committed)");
    }
    CommitmentRow c = row.get();
    ObjectNode o = Json.object();
    o.put("startId", c.startId().toString());
    o.put("endId", c.endId().toString());
    o.put("root", c.root().toString());
    Render.event(o.putObject("committed"), c.event());
    c.signature()
        .ifPresent(
            s -> {
              ObjectNode so = o.putObject("signature");
              so.put("aggregate", s.signature().toString());
              so.put("bitmap", s.bitmap().toString());
              var keys = so.putArray("signerKeys");
              s.signerKeys().forEach(k -> keys.add(k.toString()));
            });
    db.read(conn -> new VerdictDao(conn).get(VerdictKind.COMMITMENT, c.event().txHash()))
        .ifPresentOrElse(
            v -> o.set("verdict", Render.verdict(v)),
            () -> o.put("verdict", "not verified yet (run `./bridgescope verify`)"));
    print(o);
    return 0;
  }

  private void print(ObjectNode o) {
    if (net.json()) {
      Output.document(o);
      return;
    }
    System.out.printf(
        "commitment %s..%s root %s at child block %s%n",
        o.path("startId").asText(),
        o.path("endId").asText(),
        o.path("root").asText(),
        o.path("committed").path("block").asText());
    System.out.println("  signers: " + o.path("signature").path("signerKeys").size());
    var v = o.path("verdict");
    System.out.println(
        "  verdict: "
            + (v.isTextual()
                ? v.asText()
                : v.path("status").asText() + ": " + v.path("reason").asText()));
  }
}
