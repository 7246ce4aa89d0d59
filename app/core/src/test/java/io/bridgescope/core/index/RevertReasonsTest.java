package io.bridgescope.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.chain.BlockRange;
import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.chain.FakeNode;
import io.bridgescope.core.chain.FakeNode.RpcError;
import io.bridgescope.core.chain.RpcTimeouts;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.store.rows.SubmissionRevert;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A failed submission's reason: the Otterscan API's revert data, else a replay with eth_call on the
 * state before its block, else "reverted, reason unavailable"; against a JSON-RPC node on loopback.
 */
@Timeout(60)
class RevertReasonsTest {

  private static final Address MANAGER = Address.ofLow(0xc4);
  private static final Hash32 TX = Hash32.of("0x" + "ab".repeat(32));
  private static final String REVERT =
      Hex.encode(
          Abi.call(
              "Error(string)",
              AbiValue.bytes(
                  "INSUFFICIENT_VOTING_POWER".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
  private FakeNode node;

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void theOtterscanApiGivesTheRealRevertData() throws Exception {
    node = new FakeNode(31337, 100, "a", Set.of(MANAGER));
    node.on("ots_getTransactionError", p -> REVERT);
    assertThat(reasons().of(TX, Address.ofLow(1), MANAGER, new byte[4], 50))
        .isEqualTo(new SubmissionRevert(TX, "INSUFFICIENT_VOTING_POWER", "otterscan", 50));
  }

  @Test
  void withoutItTheCallIsReplayedOnTheStateBeforeItsBlock() throws Exception {
    node = new FakeNode(31337, 100, "a", Set.of(MANAGER));
    AtomicInteger askedOts = new AtomicInteger();
    node.on(
        "ots_getTransactionError",
        p -> {
          askedOts.incrementAndGet();
          throw new RpcError(-32601, "the method does not exist", null);
        });
    node.on(
        "eth_call",
        p -> {
          assertThat(p.get(1).asText()).isEqualTo("0x31"); // block 49
          throw new RpcError(3, "execution reverted", REVERT);
        });
    RevertReasons r = reasons();
    assertThat(r.of(TX, Address.ofLow(1), MANAGER, new byte[4], 50).source()).isEqualTo("replay");
    assertThat(r.of(TX, Address.ofLow(1), MANAGER, new byte[4], 50).reason())
        .isEqualTo("INSUFFICIENT_VOTING_POWER");
    assertThat(askedOts).as("a node without the API is asked once").hasValue(1);
  }

  @Test
  void aNodeWithoutTheStateGivesNoReasonAndSaysSo() throws Exception {
    node = new FakeNode(31337, 100, "a", Set.of(MANAGER));
    node.on(
        "eth_call",
        p -> {
          throw new RpcError(
              -32602, "BlockOutOfRangeError: block height is 100 but requested was 49", null);
        });
    assertThat(reasons().of(TX, Address.ofLow(1), MANAGER, new byte[4], 50))
        .isEqualTo(new SubmissionRevert(TX, SubmissionRevert.UNAVAILABLE, "none", 50));
  }

  private RevertReasons reasons() {
    return new RevertReasons(
        new ChainReader(
            "root",
            List.of(node.url()),
            new BlockRange(10, 1, 10),
            3,
            Duration.ofMillis(1),
            RpcTimeouts.defaults(),
            ChainReader.NodeCheck.NONE));
  }
}
