package io.bridgescope.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.desktop.ports.RowSource;
import io.bridgescope.desktop.testing.DirectCoalescers;
import io.bridgescope.desktop.testing.DirectTaskRunner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A live, newest-first list of ids while rows keep arriving at the top: the selection stays on its
 * item, the shown rows stay where they are (new ones wait behind "N new rows"), and no id is ever
 * in the list twice, even when rows arrive between a reload and a page load.
 */
class LiveTableTest {

  final List<Integer> data = new ArrayList<>();
  final AtomicReference<Runnable> changed = new AtomicReference<>();
  TableViewModel<Integer> vm;

  final RowSource<Integer> source =
      new RowSource<>() {
        @Override
        public boolean isConnected() {
          return true;
        }

        @Override
        public List<Integer> page(int offset, int limit) {
          return List.copyOf(
              data.subList(Math.min(offset, data.size()), Math.min(data.size(), offset + limit)));
        }

        @Override
        public long count() {
          return data.size();
        }

        @Override
        public OptionalLong indexOf(String key) {
          int i = data.indexOf(Integer.valueOf(key));
          return i < 0 ? OptionalLong.empty() : OptionalLong.of(i);
        }

        @Override
        public AutoCloseable subscribe(Runnable listener) {
          changed.set(listener);
          return () -> {};
        }
      };

  /** Ids {@code from..to} arrive (newest first in the list). */
  void arrive(int from, int to) {
    for (int id = from; id <= to; id++) {
      data.add(0, id);
    }
  }

  @BeforeEach
  void start() {
    arrive(1, 1000);
    vm =
        new TableViewModel<>(
            "deposits", source, r -> r, new DirectTaskRunner(), new DirectCoalescers());
    vm.holdNewRows(true);
    vm.start();
  }

  @Test
  void newRowsWaitAboveTheListAndTheSelectionStaysOnItsItem() {
    vm.userSelected(5);
    assertThat(vm.selectedProperty().get()).isEqualTo(995);

    arrive(1001, 1028);
    changed.get().run();
    assertThat(vm.rows().get(0)).as("the shown rows did not move").isEqualTo(1000);
    assertThat(vm.rows().get(5)).isEqualTo(995);
    assertThat(vm.newRowsProperty().get()).isEqualTo(28);
    assertThat(vm.totalProperty().get()).isEqualTo(1028);
    assertThat(vm.selectedKey()).contains(995);
    assertThat(vm.selectIndexProperty().get()).isEqualTo(5);

    vm.showNewRows();
    assertThat(vm.rows().get(0)).isEqualTo(1028);
    assertThat(vm.newRowsProperty().get()).isZero();
    assertThat(vm.selectedKey()).contains(995);
    assertThat(vm.selectIndexProperty().get()).isEqualTo(33);
    assertThat(vm.rows().get(33)).isEqualTo(995);
  }

  @Test
  void aPageLoadedAfterUnannouncedRowsNeverShowsAnIdTwice() {
    assertThat(vm.rows().get(250)).isNull(); // asks for page 1
    assertThat(vm.rows().get(250)).isEqualTo(750);
    arrive(1001, 1010); // no change notice yet: offsets moved under the list
    vm.rows().get(450); // page 2, read at the old offsets, would repeat ids of page 1
    vm.rows().get(450);
    vm.rows().get(250);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 600; i++) {
      Integer id = vm.rows().peek(i);
      if (id != null) {
        assertThat(seen.add(id)).as("id %d twice", id).isTrue();
        assertThat(id).as("row %d", i).isEqualTo(1000 - i);
      }
    }
    assertThat(vm.rows().peek(450)).isEqualTo(550);
    assertThat(vm.newRowsProperty().get()).isEqualTo(10);
  }

  @Test
  void revealingAHeldRowShowsTheNewRowsAndSelectsIt() {
    arrive(1001, 1005);
    changed.get().run();
    assertThat(vm.newRowsProperty().get()).isEqualTo(5);
    vm.reveal("1003");
    assertThat(vm.rows().get(0)).isEqualTo(1005);
    assertThat(vm.selectedKey()).contains(1003);
    assertThat(vm.revealIndexProperty().get()).isEqualTo(2);
  }

  @Test
  void revealSelectsTheItemSearchedForNotItsNeighbour() {
    vm.reveal("203");
    assertThat(vm.selectedProperty().get()).isEqualTo(203);
    int at = vm.revealIndexProperty().get();
    vm.rows().get(at); // the table scrolls there: its page loads
    assertThat(vm.rows().peek(at)).isEqualTo(203);
    assertThat(vm.selectIndexProperty().get()).isEqualTo(at);
  }

  @Test
  void pausedTheListStaysAsItIsAndCountsWhatArrived() {
    vm.setPaused(true);
    arrive(1001, 1003);
    changed.get().run();
    assertThat(vm.rows().get(0)).isEqualTo(1000);
    assertThat(vm.newRowsProperty().get()).isEqualTo(3);
    vm.setPaused(false);
    assertThat(vm.rows().get(0)).isEqualTo(1000);
    assertThat(vm.newRowsProperty().get()).isEqualTo(3);
  }
}
