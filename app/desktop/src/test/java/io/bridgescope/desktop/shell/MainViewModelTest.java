package io.bridgescope.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.Theme;
import io.bridgescope.desktop.search.SearchKind;
import io.bridgescope.desktop.search.SearchQuery;
import io.bridgescope.desktop.search.SearchResolver;
import io.bridgescope.desktop.testing.DirectTaskRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainViewModelTest {

  private final DirectTaskRunner tasks = new DirectTaskRunner();

  @Test
  void startsOnOverviewAndShortcutsFollowTheScreenOrder() {
    MainViewModel vm = new MainViewModel(SearchResolver.NOT_CONNECTED, tasks);
    assertThat(vm.screenProperty().get()).isEqualTo(Screen.OVERVIEW);
    vm.navigateToShortcut(4);
    assertThat(vm.screenProperty().get()).isEqualTo(Screen.COMMITMENTS);
    vm.navigateToShortcut(7);
    assertThat(vm.screenProperty().get()).isEqualTo(Screen.WALLET);
    vm.navigateToShortcut(9);
    assertThat(vm.screenProperty().get()).isEqualTo(Screen.SOLVENCY);
    vm.navigateToShortcut(0);
    assertThat(vm.screenProperty().get()).isEqualTo(Screen.ACTIVITY);
    vm.navigateToShortcut(11);
    assertThat(vm.screenProperty().get()).isEqualTo(Screen.ACTIVITY);
  }

  @Test
  void searchGoesToTheScreenOfTheKeyKindAndSaysTheIndexIsMissing() {
    MainViewModel vm = new MainViewModel(SearchResolver.NOT_CONNECTED, tasks);
    vm.search("exit 12");
    assertThat(vm.screenProperty().get()).isEqualTo(Screen.EXITS);
    assertThat(vm.searchMessageProperty().get()).contains("exit id", "not connected");
    vm.search("epoch 3");
    assertThat(vm.screenProperty().get()).isEqualTo(Screen.CHECKPOINTS);
    vm.search("commitment 3");
    assertThat(vm.screenProperty().get()).isEqualTo(Screen.COMMITMENTS);
    vm.search("0x" + "11".repeat(32));
    assertThat(vm.screenProperty().get()).isEqualTo(Screen.DEPOSITS);
    assertThat(tasks.started).isEmpty();
  }

  @Test
  void invalidSearchStaysAndExplains() {
    MainViewModel vm = new MainViewModel(SearchResolver.NOT_CONNECTED, tasks);
    vm.navigate(Screen.VALIDATORS);
    vm.search("0x123");
    assertThat(vm.screenProperty().get()).isEqualTo(Screen.VALIDATORS);
    assertThat(vm.searchMessageProperty().get()).contains("3 hex digits");
  }

  @Test
  void connectedResolverNavigatesToTheFirstHit() {
    SearchResolver resolver =
        new SearchResolver() {
          @Override
          public boolean isConnected() {
            return true;
          }

          @Override
          public List<SearchHit> resolve(SearchQuery query) {
            return List.of(new SearchHit(SearchKind.EPOCH, "5", "checkpoint of epoch 5"));
          }
        };
    MainViewModel vm = new MainViewModel(resolver, tasks);
    vm.search("5");
    assertThat(tasks.started).containsExactly("search 5");
    assertThat(vm.screenProperty().get()).isEqualTo(Screen.CHECKPOINTS);
    assertThat(vm.searchMessageProperty().get()).isEqualTo("Found checkpoint of epoch 5");
  }

  @Test
  void aLinkWaitsForItsItemAndOpensItOnceTheIndexHoldsIt() {
    java.util.concurrent.atomic.AtomicBoolean indexed =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicBoolean connected =
        new java.util.concurrent.atomic.AtomicBoolean();
    SearchResolver resolver =
        new SearchResolver() {
          @Override
          public boolean isConnected() {
            return connected.get();
          }

          @Override
          public List<SearchHit> resolve(SearchQuery query) {
            return indexed.get()
                ? List.of(new SearchHit(SearchKind.STATE_SYNC_ID, "123", "deposit 123"))
                : List.of();
          }
        };
    MainViewModel vm = new MainViewModel(resolver, tasks);
    List<SearchResolver.SearchHit> revealed = new java.util.ArrayList<>();
    vm.setRevealer(revealed::add);
    vm.openLink("deposit 123");
    assertThat(vm.screenProperty().get()).isEqualTo(Screen.DEPOSITS);
    assertThat(vm.searchMessageProperty().get()).contains("not connected");
    connected.set(true);
    vm.retryLink(); // the index opened
    assertThat(vm.searchMessageProperty().get()).contains("Waiting for deposit 123");
    assertThat(vm.pendingLink()).isEqualTo("deposit 123");
    indexed.set(true);
    vm.retryLink(); // the index moved on
    assertThat(revealed).extracting(SearchResolver.SearchHit::key).containsExactly("123");
    assertThat(vm.searchMessageProperty().get()).isEqualTo("Found deposit 123");
    assertThat(vm.pendingLink()).isNull();
    vm.retryLink();
    assertThat(revealed).hasSize(1);
  }

  @Test
  void aSearchOfTheUsersOwnDropsTheLinkBeingWaitedFor() {
    SearchResolver resolver =
        new SearchResolver() {
          @Override
          public boolean isConnected() {
            return true;
          }

          @Override
          public List<SearchHit> resolve(SearchQuery query) {
            return List.of();
          }
        };
    MainViewModel vm = new MainViewModel(resolver, tasks);
    vm.openLink("exit 9");
    assertThat(vm.pendingLink()).isEqualTo("exit 9");
    vm.search("epoch 3");
    assertThat(vm.pendingLink()).isNull();
    int searches = tasks.started.size();
    vm.retryLink();
    assertThat(tasks.started).hasSize(searches);
  }

  @Test
  void themeToggles() {
    MainViewModel vm = new MainViewModel(SearchResolver.NOT_CONNECTED, tasks);
    vm.toggleTheme();
    assertThat(vm.themeProperty().get()).isEqualTo(Theme.DARK);
    vm.toggleTheme();
    assertThat(vm.themeProperty().get()).isEqualTo(Theme.LIGHT);
  }
}
