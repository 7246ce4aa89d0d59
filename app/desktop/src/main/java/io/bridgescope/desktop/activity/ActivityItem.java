package io.bridgescope.desktop.activity;

import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One deposit or exit involving a followed account, as My activity lists it: its stage in the words
 * the detail panes use, when its next step is expected (a live countdown is drawn from {@code
 * eta}), and the one action a user can take now.
 *
 * @param account the followed address it involves (as sender, receiver or payload party)
 * @param signer the key-store key of that account, when the account is a key (it pays the action)
 * @param what what it moves (amount, NFT ids), or empty when the payload says nothing readable
 * @param pending an unfinished wallet transaction for it, or empty
 * @param blockTime when it was sent (block time, seconds), for the newest-first order
 */
public record ActivityItem(
    Kind kind,
    BigInteger id,
    Address account,
    Optional<String> signer,
    String stage,
    String reason,
    String nextStep,
    Optional<Instant> eta,
    String what,
    NextAction action,
    String pending,
    long blockTime) {

  /** Deposit (root to child, a state sync) or exit (child to root). */
  public enum Kind {
    DEPOSIT,
    EXIT
  }

  /** The next thing a user can do about it; {@link #NONE} while it waits on the bridge. */
  public enum NextAction {
    NONE(""),
    CLAIM("Claim…"),
    SELF_EXECUTE("Self-execute…");

    private final String label;

    NextAction(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public ActivityItem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(eta, "eta");
    Objects.requireNonNull(action, "action");
  }

  /** What identifies it across reloads (the selection follows this): "exit 12", "deposit 7". */
  public String key() {
    return key(kind, id);
  }

  public static String key(Kind kind, BigInteger id) {
    return kind.name().toLowerCase(Locale.ROOT) + " " + id;
  }

  /** The same item as seen from another followed account (the first account keeps it). */
  ActivityItem withAccount(Address a, Optional<String> key) {
    return new ActivityItem(
        kind, id, a, key, stage, reason, nextStep, eta, what, action, pending, blockTime);
  }
}
