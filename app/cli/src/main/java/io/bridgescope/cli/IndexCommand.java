package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.index.IndexStatus;
import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./bridgescope index}: catch the local index up with both chains (or keep following). */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Index both chains into the local database (resumable, reorg-safe).",
      "With --json: one document {network, root, child}; with --follow --json: JSON Lines, one"
          + " object per chain and step."
    })
public final class IndexCommand implements Callable<Integer> {

  @Mixin NetworkOption net;

  @Option(names = "--follow", description = "Keep indexing new blocks until Ctrl-C.")
  boolean follow;

  @Option(
      names = "--wait",
      description =
          "With a team index (--db or the profile's store): when another indexer writes it, wait"
              + " until it stops and take over (default: exit naming it).")
  boolean waitForWriter;

  @Override
  public Integer call() throws Exception {
    NetworkProfile p = net.profile();
    Database db = net.openDatabaseForWriting(p, waitForWriter);
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
        Indexer ix = new Indexer(p, db, w, Duration.ofSeconds(1))) {
      // Refuses another chain (WrongChainException) before a row is written.
      Map<ChainRole, Map<URI, ChainException>> unchecked = ix.connect();
      for (ChainRole r : ChainRole.values()) {
        Map<URI, ChainException> failed = unchecked.getOrDefault(r, Map.of());
        if (!follow && failed.size() == p.chain(r).rpcUrls().size()) {
          ChainException first = failed.values().iterator().next();
          throw new ChainException(
              first.kind(),
              "no "
                  + r.key()
                  + " RPC endpoint answered: "
                  + failed.values().stream()
                      .map(ChainException::getMessage)
                      .collect(Collectors.joining("; ")),
              first);
        }
      }
      if (follow) {
        ix.subscribe(this::printStep);
        ix.start();
        try {
          Thread.currentThread().join();
        } catch (InterruptedException e) {
          return 0; // an embedding program stops following (on a terminal: Ctrl-C ends the JVM)
        }
      }
      try {
        ix.catchUp();
      } catch (ChainException e) {
        throw new CliException(
            "chain_error",
            e.getMessage(),
            "the index stays at "
                + position(ix.status(ChainRole.ROOT))
                + " (root) and "
                + position(ix.status(ChainRole.CHILD))
                + " (child); run again when the node answers",
            positions(ix),
            Errors.EXIT_ERROR,
            e);
      }
      if (net.json()) {
        ObjectNode o = positions(ix);
        o.put("network", p.name());
        Output.document(o);
      } else {
        for (ChainRole r : ChainRole.values()) {
          System.out.println(text(ix.status(r)));
        }
      }
    }
    return 0;
  }

  private void printStep(IndexStatus s) {
    if (net.json()) {
      ObjectNode o = Json.object().put("chain", s.chain().key());
      o.setAll(json(s));
      Output.line(o);
    } else {
      System.out.println(text(s));
    }
  }

  private static ObjectNode positions(Indexer ix) {
    ObjectNode o = Json.object();
    for (ChainRole r : ChainRole.values()) {
      o.set(r.key(), json(ix.status(r)));
    }
    return o;
  }

  /** {@code head} and {@code lag} are null while the node has not answered. */
  static ObjectNode json(IndexStatus s) {
    ObjectNode o = Json.object();
    o.put("indexedTo", s.indexedTo());
    if (s.head() >= 0) {
      o.put("head", s.head());
      o.put("lag", s.lag());
    } else {
      o.putNull("head");
      o.putNull("lag");
    }
    o.put("error", s.lastError());
    return o;
  }

  /**
   * {@code root indexed to 120 of 130}, or while the node does not answer the position stored in
   * the database: {@code root indexed to 120 (stored), head unknown (retrying: …)}.
   */
  static String text(IndexStatus s) {
    String at = s.indexedTo() >= 0 ? "indexed to " + s.indexedTo() : "nothing indexed yet";
    String head =
        s.head() >= 0
            ? " of " + s.head()
            : (s.indexedTo() >= 0 ? " (stored)" : "") + ", head unknown";
    return String.format(
        "%-5s %s%s%s",
        s.chain().key(),
        at,
        head,
        s.lastError() == null ? "" : "  (retrying: " + s.lastError() + ")");
  }

  private static String position(IndexStatus s) {
    return s.indexedTo() >= 0 ? "block " + s.indexedTo() : "nothing indexed";
  }
}
