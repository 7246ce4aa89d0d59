package io.bridgescope.core.verify;

import io.bridgescope.core.store.rows.ValidatorEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@link SetKeys} of the validator sets met recently, found by the sets' content: every
 * checkpoint installs a set, usually the same one again, and all of them share one entry. Shared by
 * the verifier's threads and kept between runs, so a verifier that runs every few seconds decodes a
 * set once.
 */
final class KeyCache {

  /** Sets kept; an epoch change that rotates the set evicts the oldest. */
  private static final int SETS = 8;

  private final SchemeSupport scheme;
  private final boolean enabled;
  private final Map<List<ValidatorEntry>, SetKeys> sets =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<ValidatorEntry>, SetKeys> eldest) {
          return size() > SETS;
        }
      };

  /**
   * @param enabled false builds a fresh entry per call (every key decoded for every signature, as
   *     before the cache), for measuring the cache
   */
  KeyCache(SchemeSupport scheme, boolean enabled) {
    this.scheme = scheme;
    this.enabled = enabled;
  }

  SetKeys of(ValidatorSetRef set) {
    if (!enabled) {
      return SetKeys.of(scheme, set.validators());
    }
    // A batch of subjects reads its set once, so the same list comes again and again: found by
    // identity first, without hashing a hundred keys.
    Last l = last;
    if (l != null && l.validators() == set.validators()) {
      return l.keys();
    }
    SetKeys keys;
    synchronized (sets) {
      // Building an entry only indexes the keys; decoding happens outside this lock, on first use.
      keys = sets.computeIfAbsent(set.validators(), v -> SetKeys.of(scheme, v));
    }
    last = new Last(set.validators(), keys);
    return keys;
  }

  private record Last(List<ValidatorEntry> validators, SetKeys keys) {}

  private volatile @Nullable Last last;
}
