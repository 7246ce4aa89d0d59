package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.network.NetworkProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code networks import/list/show} with a real Edge genesis (core's test fixtures, sources in
 * app/core/src/test/resources/genesis/README.md). No node runs: the root chain id is given, and the
 * RPC URLs point at a closed local port.
 */
class NetworksCliTest {

  // Port 9 (discard) on localhost: nothing listens, a connection is refused at once.
  static final String DEAD = "http://127.0.0.1:9";

  @TempDir Path dir;

  record Run(int code, String out) {}

  Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8);
    System.setOut(p);
    System.setErr(p);
    try {
      return new Run(Main.run(args), buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  Path genesis(String name) throws Exception {
    Path copy = dir.resolve(name);
    try (var in = NetworksCliTest.class.getResourceAsStream("/genesis/" + name)) {
      Files.copy(in, copy);
    }
    return copy;
  }

  String data() {
    return dir.resolve("data").toString();
  }

  @Test
  void importedGenesisIsAProfileThatStatusResolvesByName() throws Exception {
    Path g = genesis("chain-games-69421.json");
    Run imported =
        run(
            "networks",
            "import",
            g.toString(),
            "--root-rpc",
            DEAD,
            "--child-rpc",
            DEAD,
            "--root-chain-id",
            "137",
            "--data-dir",
            data());
    assertThat(imported.code()).as(imported.out()).isZero();
    assertThat(imported.out())
        .contains("imported network 'polygon-edge-69421'")
        .contains("child chain 69421, epoch 719 blocks")
        .contains("root chain 137")
        .contains("initial validators: 6")
        .contains("confirmations: 12 (default");

    NetworkProfile p = new DataDir(dir.resolve("data")).profile("polygon-edge-69421");
    assertThat(p.child().chainId()).isEqualTo(69421);
    assertThat(p.initialValidators()).hasSize(6);

    // The nodes are dead, so status fails to connect; it got that far only by resolving the name.
    Run status = run("status", "--network", "polygon-edge-69421", "--data-dir", data(), "--json");
    assertThat(status.out()).contains("\"network\" : \"polygon-edge-69421\"").contains(DEAD);

    Run list = run("networks", "list", "--data-dir", data());
    assertThat(list.out()).contains("polygon-edge-69421").contains("root 137");
    Run show = run("networks", "show", "polygon-edge-69421", "--data-dir", data());
    assertThat(show.out()).contains("\"epochSize\" : 719").contains("\"initialValidators\"");
  }

  @Test
  void aSecondImportOfTheSameChainIsRefusedUnlessForced() throws Exception {
    Path g = genesis("chain-games-7.json");
    String[] args = {
      "networks",
      "import",
      g.toString(),
      "--root-rpc",
      DEAD,
      "--child-rpc",
      DEAD,
      "--root-chain-id",
      "137",
      "--data-dir",
      data()
    };
    assertThat(run(args).code()).isZero();
    Run again = run(args);
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.out()).contains("already exists").contains("--force");

    String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
    forced[args.length] = "--force";
    Run replaced = run(forced);
    assertThat(replaced.code()).as(replaced.out()).isZero();
    assertThat(replaced.out()).contains("replaced network 'polygon-edge-7'");
  }

  @Test
  void withoutRootChainIdAnUnreachableRootNodeIsATypedError() throws Exception {
    Run r =
        run(
            "networks",
            "import",
            genesis("chain-games-7.json").toString(),
            "--root-rpc",
            DEAD,
            "--child-rpc",
            DEAD,
            "--data-dir",
            data());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("root.chainId: could not ask " + DEAD)
        .contains("--root-chain-id")
        .doesNotContain("Exception");
  }

  @Test
  void anIbftGenesisAndAGenesisUsedAsAProfileAreExplained() throws Exception {
    Run ibft =
        run(
            "networks",
            "import",
            genesis("vcity-testnet-ibft.json").toString(),
            "--root-rpc",
            DEAD,
            "--child-rpc",
            DEAD,
            "--data-dir",
            data());
    assertThat(ibft.code()).isEqualTo(1);
    assertThat(ibft.out()).contains("not a Polygon Edge polybft genesis.json");

    Path g = genesis("chain-games-69421.json");
    Run asProfile = run("status", "--network", g.toString());
    assertThat(asProfile.code()).isNotZero();
    assertThat(asProfile.out()).contains("bridgescope networks import " + g);

    Run unknown = run("status", "--network", "nosuch", "--data-dir", data());
    assertThat(unknown.out()).contains("bridgescope networks import");
  }
}
