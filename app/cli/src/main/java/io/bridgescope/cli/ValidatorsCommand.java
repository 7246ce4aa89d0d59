package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.verify.Concentration;
import io.bridgescope.core.verify.Participation;
import io.bridgescope.core.verify.SchemeSupport;
import io.bridgescope.core.verify.SetChange;
import io.bridgescope.core.verify.SignedSubject;
import io.bridgescope.core.verify.ValidatorAccountability;
import io.bridgescope.core.verify.ValidatorAccountability.Report;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./bridgescope validators}: validator accountability over a child-block range from the
 * local index: who signed or missed each commitment and checkpoint, participation against a
 * threshold, and the voting-power history with its diffs and concentration.
 */
@Command(
    name = "validators",
    mixinStandardHelpOptions = true,
    description =
        "Per-validator signed/missed for each commitment and checkpoint, participation over a"
            + " range, voting-power history and concentration.")
public final class ValidatorsCommand implements Callable<Integer> {

  @Mixin NetworkOption net;

  @Option(
      names = "--from-block",
      defaultValue = "0",
      description = "First child block (default 0).")
  long from;

  @Option(names = "--to-block", description = "Last child block (default: the last one indexed).")
  Long to;

  @Option(
      names = "--threshold",
      defaultValue = "0.9",
      description = "Flag validators that signed less than this share (0..1, default 0.9).")
  double threshold;

  @Override
  public Integer call() throws Exception {
    NetworkProfile p = net.profile();
    Database db = net.openDatabase(p);
    long indexedTo =
        db.read(c -> new CursorDao(c).get(ChainRole.CHILD)).map(Cursor::lastBlock).orElse(-1L);
    long end = to == null ? indexedTo : to;
    if (indexedTo < 0 || from > indexedTo) {
      throw new CliException(
          "not_indexed",
          "the child chain is indexed to block "
              + indexedTo
              + "; blocks from "
              + from
              + " are not indexed yet (run `./bridgescope index`)");
    }
    if (end < from) {
      throw CliException.usage("--to-block " + end + " is below --from-block " + from);
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw CliException.usage("--threshold must be between 0 and 1, not " + threshold);
    }
    SchemeSupport scheme = SchemeSupport.of(p.blsScheme());
    Report r =
        db.read(
            c ->
                new ValidatorAccountability(c, scheme, p.epochSize()).report(from, end, threshold));
    if (net.json()) {
      Output.document(json(p, r));
    } else {
      text(r);
    }
    return 0;
  }

  static ObjectNode json(NetworkProfile p, Report r) {
    ObjectNode o = Json.object();
    o.put("network", p.name());
    o.put("fromBlock", r.fromBlock());
    o.put("toBlock", r.toBlock());
    o.put("childIndexedTo", r.childIndexedTo());
    o.put("complete", r.complete());
    o.put("threshold", r.threshold());
    o.put("subjects", r.timeline().size());
    ArrayNode parts = o.putArray("participation");
    for (Participation x : r.participation()) {
      parts
          .addObject()
          .put("address", x.address().toString())
          .put("eligible", x.eligible())
          .put("signed", x.signed())
          .put("missed", x.missed())
          .put("ratio", x.ratio())
          .put("belowThreshold", x.belowThreshold());
    }
    ArrayNode timeline = o.putArray("timeline");
    for (SignedSubject s : r.timeline()) {
      ObjectNode n = timeline.addObject();
      n.put("kind", s.kind());
      n.put("key", s.key());
      n.put("childBlock", s.childBlock());
      n.put("time", s.time());
      n.put("tx", s.tx().toString());
      n.put("validatorSet", s.setLabel());
      ArrayNode signed = n.putArray("signed");
      ArrayNode missed = n.putArray("missed");
      for (ValidatorEntry v : s.set()) {
        (s.signed(v.index()) ? signed : missed).add(v.address().toString());
      }
      n.put("nonValidatorSigners", s.strangers());
    }
    ArrayNode history = o.putArray("history");
    for (SetChange c : r.history()) {
      ObjectNode n = history.addObject();
      n.put("label", c.label());
      if (c.installedBy().isPresent()) {
        n.put("installedBy", c.installedBy().get().toString());
      } else {
        n.putNull("installedBy");
      }
      n.put("fromEpoch", c.fromEpoch());
      n.put("rootBlock", c.rootBlock());
      members(n.putArray("validators"), c.validators());
      members(n.putArray("added"), c.added());
      members(n.putArray("removed"), c.removed());
      ArrayNode changed = n.putArray("changed");
      c.changed()
          .forEach(
              x ->
                  changed
                      .addObject()
                      .put("address", x.address().toString())
                      .put("before", x.before().toString())
                      .put("after", x.after().toString()));
      concentration(n.putObject("concentration"), c.concentration());
    }
    return o;
  }

  private static void members(ArrayNode out, List<ValidatorEntry> set) {
    set.forEach(
        v ->
            out.addObject()
                .put("address", v.address().toString())
                .put("votingPower", v.votingPower().toString()));
  }

  private static void concentration(ObjectNode n, Concentration c) {
    n.put("validators", c.validators());
    n.put("totalPower", c.totalPower().toString());
    n.put("exceedingOneThird", c.exceedingOneThird());
    n.put("exceedingTwoThirds", c.exceedingTwoThirds());
  }

  private static void text(Report r) {
    System.out.printf(
        "child blocks %d..%d: %d commitments and checkpoints%s%n",
        r.fromBlock(),
        r.toBlock(),
        r.timeline().size(),
        r.complete() ? "" : " (indexed only to block " + r.childIndexedTo() + ": incomplete)");
    System.out.printf("participation (flagged below %.0f%%):%n", r.threshold() * 100);
    for (Participation x : r.participation()) {
      System.out.printf(
          Locale.ROOT,
          "  %s %s signed %d of %d (%.1f%%)%n",
          x.belowThreshold() ? "!" : " ",
          x.address(),
          x.signed(),
          x.eligible(),
          x.ratio() * 100);
    }
    System.out.println("validator sets:");
    for (SetChange c : r.history()) {
      Concentration k = c.concentration();
      System.out.printf(
          "  from epoch %d, %s: %d validators, power %s; %d exceed 1/3, %d exceed 2/3%n",
          c.fromEpoch(),
          c.label(),
          k.validators(),
          k.totalPower(),
          k.exceedingOneThird(),
          k.exceedingTwoThirds());
      c.added()
          .forEach(v -> System.out.println("    + " + v.address() + " (" + v.votingPower() + ")"));
      c.removed().forEach(v -> System.out.println("    - " + v.address()));
      c.changed()
          .forEach(
              x ->
                  System.out.println(
                      "    ~ " + x.address() + " " + x.before() + " -> " + x.after()));
    }
  }
}
