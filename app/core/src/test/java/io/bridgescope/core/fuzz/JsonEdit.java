package io.bridgescope.core.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One edit of a valid JSON file (tx file, keystore, profile, genesis). Tree edits pick a value slot
 * in document order ({@code target} modulo the number of slots) and remove it, replace it from a
 * catalogue of hostile values (wrong types, huge and negative numbers, 2^256, 1e400, long digit
 * strings, unicode, lone surrogates, deep nesting, duplicated keys), or add an unknown field; text
 * edits then truncate the file, change or insert characters, or add a BOM or invalid UTF-8.
 */
public record JsonEdit(Kind kind, int target, int variant) {

  /** What the edit does. */
  public enum Kind {
    REMOVE,
    REPLACE,
    /**
     * A string of a million digits: {@code new BigInteger} on it takes about 40 s (quadratic), so a
     * decoder must look at the length first. Its own kind, so every run meets it.
     */
    HUGE_DIGITS,
    NUDGE,
    ADD_UNKNOWN,
    DUPLICATE_KEY,
    DEEP_NESTING,
    TRUNCATE,
    SET_CHAR,
    INSERT_TEXT,
    BOM,
    INVALID_UTF8
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String DEEP = "@@deep@@";
  private static final String DUP = "@@dup@@";

  /** Values a decoder must refuse or read correctly; suppliers so each use gets a fresh node. */
  static final List<Supplier<JsonNode>> VALUES =
      List.of(
          F::nullNode,
          () -> F.booleanNode(true),
          () -> F.numberNode(0),
          () -> F.numberNode(-1),
          () -> F.numberNode(1),
          () -> F.numberNode(2_147_483_648L),
          () -> F.numberNode(Long.MAX_VALUE),
          () -> F.numberNode(BigInteger.ONE.shiftLeft(63)),
          () -> F.numberNode(BigInteger.ONE.shiftLeft(256)),
          () -> F.numberNode(new BigDecimal("1e400")),
          () -> F.numberNode(1.5),
          () -> F.numberNode(-0.0),
          () -> F.textNode(""),
          () -> F.textNode(" "),
          () -> F.textNode("0x"),
          () -> F.textNode("0xzz"),
          () -> F.textNode("-1"),
          () -> F.textNode("1e3"),
          () -> F.textNode("\u0663"),
          () -> F.textNode("\u0000"),
          () -> F.textNode("\uD835\uDD18nicode \u202E"),
          () -> F.textNode("a".repeat(5000)),
          () -> F.textNode("0x" + "ab".repeat(20)),
          () -> F.textNode("0x" + "cd".repeat(32)),
          () -> F.textNode("0xabc"),
          F::arrayNode,
          F::objectNode,
          () -> F.arrayNode().add(1).add("a").addNull(),
          () -> F.objectNode().set("a", F.objectNode().put("b", 1)),
          () -> F.textNode("9".repeat(2000)),
          () -> F.textNode("NaN"),
          () -> F.textNode("Infinity"),
          () -> F.textNode(" 12 "),
          () -> F.textNode("0x10"),
          () -> F.textNode("+5"),
          () -> F.textNode("1" + "0".repeat(100)),
          () -> F.textNode("\uD800"),
          () -> F.textNode("9".repeat(100_000)),
          () -> F.textNode("-" + "9".repeat(80)),
          () ->
              F.textNode(
                  "115792089237316195423570985008687907853269984665640564039457584007913129639936"),
          () -> F.textNode("18446744073709551616"),
          () -> F.textNode("-9223372036854775808"));

  static final List<String> CHARS =
      List.of(
          "\"", "\\", "{", "}", "[", "]", ",", ":", "\u0000", "x", "\uFFFF", "\uD800", "0", " ");

  static final List<String> SNIPPETS =
      List.of(
          "//c\n",
          "/*",
          ",",
          "]",
          "}",
          "NaN",
          "\uFEFF",
          "\\u0000",
          "\u00e9",
          "\"k\":1,",
          "{}",
          "x");

  static final int[] DEPTHS = {64, 499, 501, 1001, 5000, 100_000};

  public static Arbitrary<JsonEdit> any() {
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.integers().between(0, 1 << 12),
            Arbitraries.integers().between(0, 1 << 12))
        .as(JsonEdit::new);
  }

  /** Zero to three edits; the empty list leaves the file as the project wrote it. */
  public static Arbitrary<List<JsonEdit>> lists() {
    return any().list().ofMaxSize(3);
  }

