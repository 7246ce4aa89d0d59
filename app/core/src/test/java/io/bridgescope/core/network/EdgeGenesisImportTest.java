package io.bridgescope.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.store.rows.ValidatorEntry;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Reads real Edge genesis files (app/core/src/test/resources/genesis/README.md names their
 * sources). Inline JSON below is synthetic and says so: it covers shapes no public file showed.
 */
class EdgeGenesisImportTest {

  static Path fixture(String name) throws Exception {
    return Path.of(EdgeGenesisImportTest.class.getResource("/genesis/" + name).toURI());
  }

  private static final BigInteger STAKE_250K = new BigInteger("250000000000000000000000");

  @Test
  void readsTheChainGamesSupernetGenesis() throws Exception {
    EdgeGenesis g = EdgeGenesisImport.read(fixture("chain-games-69421.json"));

    assertThat(g.genesisName()).contains("polygon-edge");
    assertThat(g.defaultProfileName()).isEqualTo("polygon-edge-69421");
    assertThat(g.childChainId()).isEqualTo(69421);
    assertThat(g.epochSize()).isEqualTo(719);
    assertThat(g.rootContracts())
        .containsEntry("stateSender", Address.of("0x83E429718D06aB9587F94658712a914D8174b36d"))
        .containsEntry(
            "checkpointManager", Address.of("0x4Afb46Fa0bf291b41D0c10177f064a47c630B7Aa"))
        .containsEntry("exitHelper", Address.of("0x9A5ac920f7b5d7E945a357b52cFf39929E751818"))
        .containsEntry(
            "rootErc20Predicate", Address.of("0x23025f45Ba0B203b72905327EBE8F1D6d1113902"))
        // the NFT bridges the genesis names too (optional in a profile)
        .containsEntry(
            "rootErc721Predicate", Address.of("0x93C903Fd52396cFaC101FD161E602cf24A6fFC70"))
        .containsEntry(
            "rootErc1155Predicate", Address.of("0x2102075c1315EFFf1b6e9bc7225f9a1c75ab65Da"))
        // and the root side of the child-native bridges, where root mirrors live
        .containsEntry(
            "childMintableErc20Predicate", Address.of("0x91613A46053b5cd55D3DCcFe6562fe7cB056Ec6f"))
        .containsEntry(
            "childMintableErc721Predicate",
            Address.of("0x86a9b90B5596d0330137957Cb91d36D2A5464E68"))
        .containsEntry(
            "childMintableErc1155Predicate",
            Address.of("0xb0A78A34dEFA158Fa7a9401f9Cf90146E8cE49f0"))
        .hasSize(9);
    assertThat(g.missingRootContracts()).isEmpty();
    assertThat(g.rootRpcHint()).contains(URI.create("https://polygon-rpc.com"));
    assertThat(g.rootStartBlock()).hasValue(68985500);
    assertThat(g.initialValidators()).hasSize(6);
    assertThat(g.initialValidators())
        .extracting(ValidatorEntry::votingPower)
        .containsOnly(STAKE_250K);
    assertThat(g.initialValidators())
        .extracting(ValidatorEntry::index)
        .containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(g.initialValidators().get(0).address())
        .isEqualTo(Address.of("0xfd75E185daA07B059325f6eD84FB28ebf8fa80a1"));
    assertThat(g.initialValidators().get(5).address())
        .isEqualTo(Address.of("0x772C19036C4049f12c1016fE8C1D44F7d25B8c8c"));
  }

  @Test
  void readsTheEarlierDeploymentOfTheSameOperator() throws Exception {
    EdgeGenesis g = EdgeGenesisImport.read(fixture("chain-games-7.json"));

    assertThat(g.defaultProfileName()).isEqualTo("polygon-edge-7");
    assertThat(g.childChainId()).isEqualTo(7);
    assertThat(g.epochSize()).isEqualTo(719);
    assertThat(g.rootContracts())
        .containsEntry("stateSender", Address.of("0xa23F3eB3FdC4F86Fc36a23Ac3b6904d2EF357905"))
        .containsEntry(
            "checkpointManager", Address.of("0x99dFE346FE46Bb5948b98F9e806ce81d370DF244"))
        .containsEntry("exitHelper", Address.of("0xda9c25907253351C023ce52f1E1a56aB53432b32"))
        .containsEntry(
            "rootErc20Predicate", Address.of("0x17296DC1d79007C7bdB390F85ae89410Fd264b70"));
    assertThat(g.rootStartBlock()).hasValue(67078401);
    assertThat(g.initialValidators()).hasSize(6);
  }

  @Test
  void blsKeysAreStoredInTheOnChainWordOrder() throws Exception {
    Path file = fixture("chain-games-69421.json");
    EdgeGenesis g = EdgeGenesisImport.read(file);
    // The genesis holds Edge's PublicKey.Marshal() (x.imag, x.real, y.imag, y.real); checkpoints
    // carry PublicKey.ToBigInt(): words [32:64], [0:32], [96:128], [64:96] of it.
    String json = Files.readString(file);
    String hex = json.split("\"blsKey\": \"")[1].substring(0, 256);
    byte[] evm = Hex.decode("blsKey", hex);
    byte[] expected = new byte[128];
    System.arraycopy(evm, 32, expected, 0, 32);
    System.arraycopy(evm, 0, expected, 32, 32);
    System.arraycopy(evm, 96, expected, 64, 32);
    System.arraycopy(evm, 64, expected, 96, 32);
    assertThat(g.initialValidators().get(0).blsKey().value()).isEqualTo(expected);
    assertThat(Arrays.equals(evm, expected)).isFalse();
  }

