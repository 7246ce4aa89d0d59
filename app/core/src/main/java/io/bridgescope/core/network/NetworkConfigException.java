package io.bridgescope.core.network;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A network profile that cannot be used. Lists every problem found, not just the first, so a user
 * fixing a hand-written file sees all of them at once.
 */
public class NetworkConfigException extends RuntimeException {

  private final transient List<ConfigProblem> problems;

  public NetworkConfigException(String context, List<ConfigProblem> problems) {
    this(context, problems, null);
  }

  public NetworkConfigException(
      String context, List<ConfigProblem> problems, @Nullable Throwable cause) {
    super(format(context, problems), cause);
    this.problems = List.copyOf(problems);
  }

  public static NetworkConfigException single(String context, String field, String message) {
    return new NetworkConfigException(context, List.of(new ConfigProblem(field, message)));
  }

  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String format(String context, List<ConfigProblem> problems) {
    if (problems.size() == 1) {
      return context + ": " + problems.get(0);
    }
    return context
        + ": "
        + problems.size()
        + " problems\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
