package io.bridgescope.cli;

import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.store.rows.VerdictRow;
import io.bridgescope.core.store.rows.VerdictStatus;
import io.bridgescope.core.verify.Verifier;
import io.bridgescope.core.verify.VerifySummary;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./bridgescope verify}: verifies every commitment and checkpoint in the local index (Merkle
 * root rebuilt, aggregate BLS signature, quorum) and lists the verdicts that are not VERIFIED with
 * their reasons. Exit code 0 only if nothing is wrong.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Verify all commitments and checkpoints; list problems with their reasons.")
public final class VerifyCommand implements Callable<Integer> {

  private static final int SHOW = 10_000;

  @Mixin NetworkOption net;

  @Option(names = "--all", description = "Re-verify subjects already verified.")
  boolean all;

  @Override
  public Integer call() throws Exception {
    NetworkProfile p = net.profile();
    Database db = net.openDatabaseForWriting(p, false);
    VerifySummary summary;
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      Verifier v = Verifier.forProfile(p, db, w);
      summary = all ? v.verifyAll() : v.verifyPending();
    }
    List<VerdictRow> notOk = new ArrayList<>();
    for (VerdictKind k : VerdictKind.values()) {
      for (VerdictStatus s : VerdictStatus.values()) {
        if (s != VerdictStatus.VERIFIED) {
          notOk.addAll(db.read(c -> new VerdictDao(c).withStatus(k, s, SHOW)));
        }
      }
    }
    var totals =
        new java.util.EnumMap<VerdictKind, java.util.Map<VerdictStatus, Long>>(VerdictKind.class);
    for (VerdictKind k : VerdictKind.values()) {
      totals.put(k, db.read(c -> new VerdictDao(c).countsByStatus(k)));
    }
    if (net.json()) {
      var o = Json.object();
      var c = o.putObject("commitments");
      totals
          .getOrDefault(VerdictKind.COMMITMENT, Map.of())
          .forEach((s, n) -> c.put(s.name().toLowerCase(Locale.ROOT), n));
      var cp = o.putObject("checkpoints");
      totals
          .getOrDefault(VerdictKind.CHECKPOINT, Map.of())
          .forEach((s, n) -> cp.put(s.name().toLowerCase(Locale.ROOT), n));
      o.put("verifiedThisRun", summary.total());
      var arr = o.putArray("notVerified");
      notOk.forEach(v -> arr.add(Render.verdict(v)));
      Output.document(o);
    } else {
      System.out.println("commitments: " + totals.get(VerdictKind.COMMITMENT));
      System.out.println("checkpoints: " + totals.get(VerdictKind.CHECKPOINT));
      for (VerdictRow v : notOk) {
        System.out.printf(
            "%s %s %s: %s%n",
            v.status(), v.kind().name().toLowerCase(Locale.ROOT), v.subjectTx(), v.reason());
      }
    }
    long problems = notOk.stream().filter(v -> v.status() != VerdictStatus.PENDING).count();
    return problems == 0 ? 0 : 2;
  }
}
