package io.bridgescope.desktop.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.KeyInfo;
import io.bridgescope.desktop.activity.ActivityItem.Kind;
import io.bridgescope.desktop.activity.ActivityItem.NextAction;
import io.bridgescope.desktop.testing.DirectCoalescers;
import io.bridgescope.desktop.testing.DirectTaskRunner;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * My activity without a display: the followed accounts' items with their stages, the countdown that
 * moves with the clock, actions keyed by the item, Claim all for a key with ready exits, the
 * selection kept on its item while the index grows, and a damaged addresses file.
 */
class ActivityViewModelTest {

  static final Address KEY = Address.of("0x00000000000000000000000000000000000000aa");
  static final Address OTHER = Address.of("0x00000000000000000000000000000000000000bb");
  static final Instant T0 = Instant.parse("2026-12-03T07:00:00Z");

  @TempDir Path dir;

  final Map<Address, List<ActivityItem>> items = new HashMap<>();
  final List<String> actions = new ArrayList<>();
  final AtomicReference<Runnable> indexMoved = new AtomicReference<>(() -> {});
  Instant now = T0;
  TrackedAddresses tracked;
  ActivityViewModel vm;

  final ActivityPort port =
      new ActivityPort() {
        @Override
        public boolean isConnected() {
          return true;
        }

        @Override
        public AutoCloseable onSessionChange(Runnable listener) {
          return () -> {};
        }

        @Override
        public AutoCloseable onDataChange(Runnable listener) {
          indexMoved.set(listener);
          return () -> {};
        }

        @Override
        public List<KeyInfo> keys() {
          return List.of(new KeyInfo("alice", KEY, Path.of("alice.json"), Optional.empty()));
        }

        @Override
        public List<Address> trackedAddresses() {
          return tracked.list();
        }

        @Override
        public List<Address> track(Address a) {
          return tracked.add(a);
        }

        @Override
        public List<Address> untrack(Address a) {
          return tracked.remove(a);
        }

        @Override
        public List<ActivityItem> activity(Address account) {
          return items.getOrDefault(account, List.of());
        }
      };

  static ActivityItem exit(long id, Address a, String stage, NextAction action, long time) {
    return new ActivityItem(
        Kind.EXIT,
        BigInteger.valueOf(id),
        a,
        Optional.empty(),
        stage,
        "",
        "wait for the checkpoint",
        stage.equals("Sent") ? Optional.of(T0.plusSeconds(30)) : Optional.empty(),
        "1 token",
        action,
        "",
        time);
  }

  static ActivityItem deposit(long id, Address a, String stage, NextAction action, long time) {
    return new ActivityItem(
        Kind.DEPOSIT,
        BigInteger.valueOf(id),
        a,
        Optional.empty(),
        stage,
        "",
        "",
        Optional.empty(),
        "2 tokens",
        action,
        "",
        time);
  }

  @BeforeEach
  void start() {
    tracked = new TrackedAddresses(dir);
    items.put(
        KEY,
        new ArrayList<>(
            List.of(
                exit(8, KEY, "Checkpointed", NextAction.CLAIM, 300),
                exit(9, KEY, "Sent", NextAction.NONE, 400),
                deposit(5, KEY, "Executed", NextAction.NONE, 100))));
    items.put(
        OTHER,
        new ArrayList<>(
            List.of(
                deposit(6, OTHER, "Committed", NextAction.SELF_EXECUTE, 200),
                exit(12, OTHER, "Checkpointed", NextAction.CLAIM, 250))));
    vm = new ActivityViewModel(port, new DirectTaskRunner(), new DirectCoalescers(), () -> now);
    vm.setActions(
        new ActivityViewModel.Actions() {
          @Override
          public void claimExit(Optional<String> key, BigInteger id) {
            actions.add("claim " + id + " as " + key.orElse("-"));
          }

          @Override
          public void selfExecute(Optional<String> key, BigInteger id) {
            actions.add("execute " + id + " as " + key.orElse("-"));
          }

          @Override
          public void claimAll(String key) {
            actions.add("claim all as " + key);
          }
        });
  }

