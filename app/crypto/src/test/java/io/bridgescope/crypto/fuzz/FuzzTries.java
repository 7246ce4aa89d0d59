package io.bridgescope.crypto.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Scales the fuzz properties for the long campaign. Each property's own {@code tries} is the fast
 * default of the unit run; {@code -Dbridgescope.fuzz.scale=K} multiplies it, {@code
 * -Dbridgescope.fuzz.tries=N} replaces it, and {@code -Dbridgescope.fuzz.seed=S} replays a seed
 * that jqwik printed (docs/fuzzing.md).
 */
public final class FuzzTries implements AroundPropertyHook {

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) {
    var attributes = context.attributes();
    int base = attributes.tries().orElse(1000);
    String tries = System.getProperty("bridgescope.fuzz.tries", "").strip();
    String scale = System.getProperty("bridgescope.fuzz.scale", "").strip();
    if (!tries.isEmpty()) {
      attributes.setTries(Integer.parseInt(tries));
    } else if (!scale.isEmpty()) {
      attributes.setTries((int) Math.min(Integer.MAX_VALUE, (long) base * Long.parseLong(scale)));
    }
    String seed = System.getProperty("bridgescope.fuzz.seed", "").strip();
    if (!seed.isEmpty()) {
      attributes.setSeed(seed);
    }
    return property.execute();
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
