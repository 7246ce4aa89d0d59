package io.bridgescope.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.desktop.engine.EngineNetworks;
import io.bridgescope.desktop.engine.SessionManager;
import io.bridgescope.desktop.testing.DirectTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Open profile…" with a real Edge genesis (core's fixtures, sources in
 * app/core/src/test/resources/genesis/README.md), through the engine's switcher; no display.
 */
class GenesisImportViewModelTest {

  static final String DEAD = "http://127.0.0.1:9";

  @TempDir Path dir;

  private final DirectTaskRunner tasks = new DirectTaskRunner();
  private final List<String> opened = new ArrayList<>();
  private SessionManager sessions;
  private EngineNetworks networks;

  @BeforeEach
  void setUp() {
    sessions = new SessionManager(new DataDir(dir));
    networks = new EngineNetworks(sessions);
  }

  @AfterEach
  void tearDown() {
    sessions.close();
  }

  Path genesis(String name) throws Exception {
    Path copy = dir.resolve(name);
    try (var in = GenesisImportViewModelTest.class.getResourceAsStream("/genesis/" + name)) {
      Files.copy(in, copy);
    }
    return copy;
  }

  GenesisImportViewModel dialogFor(Path file) throws Exception {
    ProfileFile kind = networks.inspect(file);
    assertThat(kind).isInstanceOf(ProfileFile.Genesis.class);
    return new GenesisImportViewModel(
        networks, tasks, file, ((ProfileFile.Genesis) kind).genesis(), opened::add);
  }

  @Test
  void theDialogStartsFromWhatTheGenesisSays() throws Exception {
    GenesisImportViewModel vm = dialogFor(genesis("chain-games-69421.json"));
    assertThat(vm.nameProperty().get()).isEqualTo("polygon-edge-69421");
    assertThat(vm.rootRpcProperty().get()).isEqualTo("https://polygon-rpc.com");
    assertThat(vm.childRpcProperty().get()).isEmpty();
    assertThat(vm.confirmationsProperty().get()).isEqualTo("12");
    assertThat(vm.missingContracts()).isEmpty();
    assertThat(vm.summary())
        .contains("child chain id 69421")
        .contains("719 blocks per epoch")
        .contains("Initial validators: 6");
  }

  @Test
  void missingFieldsAreAskedForBeforeAnyWorkStarts() throws Exception {
    GenesisImportViewModel vm = dialogFor(genesis("chain-games-69421.json"));
    vm.submit();
    assertThat(vm.errorProperty().get()).contains("child chain");
    vm.childRpcProperty().set(DEAD);
    vm.rootChainIdProperty().set("one-three-seven");
    vm.submit();
    assertThat(vm.errorProperty().get()).contains("Root chain id").contains("not a whole number");
    assertThat(tasks.started).isEmpty();
    assertThat(opened).isEmpty();
  }

  @Test
  void importSavesTheProfileInATaskAndOpensIt() throws Exception {
    GenesisImportViewModel vm = dialogFor(genesis("chain-games-69421.json"));
    vm.childRpcProperty().set(DEAD);
    vm.rootRpcProperty().set(DEAD);
    vm.rootChainIdProperty().set("137");
    vm.submit();

    assertThat(tasks.started).containsExactly("import genesis chain-games-69421.json");
    assertThat(vm.errorProperty().get()).isEmpty();
    assertThat(vm.importedProperty().get()).isEqualTo("polygon-edge-69421");
    assertThat(opened).containsExactly("polygon-edge-69421");
    NetworkProfile p = new DataDir(dir).profile("polygon-edge-69421");
    assertThat(p.root().chainId()).isEqualTo(137);
    assertThat(p.child().chainId()).isEqualTo(69421);
    assertThat(p.initialValidators()).hasSize(6);
    assertThat(networks.networks()).contains("polygon-edge-69421");
  }

  @Test
  void refusalsStayInTheDialogToBeCorrected() throws Exception {
    Path file = genesis("chain-games-7.json");
    GenesisImportViewModel first = dialogFor(file);
    first.childRpcProperty().set(DEAD);
    first.rootChainIdProperty().set("137");
    first.submit();
    assertThat(opened).containsExactly("polygon-edge-7");

    GenesisImportViewModel again = dialogFor(file);
    again.childRpcProperty().set(DEAD);
    again.rootRpcProperty().set(DEAD);
    again.submit(); // no root chain id: the dead root node is asked
    assertThat(again.errorProperty().get()).contains("root.chainId: could not ask " + DEAD);
    again.rootChainIdProperty().set("80001");
    again.submit();
    assertThat(again.errorProperty().get()).contains("already exists").contains("--force");
    assertThat(again.importedProperty().get()).isNull();

    again.replaceProperty().set(true);
    again.submit();
    assertThat(again.importedProperty().get()).isEqualTo("polygon-edge-7");
    assertThat(new DataDir(dir).profile("polygon-edge-7").root().chainId()).isEqualTo(80001);
  }

  @Test
  void openProfileRoutesAGenesisToTheDialogAndAProfileToTheSessions() throws Exception {
    List<Path> importedFiles = new ArrayList<>();
    NetworkSwitcher recording =
        new NetworkSwitcher() {
          @Override
          public List<String> networks() {
            return networks.networks();
          }

          @Override
          public java.util.Optional<String> current() {
            return java.util.Optional.empty();
          }

          @Override
          public void open(String network) {
            opened.add(network);
          }

          @Override
          public void importFile(Path file) {
            importedFiles.add(file);
          }

          @Override
          public ProfileFile inspect(Path file) throws java.io.IOException {
            return networks.inspect(file);
          }

          @Override
          public String importGenesis(
              io.bridgescope.core.network.EdgeGenesis genesis,
              io.bridgescope.core.network.GenesisImporter.Request request,
              boolean replace)
              throws java.io.IOException {
            return networks.importGenesis(genesis, request, replace);
          }

          @Override
          public AutoCloseable onChange(Runnable changed) {
            return () -> {};
          }

          @Override
          public java.util.Optional<String> explorer(boolean root) {
            return java.util.Optional.empty();
          }

          @Override
          public void setExplorer(boolean root, String url) {}
        };
    MainViewModel main =
        new MainViewModel(
            io.bridgescope.desktop.search.SearchResolver.NOT_CONNECTED, tasks, recording);

    main.openProfileFile(genesis("chain-games-69421.json"));
    GenesisImportViewModel dialog = main.genesisImportProperty().get();
    assertThat(dialog).isNotNull();
    assertThat(importedFiles).isEmpty();
    dialog.childRpcProperty().set(DEAD);
    dialog.rootChainIdProperty().set("137");
    dialog.submit();
    assertThat(main.genesisImportProperty().get()).isNull();
    assertThat(opened).containsExactly("polygon-edge-69421");
    assertThat(main.networks()).contains("polygon-edge-69421");

    Path profile = dir.resolve("profile.json");
    Files.copy(new DataDir(dir).profileFile("polygon-edge-69421"), profile);
    main.openProfileFile(profile);
    assertThat(importedFiles).containsExactly(profile);
    assertThat(main.genesisImportProperty().get()).isNull();

    main.openProfileFile(genesis("vcity-testnet-ibft.json"));
    assertThat(main.genesisImportProperty().get()).isNull();
    assertThat(main.searchMessageProperty().get())
        .contains("Could not open vcity-testnet-ibft.json")
        .contains("not a Polygon Edge polybft genesis.json");
  }
}
