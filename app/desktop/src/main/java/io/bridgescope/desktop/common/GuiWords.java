package io.bridgescope.desktop.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns the engine's sentences, which name CLI verbs ("(proof exit 348)", "claim it with
 * `bridgescope exit`"), into the GUI action that does the same ("Withdraw (exit) on the root
 * chain…"). The engine's words stay the CLI's; only what the desktop shows is rewritten.
 */
public final class GuiWords {

  /** The deposit detail's action button, as it reads. */
  public static final String SELF_EXECUTE = "Self-execute on the child chain…";

  /** The exit detail's action button, as it reads. */
  public static final String WITHDRAW = "Withdraw (exit) on the root chain…";

  private static final Map<Pattern, String> RULES = new LinkedHashMap<>();

  static {
    rule(
        "build the proof \\(proof exit \\d+\\) and send ExitHelper\\.exit",
        "use \"" + WITHDRAW + "\" below (it builds the proof and sends ExitHelper.exit)");
    rule("\\(proof deposit \\d+\\)", "(\"" + SELF_EXECUTE + "\" below)");
    rule("\\(proof exit \\d+\\)", "(\"" + WITHDRAW + "\" below)");
    rule(
        "with `bridgescope exit`",
        "with \"" + WITHDRAW + "\" on the exit (Exits screen or the wallet's exits)");
    rule("`bridgescope self-execute`", "\"" + SELF_EXECUTE + "\" on the deposit");
    rule("`bridgescope tx resume` \\(or the next start\\)", "the app's next start");
    rule("run `bridgescope tx resume`", "let the wallet's journal follow it");
    rule("\\(bridgescope tx resume\\)", "(the wallet resumes it at the next start)");
    rule("`bridgescope keys list`", "the Wallet screen's key list");
  }

  private GuiWords() {}

  private static void rule(String regex, String replacement) {
    RULES.put(Pattern.compile(regex), java.util.regex.Matcher.quoteReplacement(replacement));
  }

  /**
   * A duration as a person says it, to the second under an hour: "14 s", "2 min 5 s", "1 h 3 min",
   * "2 d 4 h"; a negative one with a minus sign.
   */
  public static String duration(java.time.Duration d) {
    long s = Math.abs(d.toSeconds());
    String sign = d.isNegative() ? "−" : "";
    if (s < 60) {
      return sign + s + " s";
    }
    if (s < 3600) {
      return sign + s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }
    if (s < 86_400) {
      return sign + s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
    }
    return sign
        + s / 86_400
        + " d"
        + (s % 86_400 / 3600 == 0 ? "" : " " + s % 86_400 / 3600 + " h");
  }

  /** {@code text} with CLI verbs replaced by the GUI's actions; null stays null. */
  // NullAway has no "null in, null out" annotation: callers get back the nullness they passed
  @SuppressWarnings("NullAway")
  public static String of(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (Map.Entry<Pattern, String> r : RULES.entrySet()) {
      out = r.getKey().matcher(out).replaceAll(r.getValue());
    }
    return out;
  }
}
