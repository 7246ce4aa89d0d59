package io.bridgescope.cli;

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
    description = "Index both chains into the local database (resumable, reorg-safe).")
public final class IndexCommand implements Callable<Integer> {

  @Mixin NetworkOption net;

  @Option(names = "--follow", description = "Keep indexing new blocks until Ctrl-C.")
  boolean follow;

  @Override
  public Integer call() throws Exception {
    NetworkProfile p = net.profile();
    Database db = net.openDatabase(p);
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
        Indexer ix = new Indexer(p, db, w, Duration.ofSeconds(1))) {
      // Refuses another chain (WrongChainException) before a row is written.
      Map<ChainRole, Map<URI, ChainException>> unchecked = ix.connect();
      for (ChainRole r : ChainRole.values()) {
        Map<URI, ChainException> failed = unchecked.get(r);
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
        ix.subscribe(this::print);
        ix.start();
        Thread.currentThread().join();
      }
      ix.catchUp();
      for (ChainRole r : ChainRole.values()) {
        print(ix.status(r));
      }
    }
    return 0;
  }

  private void print(IndexStatus s) {
    if (net.json()) {
      var o = Json.object();
      o.put("chain", s.chain().key());
      o.put("indexedTo", s.indexedTo());
      o.put("head", s.head());
      o.put("lag", s.lag());
      o.put("error", s.lastError());
      System.out.println(Json.write(o));
    } else {
      System.out.printf(
          "%-5s indexed to %d of %d%s%n",
          s.chain().key(),
          s.indexedTo(),
          s.head(),
          s.lastError() == null ? "" : "  (retrying: " + s.lastError() + ")");
    }
  }
}
