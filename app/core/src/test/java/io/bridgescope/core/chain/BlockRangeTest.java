package io.bridgescope.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The range rule against an in-memory provider that enforces caps with real providers' words. */
class BlockRangeTest {

  /**
   * A chain of logs in memory behind a provider's caps: a block cap (with its error text), a
   * results cap. Every request is counted; the answer is one entry (the block number) per log.
   */
  static final class FakeProvider implements BlockRange.Fetch<Long> {
    final NavigableMap<Long, Integer> logs = new TreeMap<>();
    final long blockCap;
    final String blockCapText;
    final int resultCap;
    final List<Long> spans = new ArrayList<>();
    int refusals;

    FakeProvider(long blockCap, String blockCapText, int resultCap) {
      this.blockCap = blockCap;
      this.blockCapText = blockCapText;
      this.resultCap = resultCap;
    }

    @Override
    public List<Long> get(long from, long to) {
      spans.add(to - from + 1);
      if (blockCap > 0 && to - from + 1 > blockCap) {
        throw refusal(blockCapText);
      }
      int n = logs.subMap(from, true, to, true).values().stream().mapToInt(i -> i).sum();
      if (resultCap > 0 && n > resultCap) {
        throw refusal("query returned more than " + resultCap + " results");
      }
      List<Long> out = new ArrayList<>();
      logs.subMap(from, true, to, true)
          .forEach(
              (b, k) -> {
                for (int i = 0; i < k; i++) {
                  out.add(b);
                }
              });
      return out;
    }

    private ChainException refusal(String text) {
      refusals++;
      RpcErrorKind kind = RpcErrors.ofJsonRpc("eth_getLogs", -32005, text);
      return new ChainException(kind, "root node http://x refused eth_getLogs: " + text);
    }

    int requests() {
      return spans.size();
    }
  }

  private static long minimum(long blocks, long cap) {
    return (blocks + cap - 1) / cap;
  }

  @Test
  void aLongEmptyHistoryNeedsCloseToTheMinimumBehindANamedCap() {
    FakeProvider p = new FakeProvider(10_000, "eth_getLogs is limited to a 10,000 range", 10_000);
    p.logs.put(999_000L, 3);
    BlockRange r = new BlockRange(16, 1, 1_000_000);
    List<Long> got = r.fetch(0, 999_999, p);
    assertThat(got).containsExactly(999_000L, 999_000L, 999_000L);
    assertThat(p.requests()).isLessThanOrEqualTo((int) (1.5 * minimum(1_000_000, 10_000)));
    assertThat(r.ceiling()).isEqualTo(10_000);
    assertThat(p.refusals).isEqualTo(1); // the cap is learnt once, then never asked beyond
  }

  @Test
  void anUnnamedCapIsFoundByBisectionAndStaysCloseToTheMinimum() {
    FakeProvider p = new FakeProvider(10_000, "block range is too wide", 0);
    BlockRange r = new BlockRange(16, 1, 1_000_000);
    r.fetch(0, 999_999, p);
    assertThat(p.requests()).isLessThanOrEqualTo((int) (1.5 * minimum(1_000_000, 10_000)));
    assertThat(p.spans.subList(p.requests() - 20, p.requests() - 1))
        .allMatch(s -> s > 9_000 && s <= 10_000);
  }

  @Test
  void aRangeErrorHalvesAtOnceAndTheRequestIsRepeated() {
    FakeProvider p = new FakeProvider(300, "exceed maximum block range: 300", 0);
    BlockRange r = new BlockRange(1_000, 1, 1_000);
    assertThat(r.fetch(0, 999, p)).isEmpty();
    assertThat(p.spans.subList(0, 3)).containsExactly(1_000L, 300L, 300L);
    assertThat(r.ceiling()).isEqualTo(300);
  }

  @Test
  void aDenseStretchBehindAResultsCapIsReadWhole() {
    FakeProvider p = new FakeProvider(0, "", 10_000);
    long total = 0;
    for (long b = 0; b < 200_000; b += 7) {
      int k = b > 50_000 && b < 60_000 ? 40 : (b % 1000 == 0 ? 1 : 0);
      if (k > 0) {
        p.logs.put(b, k);
        total += k;
      }
    }
    BlockRange r = new BlockRange(16, 1, 1_000_000);
    List<Long> got = r.fetch(0, 199_999, p);
    assertThat(got).hasSize((int) total);
    assertThat(got).isSorted();
    // the span grows back after the dense stretch: the results cap is not a block cap
    assertThat(r.size()).isGreaterThan(10_000);
  }

  @Test
  void errorsNoSmallerRangeFixesAreThrown() {
    BlockRange r = new BlockRange(100, 1, 100);
    assertThatThrownBy(
            () ->
                r.fetch(
                    0,
                    999,
                    (a, b) -> {
                      throw new ChainException(RpcErrorKind.RATE_LIMITED, "rate limit exceeded");
                    }))
        .hasMessageContaining("rate limit");
    assertThat(r.size()).isEqualTo(100);
    BlockRange one = new BlockRange(1, 1, 10);
    FakeProvider p = new FakeProvider(0, "", 1);
    p.logs.put(5L, 2);
    assertThatThrownBy(() -> one.fetch(0, 9, p)).hasMessageContaining("more than 1 results");
  }

  @Test
  void timeoutsShrinkTwiceThenFail() {
    BlockRange r = new BlockRange(1_000, 1, 1_000);
    List<Long> spans = new ArrayList<>();
    assertThatThrownBy(
            () ->
                r.fetch(
                    0,
                    999,
                    (a, b) -> {
                      spans.add(b - a + 1);
                      throw new ChainException(
                          RpcErrorKind.TRANSPORT, "did not answer", new SocketTimeoutException());
                    }))
        .isInstanceOf(ChainException.class);
    assertThat(spans).containsExactly(1_000L, 500L, 250L);
  }

  @Test
  void aStepCoversSeveralRequestsWhenSparseAndFewBlocksWhenDense() {
    BlockRange r = new BlockRange(1_000, 1, 1_000);
    assertThat(r.stepSpan()).isEqualTo(1_000); // nothing known: one request
    r.stepDone(1_000, 0);
    assertThat(r.stepSpan()).isEqualTo(1_000L * BlockRange.STEP_REQUESTS);
    r.stepDone(1_000, 16_000);
    assertThat(r.stepSpan()).isEqualTo(500);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "eth_getLogs is limited to a 10,000 range | 10000",
        "exceed maximum block range: 5000 | 5000",
        "ranges over 2000 blocks are not supported | 2000",
        "block range is too wide | -1",
        "query returned more than 10000 results | -1",
        "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range | -1",
      })
  void readsTheCapAProviderNames(String text, long cap) {
    assertThat(BlockRange.namedCap(text).orElse(-1)).isEqualTo(cap);
  }

  @Test
  void recognisesErrorsASmallerRangeFixes() {
    assertThat(
            BlockRange.isRangeError(
                new ChainException(RpcErrorKind.LOG_RANGE, "query returned more than 10 results")))
        .isTrue();
    assertThat(
            BlockRange.isRangeError(
                new ChainException(RpcErrorKind.TRANSPORT, "x", new SocketTimeoutException("t"))))
        .isTrue();
    assertThat(
            BlockRange.isRangeError(
                new ChainException(RpcErrorKind.TRANSPORT, "connection refused")))
        .isFalse();
    assertThat(
            BlockRange.isRangeError(
                new ChainException(RpcErrorKind.OTHER_RPC_ERROR, "query returned more than 1")))
        .isFalse();
  }
}
