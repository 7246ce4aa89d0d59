package io.bridgescope.desktop.engine;

import io.bridgescope.core.lifecycle.DepositStatus;
import io.bridgescope.core.lifecycle.ExitStatus;
import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.rows.Watch;
import io.bridgescope.desktop.ports.Notice;
import io.bridgescope.desktop.ports.Notice.Target;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The last stage seen of every watched item, per session. The first look at a new watch is its
 * baseline (no notice); after that a different stage, or a new item of a watched address, is a
 * notice. Used by one thread only.
 */
final class WatchTracker {

  /** Items of a watched address that are followed: its newest deposits and exits. */
  static final int ADDRESS_DEPTH = 50;

  private final Map<String, Stage> known = new HashMap<>();
  private final Set<Long> baselined = new HashSet<>();
  private final Map<String, Stage> changed = new HashMap<>();
  private @Nullable Session session;
  private java.util.function.Consumer<WatchTracker> restoring = t -> {};

  /** Called with this tracker when a new session starts, to restore its stored baselines. */
  void onNewSession(java.util.function.Consumer<WatchTracker> restore) {
    this.restoring = restore;
  }

  List<Notice> update(Session s, List<Watch> watches, Instant now) {
    if (s != session) {
      session = s;
      known.clear();
      baselined.clear();
      changed.clear();
      restoring.accept(this);
    }
    List<Notice> out = new ArrayList<>();
    for (Watch w : watches) {
      boolean first = baselined.add(w.id());
      switch (w.kind()) {
        case DEPOSIT -> {
          BigInteger id = new BigInteger(1, w.value().value());
          s.lifecycle().deposit(id).ifPresent(d -> see(out, d, first, now, Optional.empty()));
        }
        case EXIT -> {
          BigInteger id = new BigInteger(1, w.value().value());
          s.lifecycle().exit(id).ifPresent(x -> see(out, x, first, now, Optional.empty()));
        }
        case ADDRESS -> {
          Address a = new Address(w.value().value());
          for (DepositStatus d :
              s.lifecycle().depositsByAddress(a, Optional.empty(), ADDRESS_DEPTH)) {
            see(out, d, first, now, Optional.of(a));
          }
          for (ExitStatus x : s.lifecycle().exitsByAddress(a, Optional.empty(), ADDRESS_DEPTH)) {
            see(out, x, first, now, Optional.of(a));
          }
        }
        case TX -> {
          // A tx watch belongs to the wallet's journal; its status is shown there.
        }
      }
    }
    return out;
  }

  private void see(
      List<Notice> out, DepositStatus d, boolean first, Instant now, Optional<Address> of) {
    see(
        out,
        new Target(Target.Kind.DEPOSIT, d.deposit().id().toString()),
        d.stage(),
        first,
        now,
        of);
  }

  private void see(
      List<Notice> out, ExitStatus x, boolean first, Instant now, Optional<Address> of) {
    see(out, new Target(Target.Kind.EXIT, x.exit().id().toString()), x.stage(), first, now, of);
  }

  private void see(
      List<Notice> out,
      Target target,
      Stage stage,
      boolean first,
      Instant now,
      Optional<Address> of) {
    String item = (target.kind() == Target.Kind.DEPOSIT ? "Deposit " : "Exit ") + target.key();
    Stage before = known.put(item, stage);
    if (before != stage) {
      changed.put(item, stage);
    }
    if (first || before == stage) {
      return;
    }
    String title = item + ": " + Words.stage(stage);
    String text =
        before == null
            ? "new" + of.map(a -> " for watched address " + a).orElse("")
            : "was " + Words.stage(before) + of.map(a -> " (watched address " + a + ")").orElse("");
    out.add(
        new Notice(
            now, title, text, Optional.of(target), of.map(Address::toString), Words.stage(stage)));
  }

  /**
   * The stages seen since the last call, to store as baselines (the data directory keeps them, so a
   * change made while the app was closed is reported at the next start); cleared by the call.
   */
  Map<String, Stage> drainChanged() {
    Map<String, Stage> out = new HashMap<>(changed);
    changed.clear();
    return out;
  }

  /** Baselines stored by an earlier run: item ("Deposit 42") to its last stage seen. */
  void restore(Map<String, Stage> stages, Set<Long> seenWatches) {
    known.putAll(stages);
    baselined.addAll(seenWatches);
  }

  /** The watches whose baseline was taken (stored beside the stages). */
  Set<Long> baselinedWatches() {
    return Set.copyOf(baselined);
  }
}
