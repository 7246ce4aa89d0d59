package io.bridgescope.archtest.samples;

import java.util.ArrayList;
import java.util.List;

/** Breaks the static-state rules on purpose (HouseRulesCatchTest). */
public final class MutableStatics {

  public static int counter;

  public static final byte[] TABLE = {1, 2, 3};

  static final ArrayList<String> NAMES = new ArrayList<>();

  private MutableStatics() {}

  public static List<String> names() {
    counter++;
    return NAMES;
  }
}
