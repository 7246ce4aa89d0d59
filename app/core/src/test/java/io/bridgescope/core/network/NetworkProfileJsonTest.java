package io.bridgescope.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.model.Address;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkProfileJsonTest {

  static NetworkProfile sample() {
    return NetworkProfile.builder()
        .name("devnet")
        .root(
            new ChainConfig(
                31337,
                List.of(URI.create("http://127.0.0.1:8545"), URI.create("ws://127.0.0.1:8546")),
                0,
                Optional.of(URI.create("https://explorer.example"))))
        .child(new ChainConfig(100, List.of(URI.create("http://127.0.0.1:10002")), 5))
        .stateSender(Address.ofLow(0xa1))
        .checkpointManager(Address.ofLow(0xa2))
        .exitHelper(Address.ofLow(0xa3))
        .rootErc20Predicate(Address.ofLow(0xa4))
        .epochSize(10)
        .confirmations(0)
        .build();
  }

  @Test
  void profileSurvivesWriteAndRead(@TempDir Path dir) throws Exception {
    NetworkProfile p = sample();
    Path file = dir.resolve("devnet.json");
    NetworkProfileJson.write(p, file);
    assertThat(NetworkProfileJson.read(file)).isEqualTo(p);
  }

  @Test
  void theOptionalNftPredicatesSurviveWriteAndReadAndAreCheckedLikeTheOthers(@TempDir Path dir)
      throws Exception {
    assertThat(sample().contracts().rootErc721PredicateIfAny()).isEmpty();
    assertThat(NetworkProfileJson.toJson(sample())).doesNotContain("rootErc721Predicate");
    NetworkProfile p =
        sample().toBuilder()
            .rootErc721Predicate(Address.ofLow(0x721))
            .rootErc1155Predicate(Address.ofLow(0x1155))
            .build();
    Path file = dir.resolve("nft.json");
    NetworkProfileJson.write(p, file);
    NetworkProfile back = NetworkProfileJson.read(file);
    assertThat(back).isEqualTo(p);
    assertThat(back.contracts().rootErc721PredicateIfAny()).contains(Address.ofLow(0x721));
    assertThat(back.contracts().rootErc1155PredicateIfAny()).contains(Address.ofLow(0x1155));
    assertThatThrownBy(
            () ->
                sample().toBuilder()
                    .rootErc721Predicate(sample().contracts().rootErc20Predicate())
                    .build())
        .hasMessageContaining("contracts.rootErc721Predicate");
  }

  @Test
  void aHugeValueIsQuotedCutInTheMessage() {
    String huge = "9".repeat(1_000_000);
    String json =
        NetworkProfileJson.toJson(sample())
            .replace("\"0x00000000000000000000000000000000000000a1\"", "\"" + huge + "\"");
    assertThatThrownBy(() -> NetworkProfileJson.parse(json, "test"))
        .isInstanceOfSatisfying(
            NetworkConfigException.class,
            e -> {
              assertThat(e.getMessage()).contains("'" + "9".repeat(80) + "…' (1000000 characters)");
              assertThat(e.getMessage().length()).isLessThan(1000);
            });
    assertThat(ConfigProblem.quoted("a\u0000b")).isEqualTo("'a?b'");
  }

  @Test
  void childContractsDefaultToEdgeSystemAddresses() {
    BridgeContracts c = sample().contracts();
    assertThat(c.stateReceiver()).hasToString("0x0000000000000000000000000000000000001001");
    assertThat(c.l2StateSender()).hasToString("0x0000000000000000000000000000000000001002");
    assertThat(c.childErc20Predicate()).hasToString("0x0000000000000000000000000000000000001004");
    assertThat(c.validatorSet()).hasToString("0x0000000000000000000000000000000000000101");
    assertThat(sample().blsScheme()).isEqualTo(BlsSchemeName.BN254_EDGE);
  }

  @Test
  void shippedExampleIsValid() {
    Path example =
        Path.of(System.getProperty("bridgescope.root"), "resources/networks/example.json");
    NetworkProfile p = NetworkProfileJson.read(example);
    assertThat(p.root().rpcUrls()).hasSize(2);
    assertThat(p.confirmations()).isEqualTo(12);
  }

  @Test
  void badUrlAndMissingContractAreNamedByField() {
    String json =
        NetworkProfileJson.toJson(sample())
            .replace("ws://127.0.0.1:8546", "htp://x")
            .replaceAll("\"exitHelper\" : \"0x[0-9a-f]+\",", "");
    assertThatThrownBy(() -> NetworkProfileJson.parse(json, "test"))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("root.rpcUrls[1]: 'htp://x' is not an http(s) or ws(s) URL")
        .hasMessageContaining(
            "contracts.exitHelper: missing — set it, or create the profile from the chain's genesis.json with `bridgescope networks import");
  }

  @Test
  void typoIsReportedAsUnknownFieldAndWrongTypesAsSuch() {
    String json =
        NetworkProfileJson.toJson(sample())
            .replace("\"epochSize\"", "\"epochSise\"")
            .replace("\"chainId\" : 100", "\"chainId\" : \"hundred\"");
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            NetworkConfigException.class, () -> NetworkProfileJson.parse(json, "test"));
    assertThat(e.problems())
        .extracting(ConfigProblem::field)
        .contains("epochSise", "epochSize", "child.chainId");
    assertThat(e.getMessage()).contains("child.chainId: expected a whole number, got \"hundred\"");
  }

  @Test
  void builderListsEverythingMissing() {
    var problems = NetworkProfile.builder().problems();
    assertThat(problems)
        .extracting(ConfigProblem::field)
        .contains(
            "name",
            "root.chainId",
            "root.rpcUrls",
            "child.chainId",
            "contracts.stateSender",
            "contracts.exitHelper",
            "epochSize",
            "confirmations");
  }

  @Test
  void sameChainIdTwiceAndZeroAddressAreRejected() {
    assertThatThrownBy(
            () -> sample().toBuilder().childChainId(31337).exitHelper(Address.ZERO).build())
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("child.chainId: same as root.chainId (31337)")
        .hasMessageContaining("contracts.exitHelper: is the zero address");
  }

  @Test
  void newerFormatIsRefused() {
    String json = NetworkProfileJson.toJson(sample()).replace("\"format\" : 1", "\"format\" : 2");
    assertThatThrownBy(() -> NetworkProfileJson.parse(json, "test"))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("format: 2 is not understood");
  }
}
