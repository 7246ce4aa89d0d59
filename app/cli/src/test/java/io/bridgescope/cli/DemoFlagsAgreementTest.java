package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.devnet.DemoFlags;
import io.bridgescope.devnet.DevnetConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The desktop app starts the devnet from the same {@code demo} words as the CLI, through {@link
 * DemoFlags}: every devnet flag of {@code demo} must be read there, to the same config.
 */
class DemoFlagsAgreementTest {

  static final Set<String> NOT_DEVNET = Set.of("--help", "--version");

  static DevnetConfig viaCli(List<String> args) {
    DemoCommand cmd = new DemoCommand();
    new CommandLine(cmd).parseArgs(args.toArray(String[]::new));
    return cmd.config();
  }

  @Test
  void everyDevnetOptionOfDemoIsReadByDemoFlagsAndNoOther() {
    Set<String> cli = new HashSet<>();
    for (OptionSpec o : new CommandLine(new DemoCommand()).getCommandSpec().options()) {
      String name = o.longestName();
      if (NOT_DEVNET.contains(name)
          || DemoFlags.FRONT_END_SWITCHES.contains(name)
          || DemoFlags.FRONT_END_VALUED.contains(name)) {
        continue;
      }
      cli.add(name);
    }
    assertThat(DemoFlags.NAMES).containsExactlyInAnyOrderElementsOf(cli);
  }

  @Test
  void everyFlagSetAtOnceGivesTheSameDevnetBothWays() {
    List<String> args =
        List.of(
            "--validators",
            "6",
            "--offline=1",
            "--epoch-size",
            "12",
            "--mid-epoch",
            "--relayer-paused",
            "--below-quorum-every",
            "3",
            "--wrong-domain-every",
            "4",
            "--late-checkpoint",
            "5",
            "--wrong-root-every",
            "6",
            "--non-validator-every",
            "7",
            "--below-quorum-commit-every",
            "8",
            "--reorg-every",
            "9",
            "--reorg-depth",
            "2",
            "--root-history",
            "5",
            "--root-pruned",
            "--no-traffic",
            "--duration",
            "10",
            "--interval=3",
            "--require-progress");
    DevnetConfig gui = DemoFlags.parse(args);
    assertThat(gui).isEqualTo(viaCli(args));
    assertThat(gui).isNotEqualTo(DevnetConfig.defaults());
    assertThat(gui.relayerPaused()).isTrue();
    assertThat(gui.rootPruned()).isTrue();
    assertThat(gui.commitmentFaults().wrongRootEvery()).isEqualTo(6);
  }

  @Test
  void noFlagsIsTheDefaultDevnetBothWays() {
    assertThat(DemoFlags.parse(List.of())).isEqualTo(viaCli(List.of()));
  }

  @Test
  void aBadFlagIsNamed() {
    assertThatThrownBy(() -> DemoFlags.parse(List.of("--relayer-pasued")))
        .isInstanceOf(DemoFlags.BadFlagException.class)
        .hasMessageContaining("--relayer-pasued");
    assertThatThrownBy(() -> DemoFlags.parse(List.of("--validators", "many")))
        .hasMessageContaining("--validators")
        .hasMessageContaining("not a whole number");
    assertThatThrownBy(() -> DemoFlags.parse(List.of("--validators", "2", "--offline", "2")))
        .hasMessageContaining("offline validators");
    assertThatThrownBy(() -> DemoFlags.parse(List.of("--epoch-size")))
        .hasMessageContaining("needs a value");
  }
}