  @Test
  void anIbftGenesisIsRefusedSayingWhy() throws Exception {
    Path file = fixture("vcity-testnet-ibft.json");
    assertThatThrownBy(() -> EdgeGenesisImport.read(file))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("params.engine.polybft: missing")
        .hasMessageContaining("consensus engine is 'ibft'");
  }

  @Test
  void recognisesAGenesisByItsShape() throws Exception {
    assertThat(EdgeGenesisImport.looksLikeGenesis(Files.readString(fixture("chain-games-7.json"))))
        .isTrue();
    assertThat(EdgeGenesisImport.looksLikeGenesis("{\"format\":1,\"name\":\"x\"}")).isFalse();
    assertThat(EdgeGenesisImport.looksLikeGenesis("not json")).isFalse();
  }

  @Test
  void syntheticV08GenesisUsesTheLegacyKeysAndLacksAnExitHelper() {
    // Synthetic: Edge v0.8 field names (polybft_config.go at v0.8.0), voting power in "balance".
    String key = validKeyHex();
    String json =
        "{\"name\":\"My Chain!\",\"genesis\":{},\"params\":{\"chainID\":5,\"engine\":{\"polybft\":"
            + "{\"epochSize\":10,\"initialValidatorSet\":[{\"address\":\"0x"
            + "11".repeat(20)
            + "\",\"blsKey\":\""
            + key
            + "\",\"balance\":\"1000\"}],\"bridge\":{\"stateSenderAddr\":\"0x"
            + "22".repeat(20)
            + "\",\"checkpointAddr\":\"0x"
            + "33".repeat(20)
            + "\",\"rootERC20PredicateAddr\":\"0x"
            + "44".repeat(20)
            + "\"}}}}}";
    EdgeGenesis g = EdgeGenesisImport.parse(json, "synthetic v0.8");
    assertThat(g.defaultProfileName()).isEqualTo("my-chain-5");
    assertThat(g.rootContracts()).containsKeys("stateSender", "checkpointManager");
    assertThat(g.missingRootContracts()).containsExactly("exitHelper");
    assertThat(g.initialValidators())
        .singleElement()
        .extracting(ValidatorEntry::votingPower)
        .isEqualTo(BigInteger.valueOf(1000));
  }

  @Test
  void badValidatorsAreNamedByTheirPosition() {
    // Synthetic: one key that is not a G2 point, one zero stake.
    String json =
        "{\"genesis\":{},\"params\":{\"chainID\":5,\"engine\":{\"polybft\":{\"epochSize\":10,"
            + "\"bridge\":{},\"initialValidatorSet\":[{\"address\":\"0x"
            + "11".repeat(20)
            + "\",\"blsKey\":\""
            + "01".repeat(128)
            + "\",\"stake\":\"0x1\"},{\"address\":\"0x"
            + "12".repeat(20)
            + "\",\"blsKey\":\""
            + validKeyHex()
            + "\",\"stake\":\"0x0\"}]}}}}";
    assertThatThrownBy(() -> EdgeGenesisImport.parse(json, "synthetic"))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("initialValidatorSet[0].blsKey: not a valid BN254 G2 public key")
        .hasMessageContaining("initialValidatorSet[1].stake: is 0");
  }

  @Test
  void genesisWithoutBridgeSaysSo() {
    String json =
        "{\"name\":\"x\",\"params\":{\"chainID\":5,\"engine\":{\"polybft\":{\"epochSize\":10}}}}";
    assertThatThrownBy(() -> EdgeGenesisImport.parse(json, "genesis"))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("params.engine.polybft.bridge: missing");
  }

  @Test
  void badAddressInGenesisNamesTheGenesisField() {
    String json =
        "{\"params\":{\"chainID\":5,\"engine\":{\"polybft\":{\"epochSize\":10,"
            + "\"bridge\":{\"exitHelperAddress\":\"0x12\"}}}}}";
    assertThatThrownBy(() -> EdgeGenesisImport.parse(json, "genesis"))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("params.engine.polybft.bridge.exitHelperAddress: '0x12'");
  }

  @Test
  void defaultNamesStayValidProfileNames() {
    EdgeGenesis longName =
        new EdgeGenesis(
            java.util.Optional.of("..A very long name, with spaces and ünïcode, for a chain.."),
            123456789,
            10,
            java.util.Map.of(),
            java.util.Optional.empty(),
            java.util.OptionalLong.empty(),
            java.util.List.of());
    String n = longName.defaultProfileName();
    assertThat(n)
        .endsWith("-123456789")
        .hasSizeLessThanOrEqualTo(64)
        .matches("[a-z0-9][a-z0-9._-]*");
    EdgeGenesis unnamed =
        new EdgeGenesis(
            java.util.Optional.empty(),
            100,
            10,
            java.util.Map.of(),
            java.util.Optional.empty(),
            java.util.OptionalLong.empty(),
            java.util.List.of());
    assertThat(unnamed.defaultProfileName()).isEqualTo("edge-100");
  }

  /** The BN254 G2 generator in Edge's marshal order, a valid public key. */
  static String validKeyHex() {
    return Hex.encode(io.bridgescope.crypto.bn254.G2Point.generator().toEvmBytes()).substring(2);
  }
}
