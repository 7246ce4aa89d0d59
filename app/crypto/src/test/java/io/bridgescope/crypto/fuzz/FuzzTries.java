package io.bridgescope.crypto.fuzz;

import java.util.Arrays;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sizes the fuzz properties. A property's own {@code tries} is the quick check of the fast suite; a
 * class tagged {@code fuzz} (the {@code *FuzzCampaignTest} subclasses, run in the slow suite) runs
 * the same properties with {@value #CAMPAIGN_SCALE} times the tries. {@code
 * -Dbridgescope.fuzz.scale=K} sets the factor for every class, {@code -Dbridgescope.fuzz.tries=N}
 * sets the tries, and {@code -Dbridgescope.fuzz.seed=S} replays a seed that jqwik printed
 * (docs/fuzzing.md).
 *
 * <p>Core's fuzz tests use it too, through this module's test-jar.
 */
public final class FuzzTries implements AroundPropertyHook {

  /** How many times the fast suite's tries the slow suite's campaign runs. */
  static final long CAMPAIGN_SCALE = 40;

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) {
    var attributes = context.attributes();
    int base = attributes.tries().orElse(1000);
    String tries = System.getProperty("bridgescope.fuzz.tries", "").strip();
    String scale = System.getProperty("bridgescope.fuzz.scale", "").strip();
    if (!tries.isEmpty()) {
      attributes.setTries(Integer.parseInt(tries));
    } else {
      long factor =
          scale.isEmpty()
              ? (campaign(context.containerClass()) ? CAMPAIGN_SCALE : 1)
              : Long.parseLong(scale);
      attributes.setTries((int) Math.min(Integer.MAX_VALUE, base * factor));
    }
    String seed = System.getProperty("bridgescope.fuzz.seed", "").strip();
    if (!seed.isEmpty()) {
      attributes.setSeed(seed);
    }
    return property.execute();
  }

  /** Whether the class is the slow suite's campaign (tagged {@code fuzz}, possibly inherited). */
  static boolean campaign(Class<?> container) {
    return Arrays.stream(container.getAnnotationsByType(Tag.class))
        .anyMatch(t -> "fuzz".equals(t.value()));
  }

  /** Registered on a test class, it applies to the class's properties. */
  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  /** Outermost, so the attributes are set before jqwik reads them to start generating. */
  @Override
  public int aroundPropertyProximity() {
    return -100;
  }
}
