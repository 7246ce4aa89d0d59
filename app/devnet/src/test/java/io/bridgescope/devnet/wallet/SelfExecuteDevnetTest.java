package io.bridgescope.devnet.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.Outcome;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.core.wallet.WalletException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the relayer paused, the user executes their own committed deposit on the child. */
@Tag("devnet")
class SelfExecuteDevnetTest {

  @TempDir Path work;

  @Test
  void committedDepositIsSelfExecutedWithALocalProof() throws Exception {
    try (WalletFixture f = new WalletFixture(work, true)) {
      Address me = f.account(6);
      f.keys.importPrivateKey(
          "me", WalletFixture.privateKeyHex(6).toCharArray(), "pw".toCharArray());
      BigInteger amount = WalletFixture.ETHER.multiply(BigInteger.valueOf(3));
      f.mintRootTokens(me, amount);
      Review deposit =
          f.wallet.bridge().prepareDeposit(me, f.devnet.contracts().rootToken(), me, amount);
      assertThat(deposit.steps())
          .extracting(s -> s.call().function())
          .containsExactly("approve", "depositTo");
      Outcome d = f.wallet.execute(deposit, "me", "pw".toCharArray(), Duration.ofSeconds(30));
      BigInteger id = d.emittedIds().get(d.emittedIds().size() - 1);
      // The token mapping (state sync 1, sent by the deployer) waits for the relayer too.
      Review map =
          f.whenReady(
              () -> f.wallet.bridge().prepareSelfExecute(BigInteger.ONE, me),
              Duration.ofSeconds(60));
      Outcome mapped = f.wallet.execute(map, "me", "pw".toCharArray(), Duration.ofSeconds(30));
      assertThat(mapped.results())
          .as(Outcome.describe("deposit", mapped.results().get(0)))
          .allMatch(BridgeEvents.Result::success);

      Review exec =
          f.whenReady(() -> f.wallet.bridge().prepareSelfExecute(id, me), Duration.ofSeconds(60));
      assertThat(exec.steps().get(0).call().function()).isEqualTo("execute");
      BigInteger before = f.childTokenBalance(me);
      Outcome o = f.wallet.execute(exec, "me", "pw".toCharArray(), Duration.ofSeconds(30));
      assertThat(o.results()).extracting(BridgeEvents.Result::id).containsExactly(id);
      assertThat(o.results().get(0).success()).isTrue();
      assertThat(f.childTokenBalance(me)).isEqualTo(before.add(amount));
      assertThatThrownBy(() -> f.wallet.bridge().prepareSelfExecute(id, me))
          .hasMessageContaining("already executed")
          .matches(e -> ((WalletException) e).kind() == WalletException.Kind.ALREADY_PROCESSED);

      // The relayer, resumed, meets commitments whose syncs the user already executed: it leaves
      // those out (a batch with one of them reverts whole) and goes on with the next deposits.
      f.devnet.setRelayerPaused(false);
      f.mintRootTokens(me, amount);
      f.wallet.execute(
          f.wallet.bridge().prepareDeposit(me, f.devnet.contracts().rootToken(), me, amount),
          "me",
          "pw".toCharArray(),
          Duration.ofSeconds(30));
      f.await(
          () -> f.childTokenBalance(me).compareTo(before.add(amount).add(amount)) >= 0,
          Duration.ofSeconds(120),
          "the relayer executing the next deposit");
    }
  }
}
