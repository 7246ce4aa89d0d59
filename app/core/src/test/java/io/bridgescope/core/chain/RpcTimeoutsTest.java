package io.bridgescope.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RpcTimeoutsTest {

  @Test
  void defaultsAreAtMostTenSeconds() {
    RpcTimeouts t = RpcTimeouts.fromSettings(k -> null);
    assertThat(t.call()).isEqualTo(Duration.ofSeconds(10));
    assertThat(t.connect()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void secondsAreConfigurable() {
    RpcTimeouts t = RpcTimeouts.fromSettings(Map.of("call", "2.5", "connect", "1")::get);
    assertThat(t.call()).isEqualTo(Duration.ofMillis(2500));
    assertThat(t.connect()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aBadValueNamesTheSettingAndTheRange() {
    assertThatThrownBy(() -> RpcTimeouts.fromSettings(Map.of("call", "ten")::get))
        .hasMessageContaining("BRIDGESCOPE_RPC_TIMEOUT")
        .hasMessageContaining("'ten'");
    assertThatThrownBy(() -> RpcTimeouts.fromSettings(Map.of("connect", "0")::get))
        .hasMessageContaining("BRIDGESCOPE_RPC_CONNECT_TIMEOUT");
  }
}
