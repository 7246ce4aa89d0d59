package io.bridgescope.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.chain.BlockRange;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.chain.FakeNode;
import io.bridgescope.core.chain.FakeNode.RpcError;
import io.bridgescope.core.chain.MissingStateException;
import io.bridgescope.core.chain.Quantity;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.chain.RpcTimeouts;
import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CheckpointManager history on a node without old state: the finder stops loudly where it used
 * to read the error as "not deployed yet" (zero) and skip every checkpoint before the head.
 */
@Timeout(60)
class CheckpointFinderTest {

  private static final Address MANAGER = Address.ofLow(0xc4);
  private static final long HEAD = 300;
  private FakeNode node;

  @AfterEach
  void stop() {
    node.close();
  }

  private CheckpointFinder finder() {
    ChainReader r =
        new ChainReader(
            "root",
            List.of(node.url()),
            new BlockRange(10, 1, 10),
            3,
            Duration.ofMillis(1),
            RpcTimeouts.defaults(),
            ChainReader.NodeCheck.NONE);
    return new CheckpointFinder(r, MANAGER);
  }

  /** anvil --prune-history: only the head's state; the value 25 checkpoints would give. */
  private void prunedNode() throws Exception {
    node = new FakeNode(31337, HEAD, "a", Set.of(MANAGER));
    node.on(
        "eth_call",
        p -> {
          long b = Quantity.parse("block", p.get(1).asText());
          if (b < HEAD) {
            throw new RpcError(
                -32602,
                "BlockOutOfRangeError: block height is " + HEAD + " but requested was " + b,
                null);
          }
          return "0x" + String.format("%064x", 250);
        });
  }

  @Test
  void aNodeWithoutHistoryStopsTheSearchInsteadOfReadingZero() throws Exception {
    prunedNode();
    CheckpointFinder f = finder();
    assertThatThrownBy(() -> f.valueAt(120))
        .isInstanceOfSatisfying(
            MissingStateException.class, e -> assertThat(e.block()).isEqualTo(120))
        .hasMessageContaining("configure an archive node");
    assertThatThrownBy(() -> f.changedBlocks(1, BigInteger.ZERO, HEAD))
        .isInstanceOf(MissingStateException.class);
  }

  @Test
  void zeroOnlyWhereTheContractHasNoCodeYet() throws Exception {
    node = new FakeNode(31337, HEAD, "a", Set.of());
    node.on("eth_call", p -> "0x");
    assertThat(finder().valueAt(10)).isZero();
  }

  @Test
  void noDataFromAContractWithCodeIsAnError() throws Exception {
    node = new FakeNode(31337, HEAD, "a", Set.of(MANAGER));
    node.on("eth_call", p -> "0x");
    assertThatThrownBy(() -> finder().valueAt(10))
        .isInstanceOfSatisfying(
            ChainException.class, e -> assertThat(e.kind()).isEqualTo(RpcErrorKind.BAD_REPLY))
        .hasMessageContaining("no data although the contract has code");
  }

  @Test
  void aRevertIsReportedNotReadAsZero() throws Exception {
    node = new FakeNode(31337, HEAD, "a", Set.of(MANAGER));
    node.on(
        "eth_call",
        p -> {
          throw new RpcError(3, "execution reverted", "0x");
        });
    assertThatThrownBy(() -> finder().valueAt(10))
        .isInstanceOfSatisfying(
            ChainException.class, e -> assertThat(e.kind()).isEqualTo(RpcErrorKind.REVERT))
        .hasMessageContaining("check checkpointManager in the network profile");
  }
}
