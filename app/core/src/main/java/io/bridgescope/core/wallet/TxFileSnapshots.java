package io.bridgescope.core.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Uint256Text;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code indexSnapshot} object of an unsigned transaction file: the roots its proofs lead to.
 * Read strictly: a missing or malformed field fails naming it.
 */
final class TxFileSnapshots {

  private TxFileSnapshots() {}

  static ObjectNode toJson(IndexSnapshot s, ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    ArrayNode exits = o.putArray("exits");
    for (IndexSnapshot.ExitRoot e : s.exits()) {
      ObjectNode x = exits.addObject();
      x.put("id", e.exitId().toString());
      x.put("epoch", e.epoch());
      x.put("checkpointBlock", e.checkpointBlock());
      x.put("root", e.root().toString());
      x.put("checkedOnChain", e.checkedOnChain());
    }
    ArrayNode commitments = o.putArray("commitments");
    for (IndexSnapshot.CommitmentRoot c : s.commitments()) {
      ObjectNode x = commitments.addObject();
      x.put("startId", c.startId().toString());
      x.put("endId", c.endId().toString());
      x.put("root", c.root().toString());
      x.put("checkedOnChain", c.checkedOnChain());
    }
    return o;
  }

  static IndexSnapshot fromJson(JsonNode o) {
    List<IndexSnapshot.ExitRoot> exits = new ArrayList<>();
    int i = 0;
    for (JsonNode x : array(o, "exits")) {
      String at = "exits[" + i++ + "].";
      exits.add(
          new IndexSnapshot.ExitRoot(
              uint(x, at, "id"),
              uint(x, at, "epoch").longValueExact(),
              uint(x, at, "checkpointBlock").longValueExact(),
              Hash32.of(field(x, at, "root").asText()),
              field(x, at, "checkedOnChain").asBoolean()));
    }
    List<IndexSnapshot.CommitmentRoot> commitments = new ArrayList<>();
    i = 0;
    for (JsonNode x : array(o, "commitments")) {
      String at = "commitments[" + i++ + "].";
      commitments.add(
          new IndexSnapshot.CommitmentRoot(
              uint(x, at, "startId"),
              uint(x, at, "endId"),
              Hash32.of(field(x, at, "root").asText()),
              field(x, at, "checkedOnChain").asBoolean()));
    }
    return new IndexSnapshot(exits, commitments);
  }

  private static JsonNode array(JsonNode o, String name) {
    JsonNode a = o.path(name);
    if (a.isMissingNode() || a.isNull()) {
      return JsonNodeFactory.instance.arrayNode();
    }
    if (!a.isArray()) {
      throw new IllegalArgumentException("'" + name + "' is not a list");
    }
    return a;
  }

  private static JsonNode field(JsonNode x, String at, String name) {
    JsonNode v = x.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("field '" + at + name + "' is missing");
    }
    return v;
  }

  private static BigInteger uint(JsonNode x, String at, String name) {
    String text = field(x, at, name).asText();
    try {
      return Uint256Text.parse(text, 10);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "field '" + at + name + "' is not an unsigned integer: '" + text + "'");
    }
  }
}
