package io.bridgescope.core.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into statements: the JDBC driver runs one statement per call. Handles
 * {@code --} comments and quoted text; migrations must not use triggers (whose bodies hold ';').
 */
final class SqlScript {

  private SqlScript() {}

  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < script.length(); i++) {
      char ch = script.charAt(i);
      if (quote != 0) {
        cur.append(ch);
        if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
        int eol = script.indexOf('\n', i);
        i = eol < 0 ? script.length() : eol;
        cur.append('\n');
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
        cur.append(ch);
      } else if (ch == ';') {
        add(out, cur);
      } else {
        cur.append(ch);
      }
    }
    add(out, cur);
    return out;
  }

  private static void add(List<String> out, StringBuilder cur) {
    String s = cur.toString().strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
    cur.setLength(0);
  }
}
