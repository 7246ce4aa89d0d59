package io.bridgescope.core.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Deposits and exits per time bucket, oldest bucket first, with empty buckets included.
 *
 * @param bucket the bucket width, chosen from the span of the history (a minute for a fresh devnet,
 *     an hour for a day of traffic)
 */
public record BridgeActivity(Duration bucket, List<Bucket> buckets) {

  public BridgeActivity {
    buckets = List.copyOf(buckets);
  }

  /** Rows emitted in [start, start + bucket) by block time. */
  public record Bucket(Instant start, long deposits, long exits) {}

  public long totalDeposits() {
    return buckets.stream().mapToLong(Bucket::deposits).sum();
  }

  public long totalExits() {
    return buckets.stream().mapToLong(Bucket::exits).sum();
  }
}
