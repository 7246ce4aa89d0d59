package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.identity.ChainProbe.NodeReport;
import io.bridgescope.core.lifecycle.BridgeHealth;
import io.bridgescope.core.lifecycle.PendingByStage;
import io.bridgescope.core.lifecycle.Stall;
import io.bridgescope.core.network.ChainRole;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The health line of {@code status} from the endpoints' reports. */
class StatusHealthTest {

  private static final URI A = URI.create("http://127.0.0.1:1");
  private static final URI B = URI.create("http://127.0.0.1:2");

  private static NodeReport ok(ChainRole r, URI u) {
    return NodeReport.ok(r, u, 10);
  }

  private static NodeReport failed(ChainRole r, URI u, RpcErrorKind k, String words) {
    return NodeReport.failed(r, u, k, words);
  }

  @Test
  void everyEndpointAnsweringIsOk() {
    assertThat(
            StatusCommand.rpcHealth(
                Map.of(
                    ChainRole.ROOT, List.of(ok(ChainRole.ROOT, A)),
                    ChainRole.CHILD, List.of(ok(ChainRole.CHILD, B)))))
        .isEqualTo("ok");
  }

  @Test
  void aDeadPrimaryWithAWorkingFallbackIsDegradedNotUnreachable() {
    assertThat(
            StatusCommand.rpcHealth(
                Map.of(
                    ChainRole.ROOT,
                    List.of(
                        failed(
                            ChainRole.ROOT, A, RpcErrorKind.TRANSPORT, "root node A unreachable"),
                        ok(ChainRole.ROOT, B)),
                    ChainRole.CHILD,
                    List.of(ok(ChainRole.CHILD, B)))))
        .isEqualTo("degraded");
  }

  @Test
  void aChainWithoutAnyAnsweringEndpointIsUnreachable() {
    assertThat(
            StatusCommand.rpcHealth(
                Map.of(
                    ChainRole.ROOT, List.of(ok(ChainRole.ROOT, A)),
                    ChainRole.CHILD,
                        List.of(failed(ChainRole.CHILD, B, RpcErrorKind.TRANSPORT, "timeout")))))
        .startsWith("rpc unreachable")
        .contains("child");
  }

  @Test
  void aWrongChainAnywhereIsTheHealthEvenWithAGoodFallback() {
    assertThat(
            StatusCommand.rpcHealth(
                Map.of(
                    ChainRole.ROOT,
                    List.of(
                        ok(ChainRole.ROOT, A),
                        failed(ChainRole.ROOT, B, RpcErrorKind.WRONG_CHAIN, "wrong chain: B")),
                    ChainRole.CHILD,
                    List.of(ok(ChainRole.CHILD, B)))))
        .isEqualTo("wrong chain: B");
  }

  @Test
  void noEndpointWithTheNeededStateIsMissingHistory() {
    assertThat(
            StatusCommand.rpcHealth(
                Map.of(
                    ChainRole.ROOT,
                    List.of(
                        failed(
                            ChainRole.ROOT,
                            A,
                            RpcErrorKind.MISSING_STATE,
                            "root node A has no historical state for block 3")),
                    ChainRole.CHILD,
                    List.of(ok(ChainRole.CHILD, B)))))
        .startsWith("missing history: ")
        .contains("block 3");
  }

  @Test
  void aStalledRelayerMakesAnOtherwiseOkStatusUnhealthyButAnRpcOutageWins() {
    BridgeHealth stalled =
        new BridgeHealth(
            new PendingByStage(0, 0, 16, 8, 0, 0, 0, 0, 0),
            List.of(new Stall(Stall.Part.EXECUTING, "relayer stopped: nothing executed")));
    BridgeHealth fine = new BridgeHealth(new PendingByStage(0, 0, 0, 0, 0, 0, 0, 0, 0), List.of());
    assertThat(StatusCommand.health("ok", true, null, stalled))
        .isEqualTo("stalled: relayer stopped: nothing executed");
    assertThat(StatusCommand.health("degraded", true, null, fine)).isEqualTo("degraded");
    assertThat(StatusCommand.health("rpc unreachable: x", false, null, stalled))
        .isEqualTo("rpc unreachable: x");
  }
}
