package io.bridgescope.desktop.ports;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A watched item's lifecycle step changed (or a watched address got a new item).
 *
 * @param title e.g. "Deposit 42: Executed"
 * @param text e.g. "was Committed" or "new deposit of 0xab…"
 * @param target what the bell entry opens: the item, or for a coalesced entry the address
 * @param via the watched address that reported it, if it came through one (for coalescing)
 * @param stage the stage reached, as it reads ("Executed"); empty if none
 */
public record Notice(
    Instant at,
    String title,
    String text,
    Optional<Target> target,
    Optional<String> via,
    String stage) {

  /** What a notice is about: a deposit or exit by id, or an address. */
  public record Target(Kind kind, String key) {
    public enum Kind {
      DEPOSIT,
      EXIT,
      ADDRESS
    }

    public Target {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(key, "key");
    }
  }

  public Notice {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(via, "via");
    Objects.requireNonNull(stage, "stage");
  }

  /** A notice about nothing that can be opened. */
  public Notice(Instant at, String title, String text) {
    this(at, title, text, Optional.empty(), Optional.empty(), "");
  }
}
