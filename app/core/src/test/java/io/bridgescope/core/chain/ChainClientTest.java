package io.bridgescope.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.chain.FakeNode.RpcError;
import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.web3j.protocol.core.DefaultBlockParameter;

/** Every node error reaches the caller typed; none becomes a revert reason or a value. */
@Timeout(60) // a safety net: a client without timeouts would hang on the hanging node
class ChainClientTest {

  private static final Address TO = Address.ofLow(0xc0de);
  private static final RpcTimeouts SHORT =
      new RpcTimeouts(Duration.ofMillis(500), Duration.ofMillis(800));

  private FakeNode node;
  private ChainClient client;

  @BeforeEach
  void start() throws Exception {
    node = new FakeNode(31337, 32, "a", Set.of(TO));
    // generous: a loaded machine is slow, not a failing node (the hanging test uses SHORT)
    client = new ChainClient("root", node.url(), RpcTimeouts.defaults());
  }

  @AfterEach
  void stop() {
    client.close();
    node.close();
  }

  private byte[] callAt(long block) {
    return client.call(null, TO, new byte[] {1, 2, 3, 4}, at(block));
  }

  private static DefaultBlockParameter at(long block) {
    return DefaultBlockParameter.valueOf(BigInteger.valueOf(block));
  }

  @Test
  void anOldBlockOnANodeWithoutHistoryIsMissingStateNamingTheBlock() {
    node.on(
        "eth_call",
        p -> {
          throw new RpcError(
              -32602, "BlockOutOfRangeError: block height is 32 but requested was 2", null);
        });
    assertThatThrownBy(() -> callAt(2))
        .isInstanceOfSatisfying(
            MissingStateException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RpcErrorKind.MISSING_STATE);
              assertThat(e.block()).isEqualTo(2);
              assertThat(e.revertReason()).isNull();
            })
        .hasMessageContaining(node.url().toString())
        .hasMessageContaining("has no historical state for block 2")
        .hasMessageContaining("configure an archive node");
  }

  @Test
  void aRevertCarriesItsDecodedReason() {
    // Error(string) "NO_COMMITMENT_FOR_ID"
    String data =
        "0x08c379a0"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "0000000000000000000000000000000000000000000000000000000000000014"
            + "4e4f5f434f4d4d49544d454e545f464f525f4944000000000000000000000000";
    node.on(
        "eth_call",
        p -> {
          throw new RpcError(3, "execution reverted: NO_COMMITMENT_FOR_ID", data);
        });
    assertThatThrownBy(() -> callAt(5))
        .isInstanceOfSatisfying(
            ChainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RpcErrorKind.REVERT);
              assertThat(e.revertReason()).isEqualTo("NO_COMMITMENT_FOR_ID");
            });
  }

  @Test
  void aRateLimitIsNotARevert() {
    node.on(
        "eth_call",
        p -> {
          throw new RpcError(-32005, "daily request count exceeded, request rate limited", null);
        });
    assertThatThrownBy(() -> callAt(5))
        .isInstanceOfSatisfying(
            ChainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RpcErrorKind.RATE_LIMITED);
              assertThat(e.revertReason()).isNull();
            });
  }

  @Test
  void aRefusedTransactionIsRejectedWithTheNodesWords() {
    node.on(
        "eth_sendRawTransaction",
        p -> {
          throw new RpcError(-32000, "nonce too low", null);
        });
    assertThatThrownBy(() -> client.sendRaw(new byte[] {1}))
        .isInstanceOfSatisfying(
            ChainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RpcErrorKind.REJECTED);
              assertThat(e.revertReason()).isEqualTo("nonce too low");
            });
  }

  @Test
  void aHangingNodeIsCutOffByTheCallTimeoutAndNamed() {
    node.hang();
    ChainClient impatient = new ChainClient("root", node.url(), SHORT);
    assertThatThrownBy(impatient::blockNumber)
        .isInstanceOfSatisfying(
            ChainException.class, e -> assertThat(e.kind()).isEqualTo(RpcErrorKind.TRANSPORT))
        .hasMessageContaining(node.url().toString())
        .hasMessageContaining("did not answer eth_blockNumber within");
    impatient.close();
  }

  @Test
  void codeAndGenesisHashAreRead() {
    assertThat(client.code(TO)).isNotEmpty();
    assertThat(client.code(Address.ofLow(0xdead))).isEmpty();
    assertThat(client.blockHash(0)).isEqualTo(node.hashOf(0));
  }
}
