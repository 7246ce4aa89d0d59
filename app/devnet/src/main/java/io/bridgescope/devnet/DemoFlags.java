package io.bridgescope.devnet;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code demo} flags that shape the embedded devnet (validators, epoch size, fault knobs,
 * traffic), read from the command line by whichever front end starts the devnet: the CLI's {@code
 * demo --headless} and the desktop app's {@code demo} must build the same {@link DevnetConfig} from
 * the same words, or a fault the user asked for silently does not happen. The CLI's picocli options
 * are checked against {@link #NAMES} by a test.
 */
public final class DemoFlags {

  /** An unknown flag, a missing or malformed value, or a combination the devnet refuses. */
  public static final class BadFlagException extends IllegalArgumentException {
    BadFlagException(String message) {
      super(message);
    }
  }

  /** Flags that take a whole number (seconds for the two durations). */
  static final Set<String> VALUED =
      Set.of(
          "--validators",
          "--offline",
          "--epoch-size",
          "--below-quorum-every",
          "--wrong-domain-every",
          "--late-checkpoint",
          "--wrong-root-every",
          "--non-validator-every",
          "--below-quorum-commit-every",
          "--reorg-every",
          "--reorg-depth",
          "--root-history");

  static final Set<String> SWITCHES =
      Set.of("--mid-epoch", "--relayer-paused", "--no-traffic", "--root-pruned");

  /** Every flag that reaches the devnet, as the CLI spells it. */
  public static final Set<String> NAMES = union(VALUED, SWITCHES);

  /** Flags of {@code demo} about the front end (the headless status table), with a value. */
  public static final Set<String> FRONT_END_VALUED =
      // --unbacked-mint-after is an action the CLI demo's loop takes against the running devnet
      // (a solvency fault), not part of the devnet's configuration; the desktop does not offer it.
      Set.of("--duration", "--interval", "--unbacked-mint-after");

  /** Flags of {@code demo} about the front end, without a value. */
  public static final Set<String> FRONT_END_SWITCHES = Set.of("--headless", "--require-progress");

  private DemoFlags() {}

  /**
   * The devnet described by {@code args} (the words after {@code demo}); defaults for what they do
   * not say. Accepts {@code --flag value} and {@code --flag=value}; the front end's own flags are
   * skipped.
   *
   * @throws BadFlagException naming the flag
   */
  public static DevnetConfig parse(List<String> args) {
    Map<String, Long> values = new HashMap<>();
    Set<String> switches = new java.util.HashSet<>();
    for (int i = 0; i < args.size(); i++) {
      String word = args.get(i);
      int eq = word.indexOf('=');
      String name = word.startsWith("--") && eq > 0 ? word.substring(0, eq) : word;
      String value = name.equals(word) ? null : word.substring(eq + 1);
      if (FRONT_END_SWITCHES.contains(name)) {
        continue;
      }
      if (SWITCHES.contains(name)) {
        if (value != null) {
          throw new BadFlagException("demo option " + name + " takes no value");
        }
        switches.add(name);
        continue;
      }
      boolean frontEnd = FRONT_END_VALUED.contains(name);
      if (!frontEnd && !VALUED.contains(name)) {
        throw new BadFlagException(
            "unknown demo option '" + word + "' (see `bridgescope demo --help`)");
      }
      if (value == null) {
        if (i + 1 >= args.size()) {
          throw new BadFlagException("demo option " + name + " needs a value");
        }
        value = args.get(++i);
      }
      if (!frontEnd) {
        try {
          values.put(name, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
          throw new BadFlagException(
              "demo option " + name + ": '" + value + "' is not a whole number");
        }
      }
    }
    return build(values, switches);
  }

  private static DevnetConfig build(Map<String, Long> v, Set<String> on) {
    DevnetConfig d = DevnetConfig.defaults();
    try {
      return d.toBuilder()
          .validators(num(v, "--validators", d.validators()))
          .offlineValidators(num(v, "--offline", d.offlineValidators()))
          .epochSize(num(v, "--epoch-size", d.epochSize()))
          .midEpochCheckpoints(on.contains("--mid-epoch") || d.midEpochCheckpoints())
          .relayerPaused(on.contains("--relayer-paused") || d.relayerPaused())
          .belowQuorumEvery(num(v, "--below-quorum-every", d.belowQuorumEvery()))
          .wrongDomainEvery(num(v, "--wrong-domain-every", d.wrongDomainEvery()))
          .lateCheckpointDelay(secs(v, "--late-checkpoint", d.lateCheckpointDelay()))
          .trafficInterval(on.contains("--no-traffic") ? Duration.ZERO : d.trafficInterval())
          .reorgs(secs(v, "--reorg-every", d.reorgEvery()), num(v, "--reorg-depth", d.reorgDepth()))
          .rootHistory(v.getOrDefault("--root-history", d.rootHistory()))
          .rootPruned(on.contains("--root-pruned") || d.rootPruned())
          .commitmentFaults(
              new DevnetConfig.CommitmentFaults(
                  num(v, "--wrong-root-every", 0),
                  num(v, "--non-validator-every", 0),
                  num(v, "--below-quorum-commit-every", 0)))
          .build();
    } catch (IllegalArgumentException e) {
      throw new BadFlagException("demo options: " + e.getMessage());
    }
  }

  private static int num(Map<String, Long> v, String name, int otherwise) {
    Long n = v.get(name);
    if (n == null) {
      return otherwise;
    }
    if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
      throw new BadFlagException("demo option " + name + ": " + n + " is out of range");
    }
    return n.intValue();
  }

  private static Duration secs(Map<String, Long> v, String name, Duration otherwise) {
    Long n = v.get(name);
    if (n != null && n < 0) {
      throw new BadFlagException("demo option " + name + ": seconds must be >= 0, got " + n);
    }
    return n == null ? otherwise : Duration.ofSeconds(n);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.Set<String> s = new java.util.HashSet<>(a);
    s.addAll(b);
    return Set.copyOf(s);
  }
}
