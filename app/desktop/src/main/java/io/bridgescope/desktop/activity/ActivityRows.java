package io.bridgescope.desktop.activity;

import io.bridgescope.core.model.Address;
import io.bridgescope.desktop.ports.RowSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * My activity's rows for the shared {@code TableViewModel} (so the list keeps its selection by key
 * and follows the index like the Deposits and Exits tables): every deposit and exit of the followed
 * accounts, or of one of them ({@link #forAddress}), newest first. {@link #count} reads them all
 * (worker thread, SQL) and {@link #page} serves that read, so a reload's count and pages agree.
 */
final class ActivityRows implements RowSource<ActivityItem> {

  private final ActivityPort port;
  private final Supplier<List<ActivityAccount>> accounts;
  private final Optional<Address> only;
  private volatile @Nullable Snapshot last;

  /** One read: the rows in order and how many exits of each account can be claimed now. */
  record Snapshot(List<ActivityItem> rows, Map<Address, Integer> readyByAccount) {

    /** How many exits of {@code a} can be claimed now. */
    int ready(Address a) {
      return readyByAccount.getOrDefault(a, 0);
    }
  }

  /**
   * @param accounts the followed accounts as the screen has them (any thread may ask)
   */
  ActivityRows(ActivityPort port, Supplier<List<ActivityAccount>> accounts) {
    this(port, accounts, Optional.empty());
  }

  private ActivityRows(
      ActivityPort port, Supplier<List<ActivityAccount>> accounts, Optional<Address> only) {
    this.port = port;
    this.accounts = accounts;
    this.only = only;
  }

  /** The address this source is narrowed to, if any. */
  Optional<Address> only() {
    return only;
  }

  @Override
  public boolean isConnected() {
    return port.isConnected();
  }

  @Override
  public long count() {
    Snapshot s = read();
    last = s;
    return s.rows().size();
  }

  @Override
  public List<ActivityItem> page(int offset, int limit) {
    Snapshot s = last;
    if (s == null) {
      s = read();
      last = s;
    }
    List<ActivityItem> rows = s.rows();
    if (offset >= rows.size()) {
      return List.of();
    }
    return List.copyOf(rows.subList(offset, Math.min(rows.size(), offset + limit)));
  }

  /** The last read (empty before the first). */
  Snapshot last() {
    Snapshot s = last;
    return s == null ? new Snapshot(List.of(), Map.of()) : s;
  }

  @Override
  public AutoCloseable subscribe(Runnable changed) {
    AutoCloseable data = port.onDataChange(changed);
    AutoCloseable session = port.onSessionChange(changed);
    return () -> {
      try {
        data.close();
      } finally {
        session.close();
      }
    };
  }

  @Override
  public Optional<RowSource<ActivityItem>> forAddress(Address address) {
    return Optional.of(new ActivityRows(port, accounts, Optional.of(address)));
  }

  /**
   * Reads every followed account's items; an item involving two followed accounts is listed once,
   * for the first (a key before an added address, so its key pays the action).
   */
  private Snapshot read() {
    Map<String, ActivityItem> byKey = new LinkedHashMap<>();
    Map<Address, Integer> ready = new LinkedHashMap<>();
    for (ActivityAccount a : accounts.get()) {
      if (a.address().isEmpty() || (only.isPresent() && !only.equals(a.address()))) {
        continue;
      }
      Address at = a.address().get();
      for (ActivityItem item : port.activity(at)) {
        byKey.putIfAbsent(item.key(), item.withAccount(at, a.key()));
        if (item.kind() == ActivityItem.Kind.EXIT
            && item.action() == ActivityItem.NextAction.CLAIM) {
          ready.merge(at, 1, Integer::sum);
        }
      }
    }
    if (only.isPresent() && byKey.isEmpty() && !followed(only.get())) {
      // narrowed to an address that is not (or no longer) followed: still show its items
      for (ActivityItem item : port.activity(only.get())) {
        byKey.putIfAbsent(item.key(), item);
      }
    }
    List<ActivityItem> rows = new ArrayList<>(byKey.values());
    rows.sort(
        Comparator.comparingLong(ActivityItem::blockTime)
            .thenComparing(ActivityItem::kind)
            .thenComparing(ActivityItem::id)
            .reversed());
    return new Snapshot(List.copyOf(rows), Map.copyOf(ready));
  }

  private boolean followed(Address a) {
    return accounts.get().stream().anyMatch(x -> x.address().equals(Optional.of(a)));
  }
}
