package io.bridgescope.cli.wallet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.cli.CliException;
import io.bridgescope.cli.Json;
import io.bridgescope.cli.Output;
import io.bridgescope.core.lifecycle.MessageStatus;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.ExitPlanner;
import io.bridgescope.core.wallet.ExitPlanner.ExitItem;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./bridgescope exit list|ready|ID|--all}: the account's withdrawals with status and ETA,
 * and claiming them on the root chain (one, or all ready ones in one batchExit).
 */
@Command(
    name = "exit",
    mixinStandardHelpOptions = true,
    description = {
      "Claim withdrawals on the root chain (ExitHelper) with proofs built locally.",
      "  exit list   --key K   the key's exits with status and ETA",
      "  exit ready  --key K   the ones that can be claimed now",
      "  exit ID     --key K   claim one",
      "  exit --all  --key K   claim every ready one in one batchExit"
    })
public final class ExitCommand implements Callable<Integer> {

  @Mixin Actions actions;

  @Parameters(index = "0", arity = "0..1", description = "list, ready, or an exit id.")
  String what;

  @Option(names = "--all", description = "Claim every ready exit of the key in one batchExit.")
  boolean all;

  @Option(names = "--account", description = "List the exits of this address instead of the key's.")
  String account;

  @Override
  public Integer call() throws Exception {
    try (WalletOptions.Session s = actions.opts.open()) {
      if (all) {
        Address from = actions.keyInfo().address();
        return actions.run(s, s.wallet().exits().prepareClaimAll(from, from));
      }
      if (what == null || what.equals("list") || what.equals("ready")) {
        Address a = account != null ? Address.of(account) : actions.keyInfo().address();
        List<ExitItem> items =
            "ready".equals(what) ? s.wallet().exits().ready(a) : s.wallet().exits().exits(a);
        print(a, items, s.wallet().exits());
        return 0;
      }
      BigInteger id;
      try {
        id = new BigInteger(what);
      } catch (NumberFormatException e) {
        throw CliException.usage("'" + what + "' is not list, ready or an exit id");
      }
      return actions.run(s, s.wallet().exits().prepareExit(id, actions.keyInfo().address()));
    }
  }

  private void print(Address a, List<ExitItem> items, ExitPlanner planner) {
    if (actions.opts.json) {
      ArrayNode arr = Json.array();
      for (ExitItem i : items) {
        MessageStatus st = i.status().status();
        ObjectNode o = arr.addObject();
        o.put("id", i.id().toString());
        o.put("stage", st.stage().name());
        o.put("ready", i.ready());
        o.put("reason", st.reason());
        o.put("nextStep", st.nextStep());
        st.eta().ifPresent(e -> o.put("eta", e.toString()));
        i.status()
            .exit()
            .withdrawal()
            .ifPresent(
                w -> {
                  o.put("amount", w.amount().toString());
                  o.put("rootToken", w.rootToken().toString());
                  o.put("receiver", w.to().toString());
                });
        o.put("paysOut", planner.payout(i));
        i.pending().ifPresent(p -> o.put("pendingTx", p.txHash().toString()));
      }
      Output.document(arr);
      return;
    }
    if (items.isEmpty()) {
      System.out.println(
          "no exits of " + a + " in the local index (is it indexed? bridgescope index)");
    }
    for (ExitItem i : items) {
      MessageStatus st = i.status().status();
      String amount = planner.payout(i); // an ERC-20 amount at the root token's own decimals
      System.out.printf(
          "%8s  %-12s %s%s  %s%s%n",
          i.id(),
          st.stage(),
          i.ready() ? "READY " : "",
          amount,
          st.reason(),
          st.eta().map(e -> " (ETA " + e + ")").orElse("")
              + i.pending().map(p -> " [pending tx " + p.txHash().shortHex() + "]").orElse(""));
    }
  }
}
