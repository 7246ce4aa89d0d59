package io.bridgescope.cli.wallet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.TxPurpose;
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
      throw new IllegalArgumentException(
          "say which key signs and pays: --key NAME (see `bridgescope keys list`)");
    }
    return opts.keystore().find(key);
  }

  /** Prints the review, confirms, signs and sends; returns the exit code. */
  int run(WalletOptions.Session s, Review review) {
    print(review);
    if (dryRun) {
      return 0;
    }
    if (!yes && !confirm()) {
      System.out.println("cancelled; nothing was signed");
      return 1;
    }
    char[] pw = secrets.password("Password for key " + keyInfo().describe() + ": ");
    Outcome o = s.wallet().execute(review, key, pw, opts.timeout());
    return report(o);
  }

  static boolean confirm() {
    Console c = System.console();
    if (c == null) {
      throw new IllegalArgumentException(
          "no terminal to confirm on; review with --dry-run, then pass --yes");
    }
    String a = c.readLine("Sign and send? [y/N] ");
    return a != null && a.strip().toLowerCase(Locale.ROOT).startsWith("y");
  }

  void print(Review r) {
    if (opts.json) {
      System.out.println(WalletOptions.json(json(r)));
    } else {
      r.describe().forEach(System.out::println);
    }
  }

  int report(Outcome o) {
    boolean allOk = true;
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
        allOk &= res.success();
      }
      if (r.step().purpose() == TxPurpose.WITHDRAW) {
        r.emittedIds()
            .forEach(
                id ->
                    System.out.println(
                        "  exit id " + id + " (claim it with: bridgescope exit " + id + ")"));
      }
      if (r.step().purpose() == TxPurpose.DEPOSIT) {
        r.emittedIds().forEach(id -> System.out.println("  deposit id " + id));
      }
    }
    return allOk ? 0 : 3;
  }

  static ObjectNode json(Review r) {
    ObjectNode o = WalletOptions.JSON.createObjectNode();
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
