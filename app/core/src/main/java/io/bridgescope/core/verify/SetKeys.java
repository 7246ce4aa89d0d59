package io.bridgescope.core.verify;

import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.crypto.InvalidEncodingException;
import io.bridgescope.crypto.bls.BlsPublicKey;
import io.bridgescope.crypto.bls.BlsScheme;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One validator set's keys in the scheme's encoding: which validator a signer key is (by its bytes)
 * and, once the first signature needs them, every key decoded and subgroup-checked, so a set that
 * signs thousands of commitments is decoded once. The aggregate keys of recent signer groups are
 * kept too: a live chain's commitments are signed by the same validators again and again, and a
 * group that misses a few of the set is summed as the set's total minus those few.
 *
 * <p>A signer key that is not in the set, or a set key that does not decode, is decoded where it is
 * used, so its error names its place in the signature exactly as the scheme would.
 */
final class SetKeys {

  /** Aggregates kept per set: the usual signer group, plus room for a few that come and go. */
  private static final int RECENT_GROUPS = 8;

  private final Map<Bytes, Integer> index;
  private volatile @Nullable Decoded decoded;

  private SetKeys(Map<Bytes, Integer> index) {
    this.index = index;
  }

  static SetKeys of(SchemeSupport scheme, List<ValidatorEntry> validators) {
    Map<Bytes, Integer> index = new HashMap<>();
    for (ValidatorEntry v : validators) {
      index.putIfAbsent(Bytes.of(scheme.schemeKey(v.blsKey())), v.index());
    }
    return new SetKeys(index);
  }

  /** The validator index of a key in the scheme's encoding; empty for a non-validator. */
  Optional<Integer> indexOf(Bytes key) {
    return Optional.ofNullable(index.get(key));
  }

  /**
   * The decoded key for the signer at {@code position} of a signature's key list.
   *
   * @throws InvalidEncodingException naming {@code publicKeys[position]} if it does not decode
   */
  BlsPublicKey key(BlsScheme scheme, Bytes key, int position) {
    Decoded d = decoded(scheme);
    Integer slot = d.slots.get(key);
    return slot != null ? d.keys.get(slot) : decodeOne(scheme, key, position);
  }

  /** The key decoded on its own, for a signer outside any known set. */
  static BlsPublicKey decodeOne(BlsScheme scheme, Bytes key, int position) {
    return scheme.decodePublicKey(key.value(), "publicKeys[" + position + "]");
  }

  /**
   * The aggregate of {@code signers}' keys when they are distinct keys of this set that decode;
   * empty otherwise (a stranger, a repeated key, a bad key), and the caller sums them one by one.
   */
  Optional<BlsPublicKey> aggregate(BlsScheme scheme, List<Bytes> signers) {
    Decoded d = decoded(scheme);
    BitSet group = new BitSet(d.keys.size());
    for (Bytes key : signers) {
      Integer slot = d.slots.get(key);
      if (slot == null || group.get(slot)) {
        return Optional.empty();
      }
      group.set(slot);
    }
    return Optional.of(d.aggregate(scheme, group));
  }

  private Decoded decoded(BlsScheme scheme) {
    Decoded d = decoded;
    if (d == null) {
      synchronized (this) {
        d = decoded;
        if (d == null) {
          d = new Decoded(scheme, index.keySet());
          decoded = d;
        }
      }
    }
    return d;
  }

  /** The set's keys that decode, each with a slot number, and the aggregates made from them. */
  private static final class Decoded {
    private final Map<Bytes, Integer> slots = new HashMap<>();
    private final List<BlsPublicKey> keys = new ArrayList<>();
    private final Map<BitSet, BlsPublicKey> recent =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<BitSet, BlsPublicKey> eldest) {
            return size() > RECENT_GROUPS;
          }
        };
    private @Nullable BlsPublicKey total;

    Decoded(BlsScheme scheme, Iterable<Bytes> setKeys) {
      for (Bytes key : setKeys) {
        try {
          BlsPublicKey k = scheme.decodePublicKey(key.value(), "validator key");
          slots.put(key, keys.size());
          keys.add(k);
        } catch (InvalidEncodingException e) {
          // left out: a signature that names it decodes it again and reports it in place
        }
      }
    }

    BlsPublicKey aggregate(BlsScheme scheme, BitSet group) {
      synchronized (this) {
        BlsPublicKey known = recent.get(group);
        if (known != null) {
          return known;
        }
      }
      List<BlsPublicKey> in = new ArrayList<>();
      List<BlsPublicKey> out = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        (group.get(i) ? in : out).add(keys.get(i));
      }
      BlsPublicKey sum =
          in.size() > out.size()
              ? scheme.aggregateDecoded(List.of(total(scheme)), out)
              : scheme.aggregateDecoded(in, List.of());
      synchronized (this) {
        recent.put(group, sum);
      }
      return sum;
    }

    private synchronized BlsPublicKey total(BlsScheme scheme) {
      if (total == null) {
        total = scheme.aggregateDecoded(keys, List.of());
      }
      return total;
    }
  }
}
