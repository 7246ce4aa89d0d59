package io.bridgescope.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.model.Address;
import org.junit.jupiter.api.Test;

/** A zero-address receiver burns what is sent: refused unless asked for (issue 13, item 5). */
class BurnRefusalTest {

  @Test
  void theZeroReceiverIsRefusedByDefault() {
    assertThatThrownBy(() -> BridgePlanner.receiverCheck(Address.ZERO, "root", "withdraw", false))
        .isInstanceOf(WalletException.class)
        .matches(e -> ((WalletException) e).kind() == WalletException.Kind.BURN)
        .hasMessageContaining("burnt on the root chain")
        .hasMessageContaining("--allow-burn");
  }

  @Test
  void allowedBurningIsStatedInTheReview() {
    assertThat(BridgePlanner.receiverCheck(Address.ZERO, "child", "deposit", true))
        .hasValueSatisfying(line -> assertThat(line).startsWith("BURN:"));
  }

  @Test
  void anyOtherReceiverPassesSilently() {
    assertThat(BridgePlanner.receiverCheck(Address.ofLow(1), "root", "withdraw", false)).isEmpty();
  }
}
