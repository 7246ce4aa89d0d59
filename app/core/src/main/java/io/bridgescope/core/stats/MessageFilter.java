package io.bridgescope.core.stats;

import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.core.model.Address;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Deposits or Exits list is narrowed to and how it is ordered. Every part is optional; the
 * empty filter lists everything newest first.
 *
 * @param stage only rows in this lifecycle stage
 * @param token only messages of this token: as the decoded payload names it (on its home chain), or
 *     its mirror on the other chain (through the mapping events)
 * @param address only rows where it is sender, receiver, depositor/withdrawer or recipient
 * @param from only rows emitted at or after this time (block time)
 * @param to only rows emitted before this time (block time)
 * @param kind only messages whose decoded payload is of this asset kind ({@link AssetKind#UNKNOWN}:
 *     the unknown payloads)
 */
public record MessageFilter(
    Optional<Stage> stage,
    Optional<Address> token,
    Optional<Address> address,
    Optional<Instant> from,
    Optional<Instant> to,
    Order order,
    Optional<AssetKind> kind) {

  /** Row order; time orders break ties by id. */
  public enum Order {
    NEWEST_ID("id", true),
    OLDEST_ID("id", false),
    NEWEST_TIME("time", true),
    OLDEST_TIME("time", false);

    private final String key;
    private final boolean descending;

    Order(String key, boolean descending) {
      this.key = key;
      this.descending = descending;
    }

    public boolean byTime() {
      return key.equals("time");
    }

    public boolean descending() {
      return descending;
    }
  }

  public static final MessageFilter NONE =
      new MessageFilter(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Order.NEWEST_ID,
          Optional.empty());

  public MessageFilter {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(kind, "kind");
  }

  /** A filter of any asset kind. */
  public MessageFilter(
      Optional<Stage> stage,
      Optional<Address> token,
      Optional<Address> address,
      Optional<Instant> from,
      Optional<Instant> to,
      Order order) {
    this(stage, token, address, from, to, order, Optional.empty());
  }

  /** True when nothing narrows the list (the order may still differ). */
  public boolean narrowsNothing() {
    return stage.isEmpty()
        && token.isEmpty()
        && address.isEmpty()
        && from.isEmpty()
        && to.isEmpty()
        && kind.isEmpty();
  }

  /** True when only an address narrows the list, newest first: the indexed by-address query. */
  public boolean addressOnly() {
    return address.isPresent()
        && stage.isEmpty()
        && token.isEmpty()
        && from.isEmpty()
        && to.isEmpty()
        && kind.isEmpty()
        && order == Order.NEWEST_ID;
  }

  public MessageFilter withStage(Optional<Stage> s) {
    return new MessageFilter(s, token, address, from, to, order, kind);
  }

  public MessageFilter withToken(Optional<Address> t) {
    return new MessageFilter(stage, t, address, from, to, order, kind);
  }

  public MessageFilter withAddress(Optional<Address> a) {
    return new MessageFilter(stage, token, a, from, to, order, kind);
  }

  public MessageFilter withTime(Optional<Instant> f, Optional<Instant> t) {
    return new MessageFilter(stage, token, address, f, t, order, kind);
  }

  public MessageFilter withOrder(Order o) {
    return new MessageFilter(stage, token, address, from, to, o, kind);
  }

  public MessageFilter withKind(Optional<AssetKind> k) {
    return new MessageFilter(stage, token, address, from, to, order, k);
  }
}
