package io.bridgescope.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.desktop.ports.RowSource;
import io.bridgescope.desktop.testing.DirectCoalescers;
import io.bridgescope.desktop.testing.DirectTaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TableViewModelTest {

  private final DirectTaskRunner tasks = new DirectTaskRunner();

  @Test
  void withoutAnIndexTheTableSaysSoAndLoadsNothing() {
    TableViewModel<String> vm =
        new TableViewModel<>("deposits", RowSource.notConnected(), tasks, new DirectCoalescers());
    vm.start();
    assertThat(vm.placeholderProperty().get()).isEqualTo(TableViewModel.NOT_CONNECTED);
    assertThat(tasks.started).isEmpty();
  }

  @Test
  void connectedSourceLoadsTheFirstPageAndReloadsOnChange() {
    List<String> data = new ArrayList<>(List.of("a", "b"));
    AtomicReference<Runnable> changed = new AtomicReference<>();
    RowSource<String> source =
        new RowSource<>() {
          @Override
          public boolean isConnected() {
            return true;
          }

          @Override
          public List<String> page(int offset, int limit) {
            return List.copyOf(data.subList(offset, Math.min(data.size(), offset + limit)));
          }

          @Override
          public long count() {
            return data.size();
          }

          @Override
          public AutoCloseable subscribe(Runnable listener) {
            changed.set(listener);
            return () -> {};
          }
        };
    TableViewModel<String> vm =
        new TableViewModel<>("exits", source, tasks, new DirectCoalescers());
    vm.start();
    assertThat(vm.rows()).containsExactly("a", "b");
    assertThat(vm.placeholderProperty().get()).isEmpty();
    data.add("c");
    changed.get().run();
    assertThat(vm.rows()).containsExactly("a", "b", "c");
    assertThat(vm.totalProperty().get()).isEqualTo(3);
  }

  @Test
  void loadErrorIsShownInTheTable() {
    RowSource<String> failing =
        new RowSource<>() {
          @Override
          public boolean isConnected() {
            return true;
          }

          @Override
          public List<String> page(int offset, int limit) throws Exception {
            throw new java.sql.SQLException("database is locked");
          }

          @Override
          public long count() {
            return 1;
          }

          @Override
          public AutoCloseable subscribe(Runnable listener) {
            return () -> {};
          }
        };
    TableViewModel<String> vm =
        new TableViewModel<>("exits", failing, tasks, new DirectCoalescers());
    vm.start();
    assertThat(vm.placeholderProperty().get())
        .isEqualTo("Could not load exits: database is locked");
  }
}
