package io.bridgescope.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.model.Address;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenesisImporterTest {

  static final URI ROOT = URI.create("https://polygon-rpc.example");
  static final URI CHILD = URI.create("http://127.0.0.1:10002");

  @TempDir Path dir;

  static GenesisImporter.Request request(OptionalLong rootChainId) {
    return new GenesisImporter.Request(
        Optional.empty(),
        List.of(ROOT),
        List.of(CHILD),
        rootChainId,
        OptionalInt.empty(),
        Map.of());
  }

  static EdgeGenesis chainGames() throws Exception {
    return EdgeGenesisImport.read(EdgeGenesisImportTest.fixture("chain-games-69421.json"));
  }

  @Test
  void aRealGenesisBecomesAUsableProfileAskingTheRootNodeForItsChainId() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    NetworkProfile p =
        GenesisImporter.build(
            chainGames(),
            request(OptionalLong.empty()),
            url -> {
              assertThat(url).isEqualTo(ROOT);
              asked.incrementAndGet();
              return 137;
            });
    assertThat(asked).hasValue(1);
    assertThat(p.name()).isEqualTo("polygon-edge-69421");
    assertThat(p.root().chainId()).isEqualTo(137);
    assertThat(p.root().rpcUrls()).containsExactly(ROOT);
    assertThat(p.root().startBlock()).isEqualTo(68985500);
    assertThat(p.child().chainId()).isEqualTo(69421);
    assertThat(p.child().rpcUrls()).containsExactly(CHILD);
    assertThat(p.epochSize()).isEqualTo(719);
    assertThat(p.confirmations()).isEqualTo(GenesisImporter.DEFAULT_CONFIRMATIONS);
    assertThat(p.contracts().exitHelper())
        .isEqualTo(Address.of("0x9A5ac920f7b5d7E945a357b52cFf39929E751818"));
    assertThat(p.contracts().stateReceiver()).isEqualTo(BridgeContracts.EDGE_STATE_RECEIVER);
    assertThat(p.initialValidators()).hasSize(6);
  }

  @Test
  void aGivenRootChainIdNeedsNoNode() throws Exception {
    NetworkProfile p =
        GenesisImporter.build(
            chainGames(),
            request(OptionalLong.of(137)),
            url -> {
              throw new AssertionError("no node must be asked");
            });
    assertThat(p.root().chainId()).isEqualTo(137);
  }

  @Test
  void anUnreachableRootNodeNamesTheFieldAndTheWayOut() throws Exception {
    EdgeGenesis g = chainGames();
    assertThatThrownBy(
            () ->
                GenesisImporter.build(
                    g,
                    request(OptionalLong.empty()),
                    url -> {
                      throw new ChainException(RpcErrorKind.TRANSPORT, "connection refused");
                    }))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("root.chainId: could not ask " + ROOT)
        .hasMessageContaining("--root-chain-id");
  }

  @Test
  void missingUrlsAreReportedTogetherWithoutAskingAnyNode() throws Exception {
    EdgeGenesis g = chainGames();
    GenesisImporter.Request none =
        new GenesisImporter.Request(
            Optional.empty(),
            List.of(),
            List.of(),
            OptionalLong.empty(),
            OptionalInt.empty(),
            Map.of());
    assertThatThrownBy(
            () ->
                GenesisImporter.build(
                    g,
                    none,
                    url -> {
                      throw new AssertionError("no node must be asked");
                    }))
        .isInstanceOf(NetworkConfigException.class)
        .satisfies(
            e ->
                assertThat(((NetworkConfigException) e).problems())
                    .extracting(ConfigProblem::field)
                    .containsExactlyInAnyOrder("root.rpcUrls", "child.rpcUrls"))
        .hasMessageContaining("https://polygon-rpc.com");
  }

  @Test
  void twoSupernetsNeverShareAProfile() throws Exception {
    DataDir data = new DataDir(dir);
    EdgeGenesis a = chainGames();
    EdgeGenesis b = EdgeGenesisImport.read(EdgeGenesisImportTest.fixture("chain-games-7.json"));
    NetworkProfile first = GenesisImporter.build(a, request(OptionalLong.of(137)), u -> 0);
    NetworkProfile second = GenesisImporter.build(b, request(OptionalLong.of(137)), u -> 0);
    data.saveNewProfile(first, false);
    data.saveNewProfile(second, false);
    assertThat(first.name()).isNotEqualTo(second.name());
    assertThat(data.profileNames()).containsExactly("polygon-edge-69421", "polygon-edge-7");
    assertThat(data.profile("polygon-edge-69421")).isEqualTo(first);

    NetworkProfile other = GenesisImporter.build(a, request(OptionalLong.of(1)), u -> 0);
    assertThatThrownBy(() -> data.saveNewProfile(other, false))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("name: a profile named 'polygon-edge-69421' already exists")
        .hasMessageContaining("--force");
    assertThat(data.profile("polygon-edge-69421").root().chainId()).isEqualTo(137);

    DataDir.Saved replaced = data.saveNewProfile(other, true);
    assertThat(replaced.replaced()).isTrue();
    assertThat(data.profile("polygon-edge-69421").root().chainId()).isEqualTo(1);
  }

  @Test
  void theDemoNameIsNotTaken() throws Exception {
    EdgeGenesis g = chainGames();
    GenesisImporter.Request r =
        new GenesisImporter.Request(
            Optional.of("devnet"),
            List.of(ROOT),
            List.of(CHILD),
            OptionalLong.of(137),
            OptionalInt.empty(),
            Map.of());
    assertThatThrownBy(() -> GenesisImporter.build(g, r, u -> 0))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("name: 'devnet' is the embedded demo's profile");
  }

  @Test
  void aV08GenesisNeedsTheExitHelperGiven() {
    // Synthetic v0.8 genesis (see EdgeGenesisImportTest): no exitHelper in its bridge section.
    String json =
        "{\"genesis\":{},\"params\":{\"chainID\":5,\"engine\":{\"polybft\":{\"epochSize\":10,"
            + "\"bridge\":{\"stateSenderAddr\":\"0x"
            + "22".repeat(20)
            + "\",\"checkpointAddr\":\"0x"
            + "33".repeat(20)
            + "\",\"rootERC20PredicateAddr\":\"0x"
            + "44".repeat(20)
            + "\"}}}}}";
    EdgeGenesis g = EdgeGenesisImport.parse(json, "synthetic v0.8");
    assertThatThrownBy(() -> GenesisImporter.build(g, request(OptionalLong.of(1)), u -> 0))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("contracts.exitHelper: the genesis does not name it")
        .hasMessageContaining("--contract exitHelper=0x");
    Address helper = Address.of("0x" + "55".repeat(20));
    GenesisImporter.Request withHelper =
        new GenesisImporter.Request(
            Optional.empty(),
            List.of(ROOT),
            List.of(CHILD),
            OptionalLong.of(1),
            OptionalInt.of(0),
            Map.of("exitHelper", helper));
    NetworkProfile p = GenesisImporter.build(g, withHelper, u -> 0);
    assertThat(p.contracts().exitHelper()).isEqualTo(helper);
    assertThat(p.confirmations()).isZero();
    assertThat(p.name()).isEqualTo("edge-5");
  }

  @Test
  void profilesKeepTheirValidatorsThroughTheFile() throws Exception {
    NetworkProfile p = GenesisImporter.build(chainGames(), request(OptionalLong.of(137)), u -> 0);
    Path file = dir.resolve("p.json");
    NetworkProfileJson.write(p, file);
    assertThat(NetworkProfileJson.read(file)).isEqualTo(p);
    String tampered =
        Files.readString(file)
            .replaceFirst("\"votingPower\" : \"\\d+\"", "\"votingPower\" : \"x\"");
    assertThatThrownBy(() -> NetworkProfileJson.parse(tampered, "tampered"))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("initialValidators[0].votingPower: 'x' is not a decimal number");
  }

  @Test
  void aGenesisPassedAsAProfileSaysHowToImportIt() throws Exception {
    Path genesis = EdgeGenesisImportTest.fixture("chain-games-7.json");
    assertThatThrownBy(() -> new DataDir(dir).profile(genesis.toString()))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("bridgescope networks import " + genesis);
    assertThatThrownBy(() -> new DataDir(dir).profile("nosuch"))
        .hasMessageContaining("bridgescope networks import");
  }
}
