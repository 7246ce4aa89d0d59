package io.bridgescope.cli.wallet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.cli.CliException;
import io.bridgescope.cli.Json;
import io.bridgescope.cli.Output;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.wallet.Amounts;
import io.bridgescope.core.wallet.DecodedCall;
import io.bridgescope.core.wallet.KeyInfo;
import io.bridgescope.core.wallet.Outcome;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.core.wallet.Step;
import java.io.Console;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The review → confirm → password → sign, send, follow sequence every sending verb shares. The
 * review is printed before any password is asked.
 */
public final class Actions {

  @Mixin WalletOptions opts;
  @Mixin Secrets secrets;

  @Option(
      names = {"-k", "--key"},
      description = "Key (name or address) that signs and pays.")
  String key;

  @Option(names = "--yes", description = "Do not ask for confirmation after the review.")
  boolean yes;

  @Option(names = "--dry-run", description = "Preflight and print the review only.")
  boolean dryRun;

  KeyInfo keyInfo() {
    if (key == null) {
      throw CliException.usage(
          "say which key signs and pays: --key NAME (see `bridgescope keys list`)");
    }
    return opts.keystore().find(key);
  }

  /**
   * Prints the review, confirms, signs and sends; returns the exit code. With {@code --json} the
   * one document is {@code {review, dryRun: true}} or {@code {review, outcome}}, and an error
   * carries the review in its details; the confirmation and password prompts go to the terminal.
   */
  int run(WalletOptions.Session s, Review review) {
    print(review);
    if (dryRun) {
      if (opts.json) {
        ObjectNode doc = Json.object();
        doc.set("review", json(review));
        doc.put("dryRun", true);
        Output.document(doc);
      }
      return 0;
    }
    if (!yes && !confirm()) {
      throw new CliException("cancelled", "cancelled; nothing was signed");
    }
    char[] pw = secrets.password("Password for key " + keyInfo().describe() + ": ");
    Outcome o = s.wallet().execute(review, key, pw, opts.timeout());
    return report(o);
  }

  static boolean confirm() {
    Console c = System.console();
    if (c == null) {
      throw CliException.confirmationRequired(
          "no terminal to confirm on; review with --dry-run, then pass --yes");
    }
    String a = c.readLine("Sign and send? [y/N] ");
    return a != null && a.strip().toLowerCase(Locale.ROOT).startsWith("y");
  }

  /** The review as text (on stderr with --json, where it also joins the document). */
  void print(Review r) {
    if (opts.json) {
      Output.context("review", json(r));
    }
    r.describe().forEach(System.out::println);
  }

  /** What was mined and what the bridge said; 0 if every result succeeded, else 3. */
  int report(Outcome o) {
    boolean allOk = o.results().stream().allMatch(BridgeEvents.Result::success);
    if (opts.json) {
      ObjectNode doc = Json.object();
      doc.set("review", json(o.review()));
      doc.set("outcome", json(o, allOk));
      Output.document(doc);
    } else {
      printText(o);
    }
    return allOk ? 0 : 3;
  }

  private static void printText(Outcome o) {
    for (Outcome.StepResult r : o.steps()) {
      System.out.println(
          "mined: "
              + r.step().summary()
              + " — tx "
              + r.tx().hash()
              + " in "
              + r.step().chain().key()
              + " block "
              + r.block());
      String what = r.step().chain() == ChainRole.ROOT ? "exit" : "deposit";
      for (BridgeEvents.Result res : r.results()) {
        System.out.println("  " + Outcome.describe(what, res));
      }
      // what a step emits on the child is an exit (a withdrawal, a child-native deposit or a
      // mapping), on the root a deposit
      if (r.step().chain() == ChainRole.CHILD) {
        r.emittedIds()
            .forEach(
                id ->
                    System.out.println(
                        "  exit id " + id + " (claim it with: bridgescope exit " + id + ")"));
      } else {
        r.emittedIds().forEach(id -> System.out.println("  deposit id " + id));
      }
    }
  }

  static ObjectNode json(Outcome o, boolean allOk) {
    ObjectNode out = Json.object();
    out.put("ok", allOk);
    ArrayNode steps = out.putArray("steps");
    for (Outcome.StepResult r : o.steps()) {
      ObjectNode j = steps.addObject();
      j.put("chain", r.step().chain().key());
      j.put("purpose", r.step().purpose().key());
      j.put("summary", r.step().summary());
      j.put("tx", r.tx().hash().toString());
      j.put("block", r.block());
      String what = r.step().chain() == ChainRole.ROOT ? "exit" : "deposit";
      ArrayNode results = j.putArray("results");
      for (BridgeEvents.Result res : r.results()) {
        results
            .addObject()
            .put("id", res.id().toString())
            .put("success", res.success())
            .put("description", Outcome.describe(what, res));
      }
      ArrayNode ids = j.putArray("emittedIds");
      r.emittedIds().forEach(id -> ids.add(id.toString()));
    }
    return out;
  }

  static ObjectNode json(Review r) {
    ObjectNode o = Json.object();
    o.put("title", r.title());
    o.put("from", r.from().toString());
    ArrayNode steps = o.putArray("steps");
    for (Step s : r.steps()) {
      ObjectNode j = steps.addObject();
      j.put("chain", s.chain().key());
      j.put("summary", s.summary());
      j.put("purpose", s.purpose().key());
      DecodedCall c = s.call();
      ObjectNode call = j.putObject("call");
      call.put("contract", c.contract().toString());
      call.put("contractName", c.contractName());
      call.put("function", c.function());
      ArrayNode args = call.putArray("args");
      c.args()
          .forEach(
              a ->
                  args.addObject()
                      .put("name", a.name())
                      .put("type", a.type())
                      .put("value", a.value()));
      s.tx()
          .ifPresent(
              t -> {
                j.put("nonce", t.nonce());
                j.put("gasLimit", t.gasLimit());
                j.put("maxFeePerGas", t.fees().maxFeePerGas().toString());
                j.put("maxFee", Amounts.ether(t.maxFee()));
              });
    }
    r.checks().forEach(o.putArray("checks")::add);
    r.notes().forEach(o.putArray("notes")::add);
    return o;
  }
}
