package io.bridgescope.core.store;

import java.time.Instant;

/**
 * The indexer that holds a team index's writer lock right now, as it recorded itself when it took
 * the lock ({@link Database#teamWriter()}).
 *
 * @param host the machine it runs on ("unknown host" if it did not say)
 * @param pid its process id, or -1 if it did not say
 * @param since when it took the lock
 */
public record TeamWriter(String host, long pid, Instant since) {

  private static final String PREFIX = "bridgescope indexer on ";

  /** Reads a holder as {@link WriterLock} records it: "bridgescope indexer on HOST (pid N)". */
  static TeamWriter parse(String holder, Instant since) {
    String h = holder.startsWith(PREFIX) ? holder.substring(PREFIX.length()) : holder;
    long pid = -1;
    int p = h.lastIndexOf(" (pid ");
    if (p >= 0 && h.endsWith(")")) {
      try {
        pid = Long.parseLong(h.substring(p + 6, h.length() - 1));
        h = h.substring(0, p);
      } catch (NumberFormatException e) {
        pid = -1;
      }
    }
    return new TeamWriter(h.isBlank() ? "unknown host" : h, pid, since);
  }
}
