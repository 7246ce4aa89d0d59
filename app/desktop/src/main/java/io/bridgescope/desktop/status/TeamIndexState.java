package io.bridgescope.desktop.status;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the status bar says about the team index the desktop reads: its name, the indexer holding
 * its writer lock, and how far behind the chains it is; or that the connection is lost.
 *
 * @param name the database and host, never a user or password ("bridge on db.example")
 * @param writerHost the host of the indexer holding the writer lock; empty when none holds it
 * @param root the root chain's head (from its RPC) and the index's last block
 * @param child the same for the child chain
 * @param lost why the index cannot be read now (empty while it can)
 */
public record TeamIndexState(
    String name,
    Optional<String> writerHost,
    ChainStatus root,
    ChainStatus child,
    Optional<String> lost) {

  /** Nothing read yet. */
  public static TeamIndexState connecting(String name) {
    return new TeamIndexState(
        name,
        Optional.empty(),
        ChainStatus.unknown("Root"),
        ChainStatus.unknown("Child"),
        Optional.of("connecting"));
  }

  /** The same index, now unreadable for {@code why}. */
  public TeamIndexState lost(String why) {
    return new TeamIndexState(name, writerHost, root, child, Optional.of(why));
  }

  /**
   * The blocks the index is behind: the larger of the two chains' lags; empty when a chain's head
   * or the index's position on it is not known.
   */
  public OptionalLong lag() {
    OptionalLong r = root.lag();
    OptionalLong c = child.lag();
    if (r.isEmpty() || c.isEmpty()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.max(r.getAsLong(), c.getAsLong()));
  }

  /** "team index: bridge on db, indexed by HOST, lag N blocks" (or what is wrong). */
  public String line() {
    String head = "team index: " + name;
    if (lost.isPresent()) {
      return head + ", " + lost.get();
    }
    String writer = writerHost.map(h -> "indexed by " + h).orElse("no indexer running");
    OptionalLong lag = lag();
    String behind =
        lag.isPresent()
            ? "lag " + lag.getAsLong() + (lag.getAsLong() == 1 ? " block" : " blocks")
            : "lag unknown (a chain's head could not be read)";
    return head + ", " + writer + ", " + behind;
  }
}
