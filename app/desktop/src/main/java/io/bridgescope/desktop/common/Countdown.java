package io.bridgescope.desktop.common;

import java.time.Duration;
import java.time.Instant;

/**
 * The wallet's "in ~N s" estimate of when a deposit or exit reaches its next step, as text for one
 * moment: the Wallet screen's exits list and My activity's live countdown read the same words.
 */
public final class Countdown {

  private Countdown() {}

  /** "in ~9 s", "in ~3 min", or "due now" once {@code eta} has passed at {@code now}. */
  public static String text(Instant eta, Instant now) {
    long s = Duration.between(now, eta).toSeconds();
    return s <= 0 ? "due now" : "in ~" + (s < 120 ? s + " s" : (s / 60) + " min");
  }
}
