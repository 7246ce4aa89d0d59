package io.bridgescope.core.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class BlockRangeTest {

  @Test
  void growsByTenPercentPlusOneUpToTheCap() {
    BlockRange r = new BlockRange(10, 1, 14);
    r.grow();
    assertThat(r.size()).isEqualTo(12);
    r.grow();
    assertThat(r.size()).isEqualTo(14);
    r.grow();
    assertThat(r.size()).isEqualTo(14);
  }

  @Test
  void halvesDownToTheMinimumThenRefuses() {
    BlockRange r = new BlockRange(8, 2, 100);
    assertThat(r.shrink()).isTrue();
    assertThat(r.size()).isEqualTo(4);
    assertThat(r.shrink()).isTrue();
    assertThat(r.size()).isEqualTo(2);
    assertThat(r.shrink()).isFalse();
  }

  @Test
  void recognisesErrorsASmallerRangeFixes() {
    assertThat(
            BlockRange.isRangeError(
                new ChainException(
                    RpcErrorKind.OTHER_RPC_ERROR, "query returned more than 10000 results")))
        .isTrue();
    assertThat(
            BlockRange.isRangeError(
                new ChainException(RpcErrorKind.TRANSPORT, "x", new SocketTimeoutException("t"))))
        .isTrue();
    assertThat(
            BlockRange.isRangeError(
                new ChainException(RpcErrorKind.TRANSPORT, "connection refused")))
        .isFalse();
  }
}
