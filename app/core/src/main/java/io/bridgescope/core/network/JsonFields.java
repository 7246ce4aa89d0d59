package io.bridgescope.core.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.bridgescope.core.model.Address;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON object field by field, recording a {@link ConfigProblem} with the full path for
 * every value of the wrong type; a missing field reads as null and is left to the profile rules.
 */
final class JsonFields {

  private final String path;
  private final JsonNode node;
  private final List<ConfigProblem> out;
  private final Set<String> read = new HashSet<>();

  JsonFields(String path, JsonNode node, List<ConfigProblem> out) {
    this.path = path;
    this.node = node;
    this.out = out;
  }

  @Nullable String text(String name) {
    JsonNode v = value(name);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      return wrong(name, "a string", v);
    }
    return v.textValue();
  }

  @Nullable Long integer(String name) {
    JsonNode v = value(name);
    if (v == null) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      return wrong(name, "a whole number", v);
    }
    return v.longValue();
  }

  @Nullable Address address(String name) {
    String s = text(name);
    if (s == null) {
      return null;
    }
    try {
      return Address.of(s);
    } catch (IllegalArgumentException e) {
      out.add(
          new ConfigProblem(
              field(name), ConfigProblem.quoted(s) + " is not an address (0x and 40 hex digits)"));
      return null;
    }
  }

  @Nullable URI uri(String name, String expected) {
    String s = text(name);
    return s == null ? null : parseUri(field(name), s, expected);
  }

  /**
   * URLs of a list. An entry that does not parse at all is reported here and kept as a placeholder,
   * so the indices the profile rules report for the others still match the file.
   */
  @Nullable List<URI> uris(String name, String expected) {
    JsonNode v = value(name);
    if (v == null) {
      return null;
    }
    if (!v.isArray()) {
      return wrong(name, "a list of URLs", v);
    }
    List<URI> list = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      String f = field(name) + "[" + i + "]";
      JsonNode e = v.get(i);
      URI u = e.isTextual() ? parseUri(f, e.textValue(), expected) : null;
      if (!e.isTextual()) {
        out.add(new ConfigProblem(f, "expected a URL string, got " + ConfigProblem.shown(e)));
      }
      list.add(u == null ? URI.create("unparsable:" + i) : u);
    }
    return list;
  }

  @Nullable JsonFields object(String name) {
    JsonNode v = value(name);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      return wrong(name, "an object", v);
    }
    return new JsonFields(field(name), v, out);
  }

  /** Whether the field is present and not null (does not count as read). */
  boolean has(String name) {
    JsonNode v = node.get(name);
    return v != null && !v.isNull();
  }

  /** The objects of a list, each read with its own path ({@code name[i]}); null when absent. */
  @Nullable List<JsonFields> objects(String name) {
    JsonNode v = value(name);
    if (v == null) {
      return null;
    }
    if (!v.isArray()) {
      return wrong(name, "a list", v);
    }
    List<JsonFields> list = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      String f = field(name) + "[" + i + "]";
      if (v.get(i).isObject()) {
        list.add(new JsonFields(f, v.get(i), out));
      } else {
        out.add(new ConfigProblem(f, "expected an object, got " + ConfigProblem.shown(v.get(i))));
      }
    }
    return list;
  }

  /** Reports fields nobody read: most likely typos, which would otherwise read as "missing". */
  void rejectUnknown() {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (!read.contains(n)) {
        out.add(new ConfigProblem(field(n), "unknown field — check the spelling"));
      }
    }
  }

  void problem(String name, String message) {
    out.add(new ConfigProblem(field(name), message));
  }

  String field(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private @Nullable JsonNode value(String name) {
    read.add(name);
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v;
  }

  private <T> @Nullable T wrong(String name, String expected, JsonNode got) {
    out.add(
        new ConfigProblem(
            field(name), "expected " + expected + ", got " + ConfigProblem.shown(got)));
    return null;
  }

  private @Nullable URI parseUri(String field, String s, String expected) {
    try {
      return new URI(s.strip());
    } catch (URISyntaxException e) {
      out.add(new ConfigProblem(field, ConfigProblem.quoted(s) + " is not " + expected));
      return null;
    }
  }
}
