package io.bridgescope.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The engine's CLI verbs read as the GUI's actions on screen. */
class GuiWordsTest {

  @Test
  void proofVerbsBecomeTheDetailPanesActions() {
    assertThat(
            GuiWords.of(
                "exit it on the root chain: build the proof (proof exit 348) and send"
                    + " ExitHelper.exit"))
        .isEqualTo(
            "exit it on the root chain: use \"Withdraw (exit) on the root chain…\" below (it"
                + " builds the proof and sends ExitHelper.exit)");
    assertThat(
            GuiWords.of(
                "wait for the relayer, or execute it yourself with a proof (proof deposit 13)"))
        .isEqualTo(
            "wait for the relayer, or execute it yourself with a proof (\"Self-execute on the"
                + " child chain…\" below)");
    assertThat(GuiWords.of("fix the cause, then exit it again with a fresh proof (proof exit 7)"))
        .doesNotContain("proof exit")
        .contains("Withdraw (exit) on the root chain…");
  }

  @Test
  void cliCommandsInWalletNotesBecomeButtons() {
    assertThat(
            GuiWords.of(
                "once a checkpoint covers it, claim it on the root with `bridgescope exit`"))
        .doesNotContain("bridgescope")
        .contains("\"Withdraw (exit) on the root chain…\" on the exit");
    assertThat(GuiWords.of("the relayer (or `bridgescope self-execute`) executes it"))
        .isEqualTo(
            "the relayer (or \"Self-execute on the child chain…\" on the deposit) executes it");
    assertThat(GuiWords.of("wait for it or run `bridgescope tx resume`"))
        .doesNotContain("bridgescope");
    assertThat(GuiWords.of("nothing to do")).isEqualTo("nothing to do");
  }
}
