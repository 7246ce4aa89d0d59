package io.bridgescope.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.store.StoreException;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.testing.DirectTaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TeamIndexViewModelTest {

  /** A switcher that records what it was asked to open and fails as told. */
  private static final class Recording implements NetworkSwitcher {
    final List<String> opened = new ArrayList<>();
    @Nullable BooleanSupplier cancelled;
    @Nullable Exception failure;

    @Override
    public List<String> networks() {
      return List.of();
    }

    @Override
    public java.util.Optional<String> current() {
      return java.util.Optional.empty();
    }

    @Override
    public void open(String network) {}

    @Override
    public void importFile(java.nio.file.Path file) {}

    @Override
    public ProfileFile inspect(java.nio.file.Path file) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String importGenesis(
        io.bridgescope.core.network.EdgeGenesis genesis,
        io.bridgescope.core.network.GenesisImporter.Request request,
        boolean replace) {
      throw new UnsupportedOperationException();
    }

    @Override
    public AutoCloseable onChange(Runnable changed) {
      return () -> {};
    }

    @Override
    public java.util.Optional<String> explorer(boolean root) {
      return java.util.Optional.empty();
    }

    @Override
    public void setExplorer(boolean root, String url) {}

    @Override
    public void openTeamIndex(String url, BooleanSupplier cancelled) throws Exception {
      this.cancelled = cancelled;
      if (failure != null) {
        throw failure;
      }
      opened.add(url);
    }
  }

  /** Starts tasks but runs nothing until told: the connection "in progress". */
  private static final class Held implements TaskRunner {
    @Nullable Runnable pending;
    boolean cancelled;

    @Override
    public <T> Cancellable run(
        String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
      pending =
          () -> {
            try {
              work.call();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
      return new Cancellable() {
        @Override
        public void cancel() {
          cancelled = true;
        }

        @Override
        public boolean isDone() {
          return false;
        }
      };
    }
  }

  @Test
  void aUrlWithAPasswordIsRefusedBeforeConnectingAndThePasswordIsNotShown() {
    Recording s = new Recording();
    DirectTaskRunner tasks = new DirectTaskRunner();
    TeamIndexViewModel vm =
        new TeamIndexViewModel(s, tasks, "postgresql://alice:hunter2@db.example/bridge", Map.of());
    vm.submit();
    assertThat(vm.errorProperty().get())
        .contains("holds a password")
        .contains("PGPASSWORD")
        .doesNotContain("hunter2");
    assertThat(tasks.started).isEmpty();

    vm.urlProperty().set("postgresql://db.example/bridge?password=hunter2");
    vm.submit();
    assertThat(vm.errorProperty().get()).contains("holds a password").doesNotContain("hunter2");

    vm.urlProperty().set("/home/alice/bridge.db");
    vm.submit();
    assertThat(vm.errorProperty().get())
        .startsWith("Not a team index URL")
        .contains("postgresql://");
    assertThat(s.opened).isEmpty();
  }

  @Test
  void aGoodUrlIsOpenedThroughTheSwitcherAndARefusalIsShownInWords() {
    Recording s = new Recording();
    TeamIndexViewModel vm =
        new TeamIndexViewModel(
            s, new DirectTaskRunner(), "postgresql://db.example/bridge", Map.of());
    s.failure =
        new StoreException(
            StoreException.Reason.AUTH, "PostgreSQL refused user 'bob' for postgresql://…", null);
    vm.submit();
    assertThat(vm.errorProperty().get())
        .startsWith("Login refused (store_auth): set PGPASSWORD or ~/.pgpass")
        .contains("refused user 'bob'");
    assertThat(vm.openedProperty().get()).isFalse();
    assertThat(vm.busyProperty().get()).isFalse();

    s.failure = null;
    vm.submit();
    assertThat(s.opened).containsExactly("postgresql://db.example/bridge");
    assertThat(vm.errorProperty().get()).isEmpty();
    assertThat(vm.openedProperty().get()).isTrue();
  }

  @Test
  void cancelStopsWaitingAndTellsTheSwitcherToDropTheConnection() {
    Recording s = new Recording();
    Held tasks = new Held();
    TeamIndexViewModel vm =
        new TeamIndexViewModel(s, tasks, "postgresql://db.example:6543/bridge", Map.of());
    vm.submit();
    assertThat(vm.busyProperty().get()).isTrue();
    assertThat(vm.progressProperty().get()).isEqualTo("Connecting to bridge on db.example:6543…");

    vm.cancel();
    assertThat(tasks.cancelled).isTrue();
    assertThat(vm.busyProperty().get()).isFalse();
    assertThat(vm.progressProperty().get()).isEmpty();
    // the connection the worker was making finishes after all: the switcher is told to drop it
    tasks.pending.run();
    assertThat(s.cancelled.getAsBoolean()).isTrue();
    assertThat(vm.openedProperty().get()).isFalse();
  }
}