  /** Applies tree edits, then text edits, to {@code json}; returns the file's bytes. */
  public static byte[] applyAll(String json, List<JsonEdit> edits) {
    String text = json;
    List<JsonEdit> tree = edits.stream().filter(JsonEdit::isTreeEdit).toList();
    if (!tree.isEmpty()) {
      try {
        JsonNode root = JSON.readTree(json);
        for (JsonEdit e : tree) {
          root = e.applyToTree(root);
        }
        text = serialise(root, tree);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the base document must be valid JSON", e);
      }
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (JsonEdit e : edits) {
      if (!e.isTreeEdit()) {
        bytes = e.applyToBytes(bytes);
      }
    }
    return bytes;
  }

  boolean isTreeEdit() {
    return switch (kind) {
      case REMOVE, REPLACE, HUGE_DIGITS, NUDGE, ADD_UNKNOWN, DUPLICATE_KEY, DEEP_NESTING -> true;
      default -> false;
    };
  }

  /** One value position: the container and its key (object) or index (array). */
  private record Slot(JsonNode parent, String key, int index) {}

  private static void slots(JsonNode n, List<Slot> out) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        var e = it.next();
        out.add(new Slot(n, e.getKey(), -1));
        slots(e.getValue(), out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        out.add(new Slot(n, null, i));
        slots(n.get(i), out);
      }
    }
  }

  private JsonNode applyToTree(JsonNode root) {
    List<Slot> all = new ArrayList<>();
    slots(root, all);
    if (all.isEmpty()) {
      return kind == Kind.REPLACE ? value() : root;
    }
    Slot s = all.get(target % all.size());
    JsonNode current = s.key != null ? s.parent.get(s.key) : s.parent.get(s.index);
    switch (kind) {
      case REMOVE -> {
        if (s.key != null) {
          ((ObjectNode) s.parent).remove(s.key);
        } else {
          ((ArrayNode) s.parent).remove(s.index);
        }
      }
      case REPLACE -> put(s, value());
      case HUGE_DIGITS ->
          put(s, F.textNode((variant % 2 == 0 ? "" : "0x") + "9".repeat(1_000_000)));
      case NUDGE -> put(s, nudge(current));
      case ADD_UNKNOWN -> {
        if (s.parent instanceof ObjectNode o) {
          o.set("unknownField" + variant % 3, value());
        } else {
          ((ArrayNode) s.parent).add(value());
        }
      }
      case DUPLICATE_KEY -> {
        if (s.key != null) {
          // Serialised as a second "key" after the first: parsers disagree on which one wins.
          ((ObjectNode) s.parent).set(DUP + s.key, variant % 2 == 0 ? value() : current.deepCopy());
        }
      }
      case DEEP_NESTING -> put(s, F.textNode(DEEP + DEPTHS[variant % DEPTHS.length]));
      default -> throw new IllegalStateException(kind.toString());
    }
    return root;
  }

  private JsonNode value() {
    return VALUES.get(variant % VALUES.size()).get();
  }

  /** A near miss of the same type: a number off by one, a string with one character changed. */
  private JsonNode nudge(JsonNode v) {
    if (v.isIntegralNumber()) {
      return F.numberNode(v.bigIntegerValue().add(BigInteger.valueOf(variant % 2 == 0 ? 1 : -1)));
    }
    if (v.isTextual() && !v.textValue().isEmpty()) {
      String t = v.textValue();
      int at = variant % t.length();
      char c = t.charAt(at);
      char to =
          Character.isDigit(c)
              ? (char) ('0' + (c - '0' + 1) % 10)
              : Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
      if (to == c) {
        to = 'Z';
      }
      return F.textNode(t.substring(0, at) + to + t.substring(at + 1));
    }
    if (v.isBoolean()) {
      return F.booleanNode(!v.booleanValue());
    }
    return value();
  }

  private static void put(Slot s, JsonNode v) {
    if (s.key != null) {
      ((ObjectNode) s.parent).set(s.key, v);
    } else {
      ((ArrayNode) s.parent).set(s.index, v);
    }
  }

  private static String serialise(JsonNode root, List<JsonEdit> tree)
      throws JsonProcessingException {
    String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    text = text.replace("\"" + DUP, "\"");
    for (int d : DEPTHS) {
      text = text.replace("\"" + DEEP + d + "\"", "[".repeat(d) + "]".repeat(d));
    }
    return text;
  }

  private byte[] applyToBytes(byte[] b) {
    int at = b.length == 0 ? 0 : target % (b.length + 1);
    return switch (kind) {
      case TRUNCATE -> java.util.Arrays.copyOf(b, b.length == 0 ? 0 : target % b.length);
      case SET_CHAR -> splice(b, at, Math.min(b.length, at + 1), CHARS.get(variant % CHARS.size()));
      case INSERT_TEXT -> splice(b, at, at, SNIPPETS.get(variant % SNIPPETS.size()));
      case BOM -> splice(b, 0, 0, "\uFEFF");
      case INVALID_UTF8 -> {
        byte[][] bad = {
          {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.writeBytes(bad[variant % bad.length]);
        out.write(b, at, b.length - at);
        yield out.toByteArray();
      }
      default -> b;
    };
  }

  private static byte[] splice(byte[] b, int from, int to, String insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b, 0, from);
    out.writeBytes(insert.getBytes(StandardCharsets.UTF_8));
    out.write(b, to, b.length - to);
    return out.toByteArray();
  }
}
