package io.bridgescope.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.link.MessageLink;
import io.bridgescope.desktop.ports.DetailSource;
import io.bridgescope.desktop.ports.MessageDetail;
import io.bridgescope.desktop.ports.TreeDetail;
import io.bridgescope.desktop.testing.DirectTaskRunner;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Copy link" copies the link of the item on screen, naming the open network. */
class MessageDetailLinkTest {

  private static DetailSource source(String network) {
    MessageDetail d =
        new MessageDetail(
            "Deposit",
            List.of(),
            List.of(),
            "Executed",
            "done",
            "nothing",
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    return new DetailSource() {
      @Override
      public boolean isConnected() {
        return true;
      }

      @Override
      public Optional<MessageDetail> deposit(BigInteger id) {
        return id.equals(BigInteger.valueOf(404)) ? Optional.empty() : Optional.of(d);
      }

      @Override
      public Optional<MessageDetail> exit(BigInteger id) {
        return Optional.of(d);
      }

      @Override
      public Optional<TreeDetail> tree(
          boolean commitment, String key, Optional<BigInteger> leafId) {
        return Optional.empty();
      }

      @Override
      public String evidence(boolean commitment, String key) {
        return "{}";
      }

      @Override
      public Optional<String> network() {
        return Optional.of(network);
      }

      @Override
      public Optional<String> explorerUrl(boolean rootChain, String txHash) {
        return Optional.empty();
      }
    };
  }

  @Test
  void theLinkNamesTheItemShownAndItsNetworkAndOpensItAgain() {
    MessageDetailViewModel deposits =
        new MessageDetailViewModel(new DirectTaskRunner(), source("prod"), true);
    assertThat(deposits.link()).isEmpty();
    deposits.show(BigInteger.valueOf(123));
    assertThat(deposits.link()).contains("bridgescope://deposit/123?network=prod");
    MessageLink back = MessageLink.parse(deposits.link().orElseThrow());
    assertThat(back.searchText()).isEqualTo("deposit 123");
    deposits.show(BigInteger.valueOf(404)); // not in the index: no link to copy
    assertThat(deposits.link()).isEmpty();

    MessageDetailViewModel exits =
        new MessageDetailViewModel(new DirectTaskRunner(), source("devnet (embedded)"), false);
    exits.show(BigInteger.valueOf(7));
    // a name no link can hold: the link opens the network open last
    assertThat(exits.link()).contains("bridgescope://exit/7");
  }
}
