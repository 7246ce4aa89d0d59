package io.bridgescope.core.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Token answers as a node returns them: a well-behaved 6-decimals token, a bytes32-named one, one
 * without decimals (shown raw), answers that are not the value, and a node that does not answer.
 */
class TokenMetadataTest {

  static final Address TOKEN = Address.ofLow(0x70c);

  static Function<byte[], byte[]> answers(byte[] name, byte[] symbol, byte[] decimals) {
    Map<String, byte[]> by =
        Map.of(
            Arrays.toString(Abi.call("name()")), name,
            Arrays.toString(Abi.call("symbol()")), symbol,
            Arrays.toString(Abi.call("decimals()")), decimals);
    return data -> {
      byte[] r = by.get(Arrays.toString(data));
      if (r == null) {
        throw ChainException.revert("call reverted", "");
      }
      return r;
    };
  }

  static byte[] string(String s) {
    return Abi.encode(AbiValue.bytes(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aSixDecimalsTokenShowsItsOwnScale() {
    TokenMetadata m =
        TokenMetadataReader.read(
            ChainRole.ROOT,
            TOKEN,
            answers(string("USD Coin"), string("USDC"), Abi.encode(AbiValue.uint(6))));
    assertThat(m)
        .isEqualTo(
            new TokenMetadata(
                ChainRole.ROOT,
                TOKEN,
                Optional.of("USD Coin"),
                Optional.of("USDC"),
                OptionalInt.of(6),
                Optional.empty()));
    assertThat(TokenAmounts.format(BigInteger.valueOf(1_500_000), Optional.of(m)))
        .isEqualTo("1.5 USDC");
    assertThat(TokenAmounts.format(BigInteger.valueOf(250_000_000), Optional.of(m)))
        .isEqualTo("250 USDC");
  }

  @Test
  void aBytes32NameIsReadAsText() {
    byte[] mkr = Arrays.copyOf("MKR".getBytes(StandardCharsets.US_ASCII), 32);
    TokenMetadata m =
        TokenMetadataReader.read(
            ChainRole.ROOT, TOKEN, answers(mkr, mkr, Abi.encode(AbiValue.uint(18))));
    assertThat(m.symbol()).contains("MKR");
    assertThat(m.problem()).isEmpty();
  }

  @Test
  void aTokenWithoutDecimalsShowsRawUnits() {
    TokenMetadata m =
        TokenMetadataReader.read(
            ChainRole.CHILD,
            TOKEN,
            data -> {
              if (Arrays.equals(data, Abi.call("decimals()"))) {
                throw ChainException.revert("reverted", "");
              }
              return string("Thing");
            });
    assertThat(m.decimals()).isEmpty();
    assertThat(m.problem()).contains("decimals() reverted");
    assertThat(TokenAmounts.format(BigInteger.valueOf(1_500_000), Optional.of(m)))
        .isEqualTo("1500000 (raw units)");
    assertThat(TokenAmounts.format(BigInteger.TEN, Optional.empty())).isEqualTo("10 (raw units)");
  }

  @Test
  void answersThatAreNotTheValueAreAbsentWithTheReason() {
    TokenMetadata m =
        TokenMetadataReader.read(
            ChainRole.ROOT,
            TOKEN,
            answers(new byte[0], string("EVIL\u001b[2J"), Abi.encode(AbiValue.uint(300))));
    assertThat(m.name()).isEmpty();
    assertThat(m.symbol()).isEmpty();
    assertThat(m.decimals()).isEmpty();
    assertThat(m.problem().orElseThrow())
        .contains("name() answered nothing")
        .contains("control characters")
        .contains("more than a uint8");
  }

  @Test
  void aNodeThatDoesNotAnswerIsNotAFactAboutTheToken() {
    assertThatThrownBy(
            () ->
                TokenMetadataReader.read(
                    ChainRole.ROOT,
                    TOKEN,
                    data -> {
                      throw new ChainException(RpcErrorKind.TRANSPORT, "connection refused");
                    }))
        .isInstanceOf(ChainException.class)
        .hasMessageContaining("connection refused");
  }
}
