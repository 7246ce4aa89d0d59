package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.asset.TokenScale;
import io.bridgescope.core.lifecycle.LifecycleService;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shared body of {@code deposits} and {@code exits}: a page of messages with their status. */
abstract class MessageListCommand<T> implements Callable<Integer> {

  @Mixin NetworkOption net;

  @Option(names = "--address", description = "Only messages sent by or to this address.")
  String address;

  @Option(names = "--before", description = "Page: only ids below this one.")
  BigInteger before;

  @Option(names = "--limit", defaultValue = "50", description = "Rows (default 50).")
  int limit;

  abstract String noun();

  abstract List<T> page(LifecycleService life, Optional<BigInteger> before, int limit);

  abstract List<T> byAddress(
      LifecycleService life, Address a, Optional<BigInteger> before, int limit);

  abstract ObjectNode json(T row, TokenScale scale);

  /** The row's event objects in {@link #json} and the chain each was read on. */
  abstract java.util.Map<String, io.bridgescope.core.network.ChainRole> eventChains();

  abstract String line(T row, TokenScale scale);

  @Override
  public Integer call() throws Exception {
    NetworkProfile p = net.profile();
    Database db = net.openDatabase(p);
    LifecycleService life = new LifecycleService(db, p.epochSize(), Clock.systemUTC());
    Optional<BigInteger> b = Optional.ofNullable(before);
    List<T> rows =
        address == null ? page(life, b, limit) : byAddress(life, Address.of(address), b, limit);
    TokenScale scale = new TokenScale(db);
    if (net.json()) {
      var arr = Json.MAPPER.createArrayNode();
      Confirmations conf = Confirmations.of(db, p);
      rows.forEach(r -> arr.add(conf.markEvents(json(r, scale), eventChains())));
      Output.document(arr);
    } else if (rows.isEmpty()) {
      System.out.println("no " + noun() + (address == null ? "" : " for " + address));
    } else {
      rows.forEach(r -> System.out.println(line(r, scale)));
    }
    return 0;
  }
}
