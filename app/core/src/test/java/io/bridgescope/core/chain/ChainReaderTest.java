package io.bridgescope.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.chain.FakeNode.RpcError;
import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.web3j.protocol.core.DefaultBlockParameter;

/** Failover by error kind: missing state tries the archive fallback, a wrong chain is skipped. */
@Timeout(60)
class ChainReaderTest {

  private static final Address TO = Address.ofLow(0xc0de);
  private static final String OUT_OF_RANGE =
      "BlockOutOfRangeError: block height is 40 but requested was 3";

  private FakeNode pruned;
  private FakeNode archive;

  @BeforeEach
  void start() throws Exception {
    pruned = new FakeNode(31337, 40, "a", Set.of(TO));
    archive = new FakeNode(31337, 40, "a", Set.of(TO));
    pruned.on(
        "eth_call",
        p -> {
          throw new RpcError(-32602, OUT_OF_RANGE, null);
        });
    archive.on("eth_call", p -> "0x" + "0".repeat(63) + "7");
  }

  @AfterEach
  void stop() {
    pruned.close();
    archive.close();
  }

  private ChainReader reader(List<FakeNode> nodes, ChainReader.NodeCheck check) {
    return new ChainReader(
        "root",
        nodes.stream().map(FakeNode::url).toList(),
        new BlockRange(10, 1, 10),
        6,
        Duration.ofMillis(1),
        RpcTimeouts.defaults(),
        check);
  }

  private static byte[] callAt3(ChainClient c) {
    return c.call(null, TO, new byte[4], DefaultBlockParameter.valueOf(BigInteger.valueOf(3)));
  }

  @Test
  void missingStateOnThePrimaryIsReadFromTheArchiveFallback() {
    try (ChainReader r = reader(List.of(pruned, archive), ChainReader.NodeCheck.NONE)) {
      assertThat(new BigInteger(1, r.read("view at 3", ChainReaderTest::callAt3))).isEqualTo(7);
      assertThat(r.health().get(0).ok()).isFalse();
      assertThat(r.health().get(0).lastError()).contains("no historical state for block 3");
    }
  }

  @Test
  void missingStateEverywhereStopsAtOnceWithTheAdvice() {
    AtomicInteger asked = new AtomicInteger();
    pruned.on(
        "eth_call",
        p -> {
          asked.incrementAndGet();
          throw new RpcError(-32602, OUT_OF_RANGE, null);
        });
    try (ChainReader r = reader(List.of(pruned), ChainReader.NodeCheck.NONE)) {
      assertThatThrownBy(() -> r.read("view at 3", ChainReaderTest::callAt3))
          .isInstanceOf(MissingStateException.class)
          .hasMessageContaining("configure an archive node for the root chain");
    }
    assertThat(asked).hasValue(1); // retrying cannot bring the state back
  }

  @Test
  void anEndpointOnAnotherChainIsNeverReadFrom() {
    AtomicInteger wrongAsked = new AtomicInteger();
    pruned.on(
        "eth_call",
        p -> {
          wrongAsked.incrementAndGet();
          return "0x" + "0".repeat(63) + "1";
        });
    ChainReader.NodeCheck check =
        c -> {
          if (c.url().equals(pruned.url())) {
            throw WrongChainException.chainId("net", "root", 1, 31337, c.url());
          }
        };
    try (ChainReader r = reader(List.of(pruned, archive), check)) {
      assertThat(new BigInteger(1, r.read("view at 3", ChainReaderTest::callAt3))).isEqualTo(7);
      assertThat(new BigInteger(1, r.read("view at 3", ChainReaderTest::callAt3))).isEqualTo(7);
      assertThat(r.health().get(0).lastError()).contains("reports chain id 31337");
    }
    assertThat(wrongAsked).hasValue(0);
  }

  @Test
  void everyEndpointOnAnotherChainRefusesTheRead() {
    ChainReader.NodeCheck check =
        c -> {
          throw WrongChainException.chainId("net", "root", 1, 31337, c.url());
        };
    try (ChainReader r = reader(List.of(pruned, archive), check)) {
      assertThatThrownBy(() -> r.read("head", ChainClient::blockNumber))
          .isInstanceOf(WrongChainException.class);
    }
  }
}
