package io.bridgescope.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.bridgescope.core.chain.FakeNode.RpcError;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Provider limits and lies through the reader: range errors, Retry-After, untrusted nodes. */
@Timeout(60)
class ProviderTrustTest {

  private static final Address C = Address.ofLow(0xc0de);
  private static final Hash32 T = Hash32.of("0x" + "ab".repeat(32));

  private FakeNode a;
  private FakeNode b;

  @BeforeEach
  void start() throws Exception {
    a = new FakeNode(31337, 1_000, "a", Set.of(C));
    b = new FakeNode(31337, 1_000, "a", Set.of(C));
    a.on("eth_getLogs", ProviderTrustTest::capped);
    b.on("eth_getLogs", ProviderTrustTest::capped);
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
  }

  /** No logs, but more than 100 blocks is refused in a real provider's words. */
  private static Object capped(JsonNode p) {
    long from = Quantity.parse("from", p.get(0).path("fromBlock").asText());
    long to = Quantity.parse("to", p.get(0).path("toBlock").asText());
    if (to - from + 1 > 100) {
      throw new RpcError(-32005, "eth_getLogs is limited to a 100 range", null);
    }
    return List.of();
  }

  private static Map<String, Object> log(long block) {
    return Map.of(
        "address",
        C.toString(),
        "topics",
        List.of(T.toString()),
        "data",
        "0x",
        "blockNumber",
        FakeNode.hex(block),
        "blockHash",
        "0x" + "11".repeat(32),
        "transactionHash",
        "0x" + "22".repeat(32),
        "transactionIndex",
        "0x0",
        "logIndex",
        "0x0",
        "removed",
        false);
  }

  private ChainReader reader(FakeNode... nodes) {
    return new ChainReader(
        "root",
        java.util.Arrays.stream(nodes).map(FakeNode::url).toList(),
        new BlockRange(1_000, 1, 1_000),
        6,
        Duration.ofSeconds(5), // a backoff would show as a timeout of this test
        RpcTimeouts.defaults(),
        ChainReader.NodeCheck.NONE);
  }

  @Test
  void aRangeErrorHalvesAtOnceOnTheSameNodeWhichStaysUp() {
    try (ChainReader r = reader(a, b)) {
      assertThat(r.logs(List.of(C), List.of(T), 0, 999)).isEmpty();
      assertThat(r.range().ceiling()).isEqualTo(100);
      assertThat(b.requests.get()).isZero();
      assertThat(r.health().get(0).ok()).isTrue();
      // 1,000 refused, then ten of 100
      assertThat(a.requests.get()).isEqualTo(11);
    }
  }

  @Test
  void a429IsWaitedOutAsToldOnTheSameNode() {
    a.throttle(2, "1");
    try (ChainReader r = reader(a, b)) {
      Instant t0 = Instant.now();
      assertThat(r.head()).isEqualTo(1_000);
      assertThat(Duration.between(t0, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
      assertThat(a.requests.get()).isEqualTo(3);
      assertThat(b.requests.get()).isZero();
      assertThat(r.health().get(0).ok()).isTrue();
    }
  }

  @Test
  void retryAfterIsReadAsSecondsOrAnHttpDate() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(RetryAfter.parse("2", now)).contains(Duration.ofSeconds(2));
    assertThat(RetryAfter.parse("0.25", now)).contains(Duration.ofMillis(250));
    assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:00:03 GMT", now))
        .contains(Duration.ofSeconds(3));
    assertThat(RetryAfter.parse("soon", now)).isEmpty();
    assertThat(RetryAfter.parse("-1", now)).isEmpty();
  }

  @Test
  void aNodeReturningLogsOutsideTheRangeIsNamedAndDroppedForTheFallback() {
    a.on("eth_getLogs", p -> List.of(log(5_000)));
    try (ChainReader r = reader(a, b)) {
      assertThat(r.logs(List.of(C), List.of(T), 0, 99)).isEmpty();
      assertThat(r.health().get(0).ok()).isFalse();
      assertThat(r.health().get(0).lastError())
          .contains(a.url().toString())
          .contains("no longer trusted");
      int asked = a.requests.get();
      r.head();
      r.logs(List.of(C), List.of(T), 100, 199);
      assertThat(a.requests.get()).isEqualTo(asked); // never asked again
    }
  }

  @Test
  void aLyingNodeAloneStopsTheReadWithItsName() {
    a.on("eth_getLogs", p -> List.of(log(5_000)));
    try (ChainReader r = reader(a)) {
      assertThatThrownBy(() -> r.logs(List.of(C), List.of(T), 0, 99))
          .isInstanceOf(UntrustedNodeException.class)
          .hasMessageContaining(a.url().toString())
          .hasMessageContaining("block 5000");
    }
  }

  @Test
  void aDeepBlockWhoseHashChangesIsALieAShallowOneAReorg() {
    try (ChainReader r = reader(a)) {
      r.head();
      r.blocks(List.of(10L, 990L));
      a.on(
          "eth_getBlockByNumber",
          p -> {
            long n = Quantity.parse("n", p.get(0).asText());
            return Map.of(
                "number",
                FakeNode.hex(n),
                "hash",
                "0x" + "77".repeat(31) + String.format("%02x", n % 256),
                "parentHash",
                "0x" + "66".repeat(32),
                "timestamp",
                "0x1",
                "transactions",
                List.of());
          });
      assertThat(r.blocks(List.of(990L))).containsKey(990L); // 10 below the head: a reorg
      assertThatThrownBy(() -> r.blocks(List.of(10L)))
          .isInstanceOf(UntrustedNodeException.class)
          .hasMessageContaining(a.url().toString())
          .hasMessageContaining("block 10 the hash");
    }
  }
}
