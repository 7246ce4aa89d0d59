package io.bridgescope.core.proof;

import io.bridgescope.crypto.merkle.MerkleTree;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded least-recently-used cache of built trees, so a second proof in the same epoch or
 * commitment costs a lookup instead of re-reading and re-hashing thousands of leaves. Keys name the
 * exact root a tree was checked against, so a new checkpoint of the epoch is a new key.
 */
final class TreeCache {

  /** A tree whose root was found equal to the stored root when it was built. */
  record Entry(LeafSet leaves, MerkleTree tree) {}

  private final Map<Object, Entry> map;

  TreeCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("tree cache capacity must be positive: " + capacity);
    }
    this.map =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized Optional<Entry> get(Object key) {
    return Optional.ofNullable(map.get(key));
  }

  synchronized void put(Object key, Entry e) {
    map.put(key, e);
  }

  synchronized void remove(Object key) {
    map.remove(key);
  }

  synchronized void clear() {
    map.clear();
  }

  synchronized int size() {
    return map.size();
  }
}
