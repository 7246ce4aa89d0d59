package io.bridgescope.devnet;

import io.bridgescope.core.bridge.StateSync;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;

/**
 * The root chain's state syncs by id, as the validators and the relayer have seen them. Those that
 * are committed and executed are forgotten but for the last {@link #KEEP} ids, so a demo that runs
 * for hours holds a bounded number (it held every state sync it ever saw: ~25 MB an hour at the
 * demo's traffic).
 */
final class StateSyncCache {

  /**
   * Ids kept below the lowest one still needed: a child reorg (at most 64 blocks, DevnetConfig)
   * makes the committer and the relayer go back a few commitments of at most 64 ids each, never a
   * thousand. Small, so the bound is reached within minutes of demo traffic (~115 ids a minute).
   */
  static final int KEEP = 1024;

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
  @Nullable Long seenAt(BigInteger id) {
    return seenAt.get(id);
  }

  /**
   * Forgets the state syncs more than {@link #KEEP} ids below {@code neededFrom}, the lowest id the
   * committer or the relayer may still read.
   */
  void forgetBelow(BigInteger neededFrom) {
    BigInteger floor = neededFrom.subtract(BigInteger.valueOf(KEEP));
    if (floor.signum() > 0) {
      byId.headMap(floor).clear();
      seenAt.headMap(floor).clear();
    }
  }

  int size() {
    return byId.size();
  }

  /** State syncs {@code start..end} inclusive; throws if one is missing (ids are contiguous). */
  List<StateSync> range(BigInteger start, BigInteger end) {
    List<StateSync> out = new ArrayList<>();
    for (BigInteger id = start; id.compareTo(end) <= 0; id = id.add(BigInteger.ONE)) {
      StateSync s = byId.get(id);
      if (s == null) {
        throw new IllegalStateException(
            "state sync "
                + id
                + (byId.isEmpty() || id.compareTo(byId.firstKey()) > 0
                    ? " not seen yet"
                    : " forgotten: more than " + KEEP + " ids below the oldest one still needed"));
      }
      out.add(s);
    }
    return out;
  }
}
