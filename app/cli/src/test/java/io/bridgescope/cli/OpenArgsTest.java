package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.link.MessageLink;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenArgsTest {

  @Test
  void wordsAndUrisWithOrWithoutANetworkBecomeOneCheckedLink() {
    assertThat(OpenArgs.read(List.of("deposit", "123")).toUri())
        .isEqualTo("bridgescope://deposit/123");
    assertThat(OpenArgs.read(List.of("exit", "7", "--network", "prod")).toUri())
        .isEqualTo("bridgescope://exit/7?network=prod");
    assertThat(OpenArgs.read(List.of("--network=prod", "checkpoint", "3")).toUri())
        .isEqualTo("bridgescope://checkpoint/3?network=prod");
    assertThat(OpenArgs.read(List.of("bridgescope://commitment/2?network=devnet")).network())
        .isEqualTo("devnet");
  }

  @Test
  void badArgumentsAreRefusedBeforeAnyWindowOpens() {
    for (List<String> args :
        List.of(
            List.<String>of(),
            List.of("deposit"),
            List.of("deposit", "12", "--network"),
            List.of("deposit", "12", "--force"),
            List.of("deposit", "12", "--network", "../x"),
            List.of("https://example.com/deposit/1"))) {
      assertThatThrownBy(() -> OpenArgs.read(args))
          .as("%s", args)
          .isInstanceOf(MessageLink.BadLinkException.class);
    }
  }

  @Test
  void theInstallersHandlerRunsGuiWithTheLinkAndAMachineWithoutADisplayGetsTheCliCommand() {
    assertThat(OpenArgs.guiWithLink(List.of("gui", "bridgescope://deposit/1"))).isTrue();
    assertThat(OpenArgs.guiWithLink(List.of("gui"))).isFalse();
    assertThat(OpenArgs.guiWithLink(List.of("gui", "--help"))).isFalse();
    assertThat(OpenArgs.cliCommand(OpenArgs.read(List.of("deposit", "41", "-n", "prod"))))
        .isEqualTo("deposits --before 42 --limit 1 --network prod");
    assertThat(OpenArgs.cliCommand(OpenArgs.read(List.of("checkpoint", "5"))))
        .isEqualTo("checkpoint 5");
  }
}
