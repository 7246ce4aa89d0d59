package io.bridgescope.archtest.samples;

/** Prints outside the CLI on purpose (HouseRulesCatchTest). */
public final class Printer {

  private Printer() {}

  public static void say(String s) {
    System.out.println(s);
  }

  public static void fail(Exception e) {
    e.printStackTrace();
  }
}
