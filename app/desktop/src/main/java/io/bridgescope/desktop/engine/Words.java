package io.bridgescope.desktop.engine;

import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.core.store.rows.VerdictRow;
import io.bridgescope.core.store.rows.VerdictStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** How engine values read on screen. */
public final class Words {

  public static final String NOT_VERIFIED = "not verified yet";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private Words() {}

  public static String stage(Stage s) {
    String n = s.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  public static String time(long unixSeconds) {
    return TIME.format(Instant.ofEpochSecond(unixSeconds));
  }

  public static String time(Instant t) {
    return TIME.format(t);
  }

  /** The verdict badge: only the verifier's stored verdict says "verified". */
  public static String verdict(Optional<VerdictRow> v) {
    if (v.isEmpty()) {
      return NOT_VERIFIED;
    }
    VerdictStatus s = v.get().status();
    return switch (s) {
      case VERIFIED -> "verified";
      case PENDING -> "pending: " + v.get().reason();
      case MISMATCH -> "root mismatch";
      case INVALID_SIGNATURE -> "invalid signature";
      case NO_QUORUM -> "no quorum";
    };
  }
}
