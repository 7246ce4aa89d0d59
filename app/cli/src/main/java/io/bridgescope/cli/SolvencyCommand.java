package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.asset.TokenHome;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.identity.ChainGuard;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.solvency.AssetKind;
import io.bridgescope.core.solvency.Solvency;
import io.bridgescope.core.solvency.SolvencyHistory;
import io.bridgescope.core.solvency.SolvencyReport;
import io.bridgescope.core.solvency.TokenSolvency;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./bridgescope solvency}: for every bridged token of every kind (ERC-20, ERC-721 in ids,
 * ERC-1155 per id; root- and child-native), the escrow against the mirror's supply plus what is in
 * flight, as of the blocks the local index has reached. Exit 0 when every token balances (or no
 * verdict can be given yet, which it says), 2 on a deficit or surplus. {@code --record} keeps the
 * verdict in the index's history, {@code --history N} prints the kept ones.
 */
@Command(
    name = "solvency",
    mixinStandardHelpOptions = true,
    description =
        "Check escrow == mirror supply + in-flight deposits and exits for every bridged token"
            + " (ERC-20, ERC-721 in ids, ERC-1155 per id), at the blocks the index has reached.")
public final class SolvencyCommand implements Callable<Integer> {

  @Mixin NetworkOption net;

  @Option(
      names = "--record",
      description =
          "Keep this verdict in the index's solvency history (only the tokens whose escrow or owed"
              + " amount changed since their last kept row; the GUI keeps its checks too).")
  boolean record;

  @Option(
      names = "--history",
      paramLabel = "N",
      description =
          "Print the latest N kept verdicts (oldest first) instead of checking; no node is asked.")
  @Nullable Integer history;

  @Override
  public Integer call() throws Exception {
    if (history != null && (history < 1 || history > 100_000)) {
      throw CliException.usage("--history takes a count from 1 to 100000");
    }
    if (history != null && record) {
      throw CliException.usage("--history reads the kept verdicts; it records nothing");
    }
    NetworkProfile p = net.profile();
    Database db = net.openDatabase(p);
    if (history != null) {
      int limit = history;
      List<SolvencyHistory.Entry> kept = db.read(c -> SolvencyHistory.latest(c, limit));
      if (net.json()) {
        Output.document(historyJson(p, kept));
      } else {
        historyText(kept);
      }
      return 0;
    }
    if (record && !db.writable()) {
      throw new CliException(
          "store_read_only",
          "this index is opened read-only (a team index is written by its indexer): drop"
              + " --record");
    }
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
    if (record) {
      try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
        w.call(c -> SolvencyHistory.record(c, r, Instant.now())).get();
      }
    }
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
      token(n, t.kind(), t.home(), t.rootToken(), t.childToken(), t.id());
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

  /** The fields that say which token (and ERC-1155 id) a row is about. */
  private static void token(
      ObjectNode n,
      AssetKind kind,
      TokenHome home,
      io.bridgescope.core.model.Address rootToken,
      Optional<io.bridgescope.core.model.Address> childToken,
      Optional<java.math.BigInteger> id) {
    n.put("kind", kind.key());
    n.put("tokenHome", home.key());
    n.put("rootToken", rootToken.toString());
    n.put("childToken", childToken.map(Object::toString).orElse(null));
    n.put("id", id.map(Object::toString).orElse(null));
  }

  static ObjectNode historyJson(NetworkProfile p, List<SolvencyHistory.Entry> kept) {
    ObjectNode o = Json.object();
    o.put("network", p.name());
    ArrayNode rows = o.putArray("history");
    for (SolvencyHistory.Entry e : kept) {
      ObjectNode n = rows.addObject();
      n.put("checkedAt", e.checkedAt().toString());
      n.put("rootBlock", e.rootBlock());
      n.put("childBlock", e.childBlock());
      token(n, e.kind(), e.home(), e.rootToken(), e.childToken(), e.id());
      n.put("escrow", e.escrow().toString());
      n.put("owed", e.owed().toString());
      n.put("difference", e.difference().toString());
      n.put("status", e.status().key());
    }
    return o;
  }

  private static void historyText(List<SolvencyHistory.Entry> kept) {
    if (kept.isEmpty()) {
      System.out.println(
          "no verdict is kept yet: run `solvency --record`, or open the Solvency screen");
      return;
    }
    for (SolvencyHistory.Entry e : kept) {
      System.out.printf(
          "%s  root %d / child %d  %s %s%s: escrow %s, owed %s -> %s (difference %s)%n",
          e.checkedAt(),
          e.rootBlock(),
          e.childBlock(),
          e.home() == TokenHome.CHILD ? e.kind().key() + " child-native" : e.kind().key(),
          e.home() == TokenHome.CHILD ? e.childToken().orElse(e.rootToken()) : e.rootToken(),
          e.id().map(id -> " id " + id).orElse(""),
          e.escrow(),
          e.owed(),
          e.status().key().toUpperCase(java.util.Locale.ROOT),
          e.difference());
    }
  }

  private static void text(SolvencyReport r) {
    System.out.printf("as of root block %d and child block %d:%n", r.rootBlock(), r.childBlock());
    r.unsettled().ifPresent(u -> System.out.println("  no verdict yet: " + u));
    if (r.tokens().stream().anyMatch(t -> t.kind() == AssetKind.ERC721)) {
      System.out.println("  (erc721 rows count token ids; erc1155 rows are one id each)");
    }
    for (TokenSolvency t : r.tokens()) {
      System.out.printf(
          "  %s %s%s: escrow %s %s, %s supply %s + in flight %s deposits, %s exits"
              + " (failed: %s deposits, %s exits) -> %s (difference %s)%n",
          t.home() == TokenHome.CHILD ? t.kind().key() + " child-native" : t.kind().key(),
          t.home() == TokenHome.CHILD ? t.childToken().orElse(t.rootToken()) : t.rootToken(),
          t.id().map(id -> " id " + id).orElse(""),
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
      System.out.println("  no deposit or withdrawal is indexed yet");
    }
  }
}
