package io.bridgescope.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.chain.FakeNode;
import io.bridgescope.core.chain.FakeNode.RpcError;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.chain.RpcTimeouts;
import io.bridgescope.core.identity.ChainProbe.NodeReport;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.ChainConfig;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What status learns from each endpoint, within one deadline whatever the nodes do. */
@Timeout(60)
class ChainProbeTest {

  private static final Set<Address> ROOT =
      Set.of(Address.ofLow(0xa1), Address.ofLow(0xa2), Address.ofLow(0xa3), Address.ofLow(0xa4));
  private static final Set<Address> CHILD =
      Set.of(
          BridgeContracts.EDGE_STATE_RECEIVER,
          BridgeContracts.EDGE_L2_STATE_SENDER,
          BridgeContracts.EDGE_CHILD_ERC20_PREDICATE,
          BridgeContracts.EDGE_VALIDATOR_SET);
  private static final RpcTimeouts SHORT =
      new RpcTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1));

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private FakeNode node(long chainId, Set<Address> code) throws Exception {
    FakeNode n = new FakeNode(chainId, 50, "g" + chainId, code);
    open.add(n);
    return n;
  }

  /** A port where nothing listens: connection refused. */
  private static URI dead() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort());
    }
  }

  private static NetworkProfile profile(List<URI> root, List<URI> child) {
    return NetworkProfile.builder()
        .name("probe")
        .root(new ChainConfig(1, root, 0))
        .child(new ChainConfig(100, child, 0))
        .stateSender(Address.ofLow(0xa1))
        .checkpointManager(Address.ofLow(0xa2))
        .exitHelper(Address.ofLow(0xa3))
        .rootErc20Predicate(Address.ofLow(0xa4))
        .epochSize(10)
        .confirmations(1)
        .build();
  }

  /** Generous timeouts (a loaded machine is slow, not a failing node) unless a test hangs one. */
  private Map<ChainRole, List<NodeReport>> probe(NetworkProfile p, Duration deadline) {
    return probe(p, RpcTimeouts.defaults(), deadline);
  }

  private Map<ChainRole, List<NodeReport>> probe(
      NetworkProfile p, RpcTimeouts timeouts, Duration deadline) {
    return new ChainProbe(p, Database.open(dir.resolve("index.db")), timeouts).run(deadline);
  }

  @Test
  void aDeadPrimaryWithAWorkingFallbackIsReportedPerEndpoint() throws Exception {
    URI deadRoot = dead();
    FakeNode root = node(1, ROOT);
    FakeNode child = node(100, CHILD);
    var reports =
        probe(profile(List.of(deadRoot, root.url()), List.of(child.url())), Duration.ofSeconds(20));
    List<NodeReport> r = reports.get(ChainRole.ROOT);
    assertThat(r.get(0).ok()).isFalse();
    assertThat(r.get(0).problem()).contains(RpcErrorKind.TRANSPORT);
    assertThat(r.get(0).error().orElseThrow()).contains(deadRoot.toString());
    assertThat(r.get(1).ok()).isTrue();
    assertThat(r.get(1).head()).hasValue(50);
    assertThat(reports.get(ChainRole.CHILD)).allMatch(NodeReport::ok);
  }

  @Test
  void aNodeThatNeverAnswersIsNamedWhenItsTimeoutOrTheDeadlinePasses() throws Exception {
    FakeNode hanging = node(1, ROOT);
    hanging.hang();
    FakeNode child = node(100, CHILD);
    var reports =
        probe(profile(List.of(hanging.url()), List.of(child.url())), SHORT, Duration.ofSeconds(20));
    NodeReport r = reports.get(ChainRole.ROOT).get(0);
    assertThat(r.problem()).contains(RpcErrorKind.TRANSPORT);
    assertThat(r.error().orElseThrow()).contains(hanging.url().toString());
    assertThat(reports.get(ChainRole.CHILD).get(0).ok()).isTrue();

    // with a timeout longer than the deadline, the deadline names it
    var late =
        probe(
            profile(List.of(hanging.url()), List.of(child.url())),
            RpcTimeouts.defaults(),
            Duration.ofSeconds(1));
    assertThat(late.get(ChainRole.ROOT).get(0).error().orElseThrow())
        .contains(hanging.url().toString())
        .contains("gave no answer within 1 s");
  }

  @Test
  void aNodeWithoutTheStateTheIndexerNeedsIsMissingState() throws Exception {
    FakeNode child = node(100, CHILD);
    FakeNode root = node(1, ROOT);
    for (FakeNode n : List.of(child, root)) {
      n.on(
          "eth_getCode",
          p -> {
            if (!p.get(1).asText().equals("latest")) {
              throw new RpcError(
                  -32602, "BlockOutOfRangeError: block height is 50 but requested was 0", null);
            }
            return "0x6080";
          });
    }
    var reports = probe(profile(List.of(root.url()), List.of(child.url())), Duration.ofSeconds(20));
    NodeReport r = reports.get(ChainRole.CHILD).get(0);
    assertThat(r.problem()).contains(RpcErrorKind.MISSING_STATE);
    assertThat(r.error()).get().asString().contains("configure an archive node");
    // The root index needs no history (ADR 0011): a pruned root node is fine here.
    assertThat(reports.get(ChainRole.ROOT).get(0).ok()).isTrue();
  }

  @Test
  void aNodeOfAnotherChainIsWrongChain() throws Exception {
    FakeNode other = node(31337, ROOT);
    var reports =
        probe(
            profile(List.of(other.url()), List.of(node(100, CHILD).url())), Duration.ofSeconds(20));
    NodeReport r = reports.get(ChainRole.ROOT).get(0);
    assertThat(r.problem()).isEqualTo(Optional.of(RpcErrorKind.WRONG_CHAIN));
    assertThat(r.error().orElseThrow()).contains("reports chain id 31337");
  }
}
