package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.asset.TokenHome;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.identity.ChainGuard;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.solvency.AssetKind;
import io.bridgescope.core.solvency.Solvency;
import io.bridgescope.core.solvency.SolvencyReport;
import io.bridgescope.core.solvency.TokenSolvency;
import io.bridgescope.core.store.Database;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ./bridgescope solvency}: for every bridged ERC-20 token, the root escrow against the child
 * supply plus what is in flight, as of the blocks the local index has reached. Exit 0 when every
 * token balances (or no verdict can be given yet, which it says), 2 on a deficit or surplus.
 */
@Command(
    name = "solvency",
    mixinStandardHelpOptions = true,
    description =
        "Check escrow == child supply + in-flight deposits and exits for every bridged ERC-20"
            + " token, at the blocks the index has reached.")
public final class SolvencyCommand implements Callable<Integer> {

  @Mixin NetworkOption net;

  @Override
  public Integer call() throws Exception {
    NetworkProfile p = net.profile();
    Database db = net.openDatabase(p);
    Optional<SolvencyReport> found;
    try (ChainClient root = new ChainClient("root", p.root().primaryRpcUrl());
        ChainClient child = new ChainClient("child", p.child().primaryRpcUrl())) {
      ChainGuard.refuseOtherChain(p, db, root, child);
      found = new Solvency(p, db, root, child).check();
    }
    if (found.isEmpty()) {
      throw new CliException(
          "not_indexed",
          "the index has not reached a block on both chains yet (run `./bridgescope index`)");
    }
    SolvencyReport r = found.get();
    if (net.json()) {
      Output.document(json(p, r));
    } else {
      text(r);
    }
    boolean violated =
        r.unsettled().isEmpty()
            && r.tokens().stream().anyMatch(t -> t.status() != TokenSolvency.Status.BALANCED);
    return violated ? Errors.EXIT_USAGE : 0;
  }

  static ObjectNode json(NetworkProfile p, SolvencyReport r) {
    ObjectNode o = Json.object();
    o.put("network", p.name());
    o.put("rootBlock", r.rootBlock());
    o.put("childBlock", r.childBlock());
    o.put("solvent", r.solvent());
    if (r.unsettled().isPresent()) {
      o.put("unsettled", r.unsettled().get());
    } else {
      o.putNull("unsettled");
    }
    ArrayNode tokens = o.putArray("tokens");
    for (TokenSolvency t : r.tokens()) {
      ObjectNode n = tokens.addObject();
      n.put("kind", t.kind().key());
      n.put("tokenHome", t.home().key());
      n.put("rootToken", t.rootToken().toString());
      if (t.childToken().isPresent()) {
        n.put("childToken", t.childToken().get().toString());
      } else {
        n.putNull("childToken");
      }
      n.put("escrow", t.escrow().toString());
      n.put("childSupply", t.childSupply().toString());
      n.put("depositsInFlight", t.depositsInFlight().toString());
      n.put("depositsFailed", t.depositsFailed().toString());
      n.put("exitsInFlight", t.exitsInFlight().toString());
      n.put("exitsFailed", t.exitsFailed().toString());
      n.put("owed", t.owed().toString());
      n.put("difference", t.difference().toString());
      n.put("status", r.unsettled().isPresent() ? "unsettled" : t.status().key());
    }
    return o;
  }

  private static void text(SolvencyReport r) {
    System.out.printf("as of root block %d and child block %d:%n", r.rootBlock(), r.childBlock());
    r.unsettled().ifPresent(u -> System.out.println("  no verdict yet: " + u));
    if (r.tokens().stream().anyMatch(t -> t.kind() == AssetKind.ERC721)) {
      System.out.println("  (erc721 rows count token ids)");
    }
    for (TokenSolvency t : r.tokens()) {
      System.out.printf(
          "  %s %s: escrow %s %s, %s supply %s + in flight %s deposits, %s exits"
              + " (failed: %s deposits, %s exits) -> %s (difference %s)%n",
          t.home() == TokenHome.CHILD ? t.kind().key() + " child-native" : t.kind().key(),
          t.home() == TokenHome.CHILD ? t.childToken().orElse(t.rootToken()) : t.rootToken(),
          t.home() == TokenHome.CHILD ? "on the child" : "on the root",
          t.escrow(),
          t.home() == TokenHome.CHILD ? "root mirror" : "child",
          t.childSupply(),
          t.depositsInFlight(),
          t.exitsInFlight(),
          t.depositsFailed(),
          t.exitsFailed(),
          r.unsettled().isPresent() ? "unsettled" : t.status().key().toUpperCase(),
          t.difference());
    }
    if (r.tokens().isEmpty()) {
      System.out.println("  no ERC-20 or ERC-721 deposit or withdrawal is indexed yet");
    }
  }
}
