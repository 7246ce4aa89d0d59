package io.bridgescope.core.verify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.store.rows.VerdictStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What checking one subject found: problems by kind, checks that could not run yet, confirmations
 * and the evidence a user needs to re-check it. The status follows from them: a definite problem
 * wins over a pending check, and VERIFIED needs every check to have run and passed.
 */
final class Finding {

  private final ObjectNode evidence = JsonNodeFactory.instance.objectNode();
  private final List<String> mismatches = new ArrayList<>();
  private final List<String> badSignatures = new ArrayList<>();
  private final List<String> noQuorum = new ArrayList<>();
  private final List<String> pending = new ArrayList<>();
  private final List<String> passed = new ArrayList<>();

  ObjectNode evidence() {
    return evidence;
  }

  void problem(VerdictStatus kind, String why) {
    switch (kind) {
      case MISMATCH -> mismatches.add(why);
      case INVALID_SIGNATURE -> badSignatures.add(why);
      case NO_QUORUM -> noQuorum.add(why);
      default -> throw new IllegalArgumentException(kind + " is not a problem");
    }
  }

  void pending(String why) {
    pending.add(why);
  }

  void passed(String what) {
    passed.add(what);
  }

  VerdictStatus status() {
    if (!mismatches.isEmpty()) {
      return VerdictStatus.MISMATCH;
    }
    if (!badSignatures.isEmpty()) {
      return VerdictStatus.INVALID_SIGNATURE;
    }
    if (!noQuorum.isEmpty()) {
      return VerdictStatus.NO_QUORUM;
    }
    return pending.isEmpty() ? VerdictStatus.VERIFIED : VerdictStatus.PENDING;
  }

  /** One plain sentence list: problems first, then what is still unchecked, or what passed. */
  String reason() {
    List<String> parts = new ArrayList<>(mismatches);
    parts.addAll(badSignatures);
    parts.addAll(noQuorum);
    if (!pending.isEmpty()) {
      parts.add("not checked yet: " + String.join("; ", pending));
    }
    if (parts.isEmpty()) {
      parts.addAll(passed);
    }
    return String.join("; ", parts);
  }
}
