package io.bridgescope.devnet;

import io.bridgescope.core.bridge.StateSync;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The root chain's state syncs by id, as the validators and the relayer have seen them. */
final class StateSyncCache {

  private final NavigableMap<BigInteger, StateSync> byId = new ConcurrentSkipListMap<>();
  private final NavigableMap<BigInteger, Long> seenAt = new ConcurrentSkipListMap<>();

  void add(StateSync s) {
    if (byId.putIfAbsent(s.id(), s) == null) {
      seenAt.put(s.id(), System.nanoTime());
    }
  }

  BigInteger maxId() {
    return byId.isEmpty() ? BigInteger.ZERO : byId.lastKey();
  }

  /** Nanotime at which {@code id} was first seen, or null. */
  Long seenAt(BigInteger id) {
    return seenAt.get(id);
  }

  /** State syncs {@code start..end} inclusive; throws if one is missing (ids are contiguous). */
  List<StateSync> range(BigInteger start, BigInteger end) {
    List<StateSync> out = new ArrayList<>();
    for (BigInteger id = start; id.compareTo(end) <= 0; id = id.add(BigInteger.ONE)) {
      StateSync s = byId.get(id);
      if (s == null) {
        throw new IllegalStateException("state sync " + id + " not seen yet");
      }
      out.add(s);
    }
    return out;
  }
}
