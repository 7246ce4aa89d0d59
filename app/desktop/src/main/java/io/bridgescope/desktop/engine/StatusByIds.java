package io.bridgescope.desktop.engine;

import io.bridgescope.core.lifecycle.DepositStatus;
import io.bridgescope.core.lifecycle.ExitStatus;
import io.bridgescope.core.lifecycle.LifecycleService;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Lifecycle statuses of a set of ids with few service calls: ids are grouped into runs of
 * consecutive ids, and each run is one keyset page of the lifecycle service (ids missing inside a
 * run, from a partly indexed range, are read one by one).
 */
final class StatusByIds {

  private StatusByIds() {}

  interface Page<T> {
    List<T> before(Optional<BigInteger> beforeId, int limit);
  }

  static Map<BigInteger, DepositStatus> deposits(LifecycleService l, List<BigInteger> ids) {
    return load(ids, l::deposits, d -> d.deposit().id(), id -> l.deposit(id));
  }

  static Map<BigInteger, ExitStatus> exits(LifecycleService l, List<BigInteger> ids) {
    return load(ids, l::exits, x -> x.exit().id(), id -> l.exit(id));
  }

  private static <T> Map<BigInteger, T> load(
      List<BigInteger> ids,
      Page<T> page,
      java.util.function.Function<T, BigInteger> idOf,
      java.util.function.Function<BigInteger, Optional<T>> one) {
    Map<BigInteger, T> out = new HashMap<>();
    TreeSet<BigInteger> sorted = new TreeSet<>(ids);
    List<List<BigInteger>> runs = new ArrayList<>();
    for (BigInteger id : sorted) {
      List<BigInteger> run = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (run != null && run.get(run.size() - 1).add(BigInteger.ONE).equals(id)) {
        run.add(id);
      } else {
        runs.add(new ArrayList<>(List.of(id)));
      }
    }
    for (List<BigInteger> run : runs) {
      BigInteger top = run.get(run.size() - 1);
      for (T t : page.before(Optional.of(top.add(BigInteger.ONE)), run.size())) {
        out.put(idOf.apply(t), t);
      }
      for (BigInteger id : run) {
        if (!out.containsKey(id)) {
          one.apply(id).ifPresent(t -> out.put(id, t));
        }
      }
    }
    out.keySet().retainAll(sorted);
    return out;
  }
}
