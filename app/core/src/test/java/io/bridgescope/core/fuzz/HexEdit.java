package io.bridgescope.core.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One edit of the hex strings a node sends (log topics and data, transaction input): some keep the
 * meaning ({@link #harmless()}: upper case, no prefix, surrounding blanks), the others break it.
 * {@code target} picks one string of the list modulo its size; for lists (topics) it may also drop
 * or add an entry.
 */
public record HexEdit(Kind kind, int target, int value) {

  /** What the edit does. */
  public enum Kind {
    UPPER_CASE(true),
    NO_PREFIX(true),
    BLANKS_AROUND(true),
    NULL(false),
    NOT_HEX(false),
    ODD_DIGITS(false),
    TRUNCATE(false),
    EXTEND(false),
    EMPTY(false),
    DROP_ENTRY(false),
    ADD_ENTRY(false),
    UNICODE_DIGIT(false);

    final boolean harmless;

    Kind(boolean harmless) {
      this.harmless = harmless;
    }
  }

  public boolean harmless() {
    return kind.harmless;
  }

  public static boolean allHarmless(List<HexEdit> edits) {
    return edits.stream().allMatch(HexEdit::harmless);
  }

  public static Arbitrary<List<HexEdit>> lists() {
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.integers().between(0, 64),
            Arbitraries.integers().between(0, 1 << 16))
        .as(HexEdit::new)
        .list()
        .ofMaxSize(3);
  }

  /** Applies the edits to a copy of {@code strings}; entries may become null. */
  public static List<String> applyAll(List<String> strings, List<HexEdit> edits) {
    List<String> out = new ArrayList<>(strings);
    for (HexEdit e : edits) {
      e.apply(out);
    }
    return out;
  }

  /** Applies the edits to one string (list-shape edits are ignored). */
  public static String applyAll(String s, List<HexEdit> edits) {
    List<String> one = new ArrayList<>();
    one.add(s);
    for (HexEdit e : edits) {
      if (e.kind != Kind.DROP_ENTRY && e.kind != Kind.ADD_ENTRY) {
        e.apply(one);
      }
    }
    return one.get(0);
  }

  void apply(List<String> list) {
    if (kind == Kind.ADD_ENTRY) {
      list.add(Math.min(target, list.size()), "0x" + "ab".repeat(1 + value % 40));
      return;
    }
    if (list.isEmpty()) {
      return;
    }
    int i = target % list.size();
    if (kind == Kind.DROP_ENTRY) {
      list.remove(i);
      return;
    }
    String s = list.get(i);
    if (s == null) {
      return;
    }
    list.set(i, edit(s));
  }

  private String edit(String s) {
    String digits = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
    int at = digits.isEmpty() ? 0 : value % digits.length();
    return switch (kind) {
      case UPPER_CASE -> s.toUpperCase(Locale.ROOT);
      case NO_PREFIX -> s.replaceFirst("^(\\s*)0[xX]", "$1");
      case BLANKS_AROUND -> " \t" + s + "\n";
      case NULL -> null;
      case NOT_HEX ->
          "0x"
              + digits.substring(0, at)
              + "g"
              + digits.substring(Math.min(at + 1, digits.length()));
      case ODD_DIGITS -> s + "f";
      case TRUNCATE -> "0x" + digits.substring(0, at - at % 2);
      case EXTEND -> s + "00".repeat(1 + value % 64);
      case EMPTY -> value % 2 == 0 ? "" : "0x";
      case UNICODE_DIGIT ->
          "0x"
              + digits.substring(0, at)
              + "\u0663"
              + digits.substring(Math.min(at + 1, digits.length()));
      default -> s;
    };
  }
}
