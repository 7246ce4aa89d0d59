package io.bridgescope.core.network;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One thing wrong with a network profile: {@code field} is the JSON path the user edits (e.g.
 * {@code root.rpcUrls[1]}), {@code message} says what is wrong and what to do.
 */
public record ConfigProblem(String field, String message) {

  /** How much of a value a message quotes. */
  static final int QUOTED_CHARS = 80;

  /**
   * {@code value} in single quotes for a message, as the user would recognise it: control
   * characters shown as {@code ?}, and a long value cut with its length said (a hostile file's
   * million-digit field must not become a million-character message).
   */
  public static String quoted(Object value) {
    return "'" + cut(String.valueOf(value), "…'", "'");
  }

  /** A JSON value as a message shows it: its JSON text, cut like {@link #quoted}. */
  public static String shown(JsonNode value) {
    return cut(value.toString(), "…", "");
  }

  private static String cut(String s, String cutEnd, String end) {
    String shown = s.length() > QUOTED_CHARS ? s.substring(0, QUOTED_CHARS) : s;
    shown = shown.replaceAll("\\p{Cntrl}", "?");
    return s.length() > QUOTED_CHARS
        ? shown + cutEnd + " (" + s.length() + " characters)"
        : shown + end;
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