  private List<String> keys() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < vm.table().rows().size(); i++) {
      out.add(vm.table().rows().get(i).key());
    }
    return out;
  }

  private ActivityItem row(String key) {
    for (int i = 0; i < vm.table().rows().size(); i++) {
      if (vm.table().rows().get(i).key().equals(key)) {
        return vm.table().rows().get(i);
      }
    }
    throw new AssertionError(key + " not listed: " + keys());
  }

  @Test
  void keysAndFollowedAddressesAreListedNewestFirstWithTheirStages() {
    assertThat(keys()).containsExactly("exit 9", "exit 8", "deposit 5");
    assertThat(row("exit 8").stage()).isEqualTo("Checkpointed");
    assertThat(row("exit 8").signer()).contains("alice");

    vm.addAddress(" " + OTHER.toString().toUpperCase().replace("0X", "0x") + " ");

    assertThat(vm.addressErrorProperty().get()).isEmpty();
    assertThat(vm.accounts())
        .extracting(ActivityAccount::label)
        .containsExactly("All followed accounts", "alice", OTHER.toString());
    assertThat(keys()).containsExactly("exit 9", "exit 8", "exit 12", "deposit 6", "deposit 5");
    assertThat(row("deposit 6").signer()).isEmpty();
    assertThat(tracked.list()).containsExactly(OTHER);
  }

  @Test
  void anAddressThatIsNotOneIsRefusedWithoutTouchingTheFile() {
    vm.addAddress("0x1234");
    assertThat(vm.addressErrorProperty().get()).contains("Not an address");
    assertThat(Files.exists(tracked.file())).isFalse();
  }

  @Test
  void theCountdownMovesWithEveryTickUntilItIsDue() {
    ActivityItem sent = row("exit 9");
    assertThat(vm.countdown(sent)).isEqualTo("in ~30 s");
    now = T0.plusSeconds(1);
    assertThat(vm.countdown(sent)).as("nothing moves before the tick").isEqualTo("in ~30 s");
    vm.tick();
    assertThat(vm.countdown(sent)).isEqualTo("in ~29 s");
    now = T0.plusSeconds(31);
    vm.tick();
    assertThat(vm.countdown(sent)).isEqualTo("due now");
    assertThat(vm.countdown(row("exit 8"))).as("no estimate, no countdown").isEmpty();
  }

  @Test
  void theSelectionStaysOnItsItemWhileTheIndexGrowsAndStagesMove() {
    vm.table().userSelected(1);
    assertThat(vm.table().selectedKey()).contains("exit 8");

    // a new exit arrives above and exit 9 moves on: the list reloads with the index
    items.get(KEY).add(exit(10, KEY, "Sent", NextAction.NONE, 500));
    items.get(KEY).set(1, exit(9, KEY, "Checkpointed", NextAction.CLAIM, 400));
    indexMoved.get().run();
    vm.table().showNewRows();

    assertThat(keys()).containsExactly("exit 10", "exit 9", "exit 8", "deposit 5");
    assertThat(vm.table().selectedKey()).contains("exit 8");
    assertThat(vm.table().selectIndexProperty().get()).isEqualTo(2);
    assertThat(row("exit 9").stage()).isEqualTo("Checkpointed");
    assertThat(vm.readyProperty().get()).as("only the chosen account counts").isZero();
  }

  @Test
  void theSelectedItemsActionFollowsItsStageAcrossReloads() {
    vm.table().userSelected(0);
    assertThat(vm.currentProperty().get().key()).isEqualTo("exit 9");
    assertThat(vm.currentProperty().get().action()).isEqualTo(NextAction.NONE);
    vm.actOnSelected();
    assertThat(actions).isEmpty();

    items.get(KEY).set(1, exit(9, KEY, "Checkpointed", NextAction.CLAIM, 400));
    indexMoved.get().run();

    assertThat(vm.currentProperty().get().stage()).isEqualTo("Checkpointed");
    vm.actOnSelected();
    assertThat(actions).containsExactly("claim 9 as alice");
  }

  @Test
  void actionsGoToTheItemByItsKeyWithTheSigningKeyOfItsAccount() {
    vm.addAddress(OTHER.toString());
    vm.act(row("exit 8"));
    vm.act(row("deposit 6"));
    vm.act(row("exit 12"));
    assertThat(actions).containsExactly("claim 8 as alice", "execute 6 as -", "claim 12 as -");

    // an item drawn before its stage moved acts on what it is now: nothing to do any more
    ActivityItem drawn = row("exit 8");
    items.get(KEY).set(0, exit(8, KEY, "Exited", NextAction.NONE, 300));
    indexMoved.get().run();
    vm.act(drawn);
    assertThat(actions).hasSize(3);
    assertThat(vm.statusProperty().get()).startsWith("exit 8 has no action now");
  }

  @Test
  void claimAllIsOfferedForAKeyWithReadyExitsAndNamesThatKey() {
    vm.addAddress(OTHER.toString());
    assertThat(vm.canClaimAllProperty().get()).as("all accounts: no single key").isFalse();
    vm.claimAllReady();
    assertThat(actions).isEmpty();

    vm.selectedAccountProperty().set(vm.accounts().get(2)); // the followed address, not a key
    assertThat(keys()).containsExactly("exit 12", "deposit 6");
    assertThat(vm.readyProperty().get()).isEqualTo(1);
    assertThat(vm.canClaimAllProperty().get()).as("no key signs for it").isFalse();

    vm.selectedAccountProperty().set(vm.accounts().get(1));
    assertThat(keys()).containsExactly("exit 9", "exit 8", "deposit 5");
    assertThat(vm.readyProperty().get()).isEqualTo(1);
    assertThat(vm.canClaimAllProperty().get()).isTrue();
    vm.claimAllReady();
    assertThat(actions).containsExactly("claim all as alice");
  }

  @Test
  void aDamagedAddressesFileIsNamedAndTheKeysAreStillListed() throws Exception {
    Files.writeString(tracked.file(), OTHER + "\nnot-an-address\n");
    vm.refreshAccounts();

    assertThat(vm.statusProperty().get())
        .contains(tracked.file().toString())
        .contains("line 2")
        .contains("Fix or delete it");
    assertThat(vm.accounts()).extracting(ActivityAccount::label).contains("alice");
    assertThat(keys()).containsExactly("exit 9", "exit 8", "deposit 5");

    vm.addAddress(OTHER.toString());
    assertThat(vm.addressErrorProperty().get()).contains(tracked.file().toString());
    assertThat(Files.readString(tracked.file())).contains("not-an-address");
  }

  @Test
  void removingAFollowedAddressDropsItsItems() {
    vm.addAddress(OTHER.toString());
    vm.selectedAccountProperty().set(vm.accounts().get(2));
    vm.removeSelectedAddress();
    assertThat(vm.accounts()).extracting(ActivityAccount::label).doesNotContain(OTHER.toString());
    assertThat(vm.selectedAccountProperty().get()).isEqualTo(ActivityAccount.ALL);
    assertThat(keys()).containsExactly("exit 9", "exit 8", "deposit 5");
  }
}
