package io.bridgescope.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageLinkTest {

  @Test
  void aLinkReadsBackFromItsUriAndNamesItsSearch() {
    for (MessageLink.Kind k : MessageLink.Kind.values()) {
      MessageLink link = new MessageLink(k, BigInteger.valueOf(123), "mainnet-2.b");
      assertThat(MessageLink.parse(link.toUri())).isEqualTo(link);
      MessageLink bare = new MessageLink(k, BigInteger.ZERO, null);
      assertThat(MessageLink.parse(bare.toUri())).isEqualTo(bare);
    }
    assertThat(MessageLink.parse("bridgescope://deposit/123?network=devnet").searchText())
        .isEqualTo("deposit 123");
    assertThat(MessageLink.parse("BridgeScope://EXIT/7").toUri()).isEqualTo("bridgescope://exit/7");
    String max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE).toString();
    assertThat(MessageLink.parse("bridgescope://exit/" + max).id().bitLength()).isEqualTo(256);
  }

  @Test
  void theWordsOfOpenAndTheNetworkFlagMakeTheSameLink() {
    assertThat(MessageLink.parseArgs(List.of("deposit", "42"), "devnet"))
        .isEqualTo(new MessageLink(MessageLink.Kind.DEPOSIT, BigInteger.valueOf(42), "devnet"));
    assertThat(MessageLink.parseArgs(List.of("bridgescope://exit/9"), "prod"))
        .isEqualTo(new MessageLink(MessageLink.Kind.EXIT, BigInteger.valueOf(9), "prod"));
    assertThat(
            MessageLink.parseArgs(List.of("bridgescope://exit/9?network=prod"), "prod").network())
        .isEqualTo("prod");
    assertThatThrownBy(
            () -> MessageLink.parseArgs(List.of("bridgescope://exit/9?network=prod"), "devnet"))
        .isInstanceOf(MessageLink.BadLinkException.class)
        .hasMessageContaining("names network 'prod'");
    assertThatThrownBy(() -> MessageLink.parseArgs(List.of("deposit"), null))
        .isInstanceOf(MessageLink.BadLinkException.class)
        .hasMessageContaining("1 argument");
    assertThatThrownBy(() -> MessageLink.parseArgs(List.of("deposit", "-1"), null))
        .isInstanceOf(MessageLink.BadLinkException.class)
        .hasMessageContaining("not a decimal id");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://deposit/1",
        "bridgescope:deposit/1",
        "bridgescope://withdrawal/1",
        "bridgescope://deposit/",
        "bridgescope://deposit/1/2",
        "bridgescope://deposit/0x10",
        "bridgescope://deposit/%31",
        "bridgescope://deposit/1?network=../../etc",
        "bridgescope://deposit/1?network=a&x=1",
        "bridgescope://deposit/1?cmd=rm",
        "bridgescope://deposit/1#frag",
        "bridgescope://user@deposit/1",
        "bridgescope://deposit/1 2",
        "bridgescope://deposit/"
            + "115792089237316195423570985008687907853269984665640564039457584007913129639936",
        "bridgescope://deposit/1?network=\u202eevil"
      })
  void anythingElseIsRefusedTypedSayingTheForm(String uri) {
    assertThatThrownBy(() -> MessageLink.parse(uri))
        .isInstanceOf(MessageLink.BadLinkException.class)
        .hasMessageContaining("bridgescope://KIND/ID");
  }

  @Test
  void aLongOrUnprintableLinkIsRefusedWithoutEchoingItWhole() {
    String longOne = "bridgescope://deposit/" + "1".repeat(MessageLink.MAX_LENGTH);
    assertThatThrownBy(() -> MessageLink.parse(longOne)).hasMessageContaining("longer than");
    assertThatThrownBy(() -> MessageLink.parse("bridgescope://d\u0007p" + "x".repeat(60) + "/1"))
        .isInstanceOf(MessageLink.BadLinkException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u0007").hasSizeLessThan(250));
  }
}
