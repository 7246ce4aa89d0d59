package io.bridgescope.core.index;

import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.network.NetworkProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses how checkpoint submissions are found on the root chain, in this order: the node's
 * Otterscan API, the profile's explorer API, storage bisection (archive nodes only). A method that
 * cannot work here is skipped with its reason, and tried again after {@link #RETRY}; when none
 * works, {@link NoSubmissionMethodException} says what is missing and what to configure. Nothing is
 * skipped silently.
 */
public final class SubmissionDiscovery {

  private static final Logger LOG = LoggerFactory.getLogger(SubmissionDiscovery.class);
  static final Duration RETRY = Duration.ofMinutes(10);

  /** One method and whether it works here: empty problem when it does. */
  public record Attempt(String method, Optional<String> problem) {}

  private final List<SubmissionFinder> finders;
  private final Map<String, Instant> downUntil = new LinkedHashMap<>();
  private final Map<String, String> problems = new LinkedHashMap<>();
  private final long startBlock;
  private volatile @Nullable String inUse;

  SubmissionDiscovery(List<SubmissionFinder> finders, long startBlock) {
    this.finders = List.copyOf(finders);
    this.startBlock = startBlock;
  }

  /** The three methods for a profile's root chain, read through {@code reader}. */
  public static SubmissionDiscovery of(
      NetworkProfile profile, ChainReader reader, Optional<String> explorerKey) {
    List<SubmissionFinder> finders = new ArrayList<>();
    finders.add(new OtterscanFinder(reader, profile.contracts().checkpointManager()));
    profile
        .root()
        .explorerApiUrl()
        .ifPresentOrElse(
            u ->
                finders.add(
                    new ExplorerFinder(u, explorerKey, profile.contracts().checkpointManager())),
            () -> finders.add(new NotConfigured()));
    finders.add(new CheckpointFinder(reader, profile.contracts().checkpointManager()));
    return new SubmissionDiscovery(finders, profile.root().startBlock());
  }

  /** As {@link #of(NetworkProfile, ChainReader, Optional)} with the key from the environment. */
  public static SubmissionDiscovery of(NetworkProfile profile, ChainReader reader) {
    return of(profile, reader, ExplorerFinder.keyFromEnvironment());
  }

  /** The method used last, if any worked yet. */
  public Optional<String> inUse() {
    return Optional.ofNullable(inUse);
  }

  /** Blocks in [from, to] that may hold a submission, by the first method that works. */
  synchronized SortedSet<Long> blocks(long from, long to) {
    for (SubmissionFinder f : finders) {
      Instant until = downUntil.get(f.method());
      if (until != null && Instant.now().isBefore(until)) {
        continue;
      }
      try {
        SortedSet<Long> out = f.blocks(from, to);
        downUntil.remove(f.method());
        problems.remove(f.method());
        if (!f.method().equals(inUse)) {
          LOG.info("root: finding checkpoint submissions with the {}", f.method());
          inUse = f.method();
        }
        return out;
      } catch (SubmissionFinder.Unavailable e) {
        if (!String.valueOf(e.getMessage()).equals(problems.get(f.method()))) {
          LOG.warn("root: {} cannot be used: {}", f.method(), e.getMessage());
        }
        problems.put(f.method(), e.getMessage());
        downUntil.put(f.method(), Instant.now().plus(RETRY));
      }
    }
    inUse = null;
    throw new NoSubmissionMethodException(attemptsFromProblems());
  }

  /**
   * Tries each method once on a small range (the node's head for the index-based ones, the
   * profile's start block for bisection, which needs the state there) and says which work.
   */
  public List<Attempt> probe(long head) {
    List<Attempt> out = new ArrayList<>();
    for (SubmissionFinder f : finders) {
      long at = f instanceof CheckpointFinder ? Math.min(head, Math.max(1, startBlock)) : head;
      try {
        f.blocks(at, at);
        out.add(new Attempt(f.method(), Optional.empty()));
      } catch (SubmissionFinder.Unavailable e) {
        out.add(new Attempt(f.method(), Optional.of(String.valueOf(e.getMessage()))));
      }
    }
    return out;
  }

  private List<Attempt> attemptsFromProblems() {
    List<Attempt> out = new ArrayList<>();
    for (SubmissionFinder f : finders) {
      out.add(
          new Attempt(
              f.method(), Optional.of(problems.getOrDefault(f.method(), "failed recently"))));
    }
    return out;
  }

  /** The explorer slot when the profile names no explorer API: says how to add one. */
  private static final class NotConfigured implements SubmissionFinder {
    @Override
    public String method() {
      return ExplorerFinder.METHOD;
    }

    @Override
    public SortedSet<Long> blocks(long from, long to) {
      throw new Unavailable("not configured: the network profile has no root.explorerApiUrl");
    }
  }
}
