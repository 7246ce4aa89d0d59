package io.bridgescope.desktop.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.store.rows.WatchKind;
import io.bridgescope.desktop.ports.Notice;
import io.bridgescope.desktop.ports.WatchSource;
import io.bridgescope.desktop.testing.DirectTaskRunner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class NotificationsViewModelTest {

  /** A watch list in memory whose notices the test pushes. */
  static final class FakeWatches implements WatchSource {
    final Set<String> watched = new HashSet<>();
    Consumer<List<Notice>> listener;

    @Override
    public boolean isConnected() {
      return true;
    }

    @Override
    public boolean isWatched(WatchKind kind, String key) {
      return watched.contains(kind + key);
    }

    @Override
    public void setWatched(WatchKind kind, String key, boolean on) {
      if (on) {
        watched.add(kind + key);
      } else {
        watched.remove(kind + key);
      }
    }

    @Override
    public AutoCloseable subscribe(Consumer<List<Notice>> notices) {
      listener = notices;
      return () -> listener = null;
    }
  }

  final FakeWatches watches = new FakeWatches();
  final List<String> popups = new ArrayList<>();

  /** Holds coalesced drains until the test flushes them, as the ~100 ms coalescer would. */
  final List<Object> pending = new ArrayList<>();

  Consumer<Object> drain;

  long nanos;

  NotificationsViewModel vm() {
    return new NotificationsViewModel(
        watches,
        new DirectTaskRunner(),
        new io.bridgescope.desktop.concurrent.UiCoalescer.Factory() {
          @Override
          @SuppressWarnings("unchecked")
          public <T> Consumer<T> create(Consumer<? super T> sink) {
            drain = v -> sink.accept((T) v);
            return pending::add;
          }
        },
        (title, text) -> popups.add(title),
        () -> nanos);
  }

  static Notice ofAddress(String kind, int id, String stage) {
    Notice.Target.Kind k = Notice.Target.Kind.valueOf(kind);
    return new Notice(
        Instant.now(),
        (kind.equals("DEPOSIT") ? "Deposit " : "Exit ") + id + ": " + stage,
        "was Committed (watched address " + ADDRESS + ")",
        java.util.Optional.of(new Notice.Target(k, Integer.toString(id))),
        java.util.Optional.of(ADDRESS),
        stage);
  }

  static final String ADDRESS = "0xab00000000000000000000000000000000000cd1";

  static Notice notice(String title) {
    return new Notice(Instant.now(), title, "was Sent");
  }

  @Test
  void aBurstOfChangesIsOnePopupAndEveryNoticeInTheListNewestFirst() {
    NotificationsViewModel vm = vm();
    vm.start();
    watches.listener.accept(List.of(notice("Deposit 1: Committed")));
    watches.listener.accept(List.of(notice("Deposit 2: Committed"), notice("Exit 3: Exited")));
    assertThat(vm.notices()).isEmpty(); // nothing before the coalesced drain on the FX thread
    drain.accept(Boolean.TRUE);
    assertThat(vm.notices())
        .extracting(Notice::title)
        .containsExactly("Exit 3: Exited", "Deposit 2: Committed", "Deposit 1: Committed");
    assertThat(vm.unreadProperty().get()).isEqualTo(3);
    assertThat(popups).containsExactly("3 watched updates");
    vm.markRead();
    assertThat(vm.unreadProperty().get()).isZero();
  }

  @Test
  void manyItemsOfAWatchedAddressReachingOneStageAreOneEntryThatOpensTheAddress() {
    NotificationsViewModel vm = vm();
    List<Notice.Target> opened = new ArrayList<>();
    vm.setOpener(opened::add);
    vm.start();
    List<Notice> burst = new ArrayList<>();
    for (int id = 1; id <= 12; id++) {
      burst.add(ofAddress("DEPOSIT", id, "Executed"));
    }
    burst.add(ofAddress("EXIT", 40, "Checkpointed"));
    watches.listener.accept(burst);
    drain.accept(Boolean.TRUE);
    assertThat(vm.notices())
        .extracting(Notice::title)
        .containsExactly("Exit 40: Checkpointed", "12 deposits of 0xab00…0cd1: Executed");
    assertThat(vm.notices().get(1).text()).startsWith("ids 1, 2, 3, 4, 5, 6, 7, 8, …");
    assertThat(vm.unreadProperty().get()).isEqualTo(2);
    vm.open(vm.notices().get(1));
    vm.open(vm.notices().get(0));
    assertThat(opened)
        .containsExactly(
            new Notice.Target(Notice.Target.Kind.ADDRESS, ADDRESS),
            new Notice.Target(Notice.Target.Kind.EXIT, "40"));
  }

  @Test
  void aStreamOfChangesPopsUpAtMostOncePerQuietPeriodAndSumsTheRest() {
    NotificationsViewModel vm = vm();
    vm.start();
    for (int i = 0; i < 31; i++) {
      nanos = i * 1_000_000_000L; // one change a second for 31 s
      watches.listener.accept(List.of(notice("Deposit " + i + ": Executed")));
      drain.accept(Boolean.TRUE);
    }
    assertThat(popups).hasSizeLessThanOrEqualTo(7);
    assertThat(popups.get(0)).isEqualTo("Deposit 0: Executed");
    assertThat(popups.get(1)).isEqualTo("5 watched updates");
    assertThat(vm.notices()).hasSize(31);
  }

  @Test
  void aSingleChangePopsUpItsOwnTitleAndTheListIsBounded() {
    NotificationsViewModel vm = vm();
    vm.start();
    for (int i = 0; i < NotificationsViewModel.KEPT + 5; i++) {
      watches.listener.accept(List.of(notice("Deposit " + i + ": Executed")));
      drain.accept(Boolean.TRUE);
    }
    assertThat(popups.get(0)).isEqualTo("Deposit 0: Executed");
    assertThat(vm.notices()).hasSize(NotificationsViewModel.KEPT);
    assertThat(vm.notices().get(0).title()).isEqualTo("Deposit 104: Executed");
  }

  @Test
  void watchingStoresTheStateAndReportsIt() {
    NotificationsViewModel vm = vm();
    List<Boolean> seen = new ArrayList<>();
    vm.setWatched(WatchKind.EXIT, "7", true, seen::add);
    vm.isWatched(WatchKind.EXIT, "7", seen::add);
    vm.setWatched(WatchKind.EXIT, "7", false, seen::add);
    vm.isWatched(WatchKind.EXIT, "7", seen::add);
    assertThat(seen).containsExactly(true, true, false, false);
  }
}
