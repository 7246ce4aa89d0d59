package io.bridgescope.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.asset.AssetKind;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one parser of typed token ids and amounts (the GUI form's and the CLI's), and Items. */
class NftItemsTest {

  private static List<BigInteger> big(long... v) {
    return java.util.Arrays.stream(v).mapToObj(BigInteger::valueOf).toList();
  }

  @Test
  void commasAndWhiteSpaceSeparateNumbersInEachText() {
    assertThat(NftPlanner.Items.numbers("ids", List.of(" 7, 8\t9 ,10", "", "11")))
        .isEqualTo(big(7, 8, 9, 10, 11));
    assertThat(NftPlanner.Items.numbers("ids", List.of("  "))).isEmpty();
  }

  @Test
  void uint256MaxIsReadAndOneDigitMoreIsRefusedWithoutParsing() {
    String max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE).toString();
    assertThat(max).hasSize(78);
    assertThat(NftPlanner.Items.numbers("ids", List.of(max))).containsExactly(new BigInteger(max));
    assertThatThrownBy(() -> NftPlanner.Items.numbers("Token ids", List.of("1" + max)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Token ids: '"
                + ("1" + max).substring(0, 20)
                + "…' is not a whole number"
                + " (decimal digits, up to 78)");
  }

  @Test
  void aPartThatIsNotDecimalDigitsIsNamedWithItsField() {
    assertThatThrownBy(() -> NftPlanner.Items.numbers("--id", List.of("1", "0x07")))
        .hasMessage("--id: '0x07' is not a whole number (decimal digits, up to 78)");
    assertThatThrownBy(() -> NftPlanner.Items.numbers("Amounts", List.of("-5")))
        .hasMessageStartingWith("Amounts: '-5'");
    assertThatThrownBy(() -> NftPlanner.Items.numbers("Amounts", List.of("1.5")))
        .hasMessageStartingWith("Amounts: '1.5'");
  }

  @Test
  void itemsRefuseWhatNoPredicateWouldTake() {
    assertThatThrownBy(() -> NftPlanner.Items.erc721(big(7, 7))).hasMessageContaining("twice");
    assertThatThrownBy(() -> NftPlanner.Items.erc1155(big(1, 2), big(5)))
        .hasMessageContaining("one amount per ERC-1155 id");
    assertThatThrownBy(() -> NftPlanner.Items.erc1155(big(1), big(0)))
        .hasMessageContaining("not a positive uint256 amount");
    assertThatThrownBy(() -> new NftPlanner.Items(AssetKind.ERC20, big(1), List.of()))
        .hasMessageContaining("not an NFT kind");
  }
}
