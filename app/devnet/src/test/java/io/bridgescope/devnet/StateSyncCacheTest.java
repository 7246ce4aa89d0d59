package io.bridgescope.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The simulator's state sync cache stays bounded and keeps what a reorg may ask for again. */
class StateSyncCacheTest {

  private static StateSync sync(long id) {
    return new StateSync(
        BigInteger.valueOf(id), Address.ofLow(0xaa), Address.ofLow(0xbb), new byte[] {(byte) id});
  }

  @Test
  void forgetsOnlyWhatLiesMoreThanKeepBelowTheLowestNeededId() {
    StateSyncCache cache = new StateSyncCache();
    int n = 3 * StateSyncCache.KEEP;
    for (long id = 1; id <= n; id++) {
      cache.add(sync(id));
    }
    BigInteger needed = BigInteger.valueOf(2L * StateSyncCache.KEEP + 10);
    cache.forgetBelow(needed);
    long firstKept = needed.longValueExact() - StateSyncCache.KEEP;
    assertThat(cache.size()).isEqualTo(n - (int) firstKept + 1);
    assertThat(cache.range(BigInteger.valueOf(firstKept), needed)).hasSize(StateSyncCache.KEEP + 1);
    assertThat(cache.seenAt(BigInteger.valueOf(firstKept))).isNotNull();
    assertThat(cache.seenAt(BigInteger.valueOf(firstKept - 1))).isNull();
    assertThat(cache.maxId()).isEqualTo(BigInteger.valueOf(n));
    assertThatThrownBy(() -> cache.range(BigInteger.valueOf(firstKept - 1), needed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("forgotten");
    assertThatThrownBy(() -> cache.range(BigInteger.valueOf(n), BigInteger.valueOf(n + 1)))
        .hasMessageContaining("not seen yet");
    // nothing is forgotten while the lowest needed id is within KEEP of the start
    StateSyncCache young = new StateSyncCache();
    young.add(sync(1));
    young.add(sync(2));
    young.forgetBelow(BigInteger.valueOf(StateSyncCache.KEEP));
    assertThat(young.size()).isEqualTo(2);
  }
}
