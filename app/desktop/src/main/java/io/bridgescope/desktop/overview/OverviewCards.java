package io.bridgescope.desktop.overview;

import io.bridgescope.desktop.common.TableViewModel;
import io.bridgescope.desktop.ports.OverviewFacts;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns {@link OverviewFacts} into the Overview tiles; pure so it is tested without a display. */
public final class OverviewCards {

  static final String NONE = "–";

  private OverviewCards() {}

  public static List<OverviewCard> notConnected() {
    String why = TableViewModel.NOT_CONNECTED;
    return List.of(
        new OverviewCard("Bridge", NONE, why, false),
        new OverviewCard("Last commitment", NONE, why, false),
        new OverviewCard("Last checkpoint", NONE, why, false),
        new OverviewCard("Pending deposits", NONE, why, false),
        new OverviewCard("Pending exits", NONE, why, false),
        new OverviewCard("Stuck or failing verification", NONE, why, false),
        new OverviewCard("Validator participation", NONE, why, false));
  }

  public static List<OverviewCard> from(OverviewFacts f) {
    OverviewFacts.Pending p = f.pending();
    return List.of(
        new OverviewCard(
            "Bridge",
            f.stalls().isEmpty() ? "Moving" : "STALLED",
            f.stalls().isEmpty()
                ? "commitments, relayer and checkpoints keep their usual pace"
                : String.join("\n", f.stalls()),
            !f.stalls().isEmpty()),
        new OverviewCard(
            "Last commitment",
            f.lastCommitment().map(c -> "#" + c.number()).orElse("none yet"),
            age(f.lastCommitmentAge(), f.usualCommitmentCadence()),
            late(f.lastCommitmentAge(), f.usualCommitmentCadence())),
        new OverviewCard(
            "Last checkpoint",
            f.lastCheckpoint().map(c -> "epoch " + c.epoch()).orElse("none yet"),
            age(f.lastCheckpointAge(), f.usualCheckpointCadence()),
            late(f.lastCheckpointAge(), f.usualCheckpointCadence())),
        new OverviewCard(
            "Pending deposits",
            count(f.pendingDeposits()),
            count(p.awaitingCommitment())
                + " awaiting commitment · "
                + count(p.awaitingExecution())
                + " awaiting execution · "
                + count(p.stuckDeposits())
                + " stuck",
            p.stuckDeposits() > 0),
        new OverviewCard(
            "Pending exits",
            count(f.pendingExits()),
            count(p.awaitingCheckpoint())
                + " awaiting checkpoint · "
                + count(p.readyToExit())
                + " ready to withdraw · "
                + count(p.stuckExits())
                + " stuck",
            p.stuckExits() > 0),
        new OverviewCard(
            "Stuck or failing verification",
            count(f.stuckItems() + f.failingVerification()),
            f.stuckItems()
                + " stuck · "
                + f.failingVerification()
                + " failed verification"
                + (f.trouble().isEmpty() ? "" : "\n" + String.join("\n", f.trouble())),
            f.stuckItems() + f.failingVerification() > 0),
        new OverviewCard(
            "Validator participation",
            f.participation().isPresent()
                ? String.format(Locale.ROOT, "%.0f %%", f.participation().getAsDouble() * 100)
                : NONE,
            "signed the last checkpoint",
            false));
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String age(Optional<Duration> age, Optional<Duration> cadence) {
    if (age.isEmpty()) {
      return "no age known";
    }
    String text = human(age.get()) + " ago";
    return cadence.map(c -> text + " (usually every " + human(c) + ")").orElse(text);
  }

  /** Late when more than twice the usual cadence has passed. */
  static boolean late(Optional<Duration> age, Optional<Duration> cadence) {
    return age.isPresent()
        && cadence.isPresent()
        && age.get().compareTo(cadence.get().multipliedBy(2)) > 0;
  }

  static String human(Duration d) {
    long s = d.toSeconds();
    if (s < 120) {
      return s + " s";
    }
    if (s < 7200) {
      return s / 60 + " min";
    }
    return s / 3600 + " h";
  }
}
