package io.bridgescope.desktop.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.desktop.testing.DirectCoalescers;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {

  @Test
  void notConnectedShowsNothingKnown() {
    StatusViewModel vm = new StatusViewModel(StatusSource.notConnected(), new DirectCoalescers());
    vm.start();
    assertThat(vm.rootHeadProperty().get()).isEqualTo("Root: no head yet");
    assertThat(vm.indexLagProperty().get()).isEqualTo("Index lag: root – · child –");
    assertThat(vm.rpcProperty().get()).isEqualTo("RPC: root UNKNOWN · child UNKNOWN");
    assertThat(vm.messageProperty().get()).isEqualTo("Indexer not connected");
    assertThat(vm.catchingUpProperty().get()).isFalse();
  }

  @Test
  void snapshotsBecomeHeadsLagHealthAndProgress() {
    AtomicReference<Consumer<StatusSnapshot>> listener = new AtomicReference<>();
    AtomicBoolean closed = new AtomicBoolean();
    StatusSource source =
        l -> {
          listener.set(l);
          return () -> closed.set(true);
        };
    StatusViewModel vm = new StatusViewModel(source, new DirectCoalescers());
    vm.start();
    listener
        .get()
        .accept(
            new StatusSnapshot(
                new ChainStatus(
                    "Root", OptionalLong.of(12_345), OptionalLong.of(12_000), RpcHealth.OK, ""),
                new ChainStatus(
                    "Child", OptionalLong.of(900), OptionalLong.of(900), RpcHealth.DOWN, "timeout"),
                OptionalDouble.of(0.25),
                "Catching up"));
    assertThat(vm.rootHeadProperty().get()).isEqualTo("Root: #12,345");
    assertThat(vm.indexLagProperty().get())
        .isEqualTo("Index lag: root 345 blocks · child 0 blocks");
    assertThat(vm.rpcProperty().get()).isEqualTo("RPC: root OK · child DOWN (timeout)");
    assertThat(vm.worstHealthProperty().get()).isEqualTo(RpcHealth.DOWN);
    assertThat(vm.catchingUpProperty().get()).isTrue();
    assertThat(vm.progressProperty().get()).isEqualTo(0.25);
    vm.close();
    assertThat(closed).isTrue();
  }
}
