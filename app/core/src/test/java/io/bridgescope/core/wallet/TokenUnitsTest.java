package io.bridgescope.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.asset.TokenMetadata;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Amounts typed in whole tokens are read at the token's own decimals, never at a guessed 18. */
class TokenUnitsTest {

  private static final Address TOKEN = Address.of("0x00000000000000000000000000000000000000b5");

  private static TokenUnits token(OptionalInt decimals, Optional<String> symbol) {
    return new TokenUnits(
        new TokenMetadata(
            ChainRole.CHILD,
            TOKEN,
            Optional.empty(),
            symbol,
            decimals,
            decimals.isEmpty() ? Optional.of("decimals() reverted") : Optional.empty()));
  }

  @Test
  void readsAndShowsAtTheTokensDecimals() {
    TokenUnits busd = token(OptionalInt.of(6), Optional.of("BUSD"));
    assertThat(busd.parse("1.5")).isEqualTo(BigInteger.valueOf(1_500_000));
    assertThat(busd.parse(" 12.345678 ")).isEqualTo(BigInteger.valueOf(12_345_678));
    assertThat(busd.show(BigInteger.valueOf(12_345_678))).isEqualTo("12.345678 BUSD");
    assertThat(token(OptionalInt.of(18), Optional.empty()).parse("1.5"))
        .isEqualTo(new BigInteger("1500000000000000000"));
    TokenUnits whole = token(OptionalInt.of(0), Optional.of("GOLD"));
    assertThat(whole.parse("7")).isEqualTo(BigInteger.valueOf(7));
    assertThat(whole.show(BigInteger.valueOf(7))).isEqualTo("7 GOLD");
  }

  @Test
  void finerThanTheDecimalsIsRefusedNamingThem() {
    assertThatThrownBy(() -> token(OptionalInt.of(6), Optional.of("BUSD")).parse("0.0000001"))
        .isInstanceOf(WalletException.class)
        .hasMessageContaining("more than 6 decimals")
        .hasMessageContaining("BUSD has 6 decimals")
        .hasMessageContaining("nothing was signed");
    assertThatThrownBy(() -> token(OptionalInt.of(6), Optional.empty()).parse("1e3"))
        .isInstanceOf(WalletException.class)
        .hasMessageContaining("is not a number");
    assertThatThrownBy(() -> token(OptionalInt.of(0), Optional.empty()).parse("1.5"))
        .hasMessageContaining("more than 0 decimals");
  }

  @Test
  void aTokenWithoutDecimalsIsShownRawAndRefusesWholeTokens() {
    TokenUnits silent = token(OptionalInt.empty(), Optional.of("ODD"));
    assertThat(silent.show(BigInteger.valueOf(1_500_000))).isEqualTo("1500000 (raw units)");
    assertThatThrownBy(() -> silent.parse("1.5"))
        .isInstanceOf(WalletException.class)
        .hasMessageContaining("does not state its decimals")
        .hasMessageContaining("decimals() reverted")
        .hasMessageContaining("nothing was signed")
        .extracting(e -> ((WalletException) e).kind())
        .isEqualTo(WalletException.Kind.REFUSED);
  }

  @Test
  void onlyPlainPositiveNumbersAreAmounts() {
    for (String bad : new String[] {"", " ", ".", "-1", "+1", "1e3", "0", "0.000", "1,5", "0x10"}) {
      assertThatThrownBy(() -> Amounts.parseUnits(bad, 18))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Amounts.parseUnits("9".repeat(101), 18))
        .hasMessageContaining("is not a number")
        .hasMessageContaining("…");
    assertThat(Amounts.parseUnits(".5", 1)).isEqualTo(BigInteger.valueOf(5));
    assertThat(Amounts.parseUnits("5.", 1)).isEqualTo(BigInteger.valueOf(50));
    assertThatThrownBy(() -> Amounts.parseUnits("1", 256)).hasMessageContaining("not a uint8");
  }
}
