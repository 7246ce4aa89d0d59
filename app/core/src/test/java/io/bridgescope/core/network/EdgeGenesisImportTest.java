package io.bridgescope.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.model.Address;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeGenesisImportTest {

  private static Path fixture() throws Exception {
    return Path.of(EdgeGenesisImportTest.class.getResource("edge-genesis.json").toURI());
  }

  @Test
  void importsBridgeSectionOfEdgeV13Genesis() throws Exception {
    NetworkProfileBuilder b = EdgeGenesisImport.read(fixture());
    // what a genesis cannot know is reported as missing, nothing else
    assertThat(b.problems())
        .extracting(ConfigProblem::field)
        .containsExactlyInAnyOrder("root.chainId", "child.rpcUrls", "confirmations");

    NetworkProfile p =
        b.rootChainId(1337)
            .childRpcUrls(List.of(URI.create("http://127.0.0.1:10002")))
            .confirmations(2)
            .build();
    assertThat(p.name()).isEqualTo("my-supernet");
    assertThat(p.child().chainId()).isEqualTo(100);
    assertThat(p.epochSize()).isEqualTo(10);
    assertThat(p.root().rpcUrls()).containsExactly(URI.create("http://127.0.0.1:8545"));
    assertThat(p.root().startBlock()).isEqualTo(4321);
    assertThat(p.contracts().stateSender())
        .isEqualTo(Address.of("0x6fe03c2768c9d800aa3d9e6ff5e1e6d0d6dc5d0a"));
    assertThat(p.contracts().checkpointManager())
        .isEqualTo(Address.of("0x3d46a809d5767b81a8836f0e79145ba615a2dd61"));
    assertThat(p.contracts().exitHelper())
        .isEqualTo(Address.of("0x947a581b2713f58a8145201da41bcb6aae90196b"));
    assertThat(p.contracts().rootErc20Predicate())
        .isEqualTo(Address.of("0x1af6ae0d7e7d2a3e8fa1d3ee9e81a8f2d7c1b7c5"));
    assertThat(p.contracts().stateReceiver()).isEqualTo(BridgeContracts.EDGE_STATE_RECEIVER);
    assertThat(p.blsScheme()).isEqualTo(BlsSchemeName.BN254_EDGE);
  }

  @Test
  void genesisWithoutBridgeSaysSo() {
    String json =
        "{\"name\":\"x\",\"params\":{\"chainID\":5,\"engine\":{\"polybft\":{\"epochSize\":10}}}}";
    assertThatThrownBy(() -> EdgeGenesisImport.parse(json, "genesis", NetworkProfile.builder()))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("params.engine.polybft.bridge: missing");
  }

  @Test
  void badAddressInGenesisNamesTheGenesisField() {
    String json =
        "{\"params\":{\"chainID\":5,\"engine\":{\"polybft\":{\"epochSize\":10,"
            + "\"bridge\":{\"exitHelperAddress\":\"0x12\"}}}}}";
    assertThatThrownBy(() -> EdgeGenesisImport.parse(json, "genesis", NetworkProfile.builder()))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("params.engine.polybft.bridge.exitHelperAddress: '0x12'");
  }
}
