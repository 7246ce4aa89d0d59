package io.bridgescope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.rows.Cursor;
import java.util.EnumMap;
import java.util.Map;

/**
 * Marks rows within the profile's confirmation depth as unconfirmed in {@code --json} output: a row
 * of block b has {@code head - b + 1} confirmations, where head is the last block the index read on
 * that chain (a reorg may still remove the row until it has {@code confirmations}).
 */
final class Confirmations {

  private final Map<ChainRole, Long> heads = new EnumMap<>(ChainRole.class);
  private final int depth;

  private Confirmations(int depth) {
    this.depth = depth;
  }

  static Confirmations of(Database db, NetworkProfile p) {
    Confirmations c = new Confirmations(p.confirmations());
    for (ChainRole r : ChainRole.values()) {
      db.read(conn -> new CursorDao(conn).get(r))
          .map(Cursor::lastBlock)
          .ifPresent(b -> c.heads.put(r, b));
    }
    return c;
  }

  /** Adds {@code confirmations} and {@code confirmed} to {@code o} for a row of {@code block}. */
  void mark(ObjectNode o, ChainRole chain, long block) {
    long head = heads.getOrDefault(chain, block);
    long n = Math.max(0, head - block + 1);
    o.put("confirmations", n);
    o.put("confirmed", n >= depth);
  }

  /** Marks each named sub-object of {@code o} whose {@code block} field says where it was read. */
  ObjectNode markEvents(ObjectNode o, Map<String, ChainRole> events) {
    events.forEach(
        (field, chain) -> {
          JsonNode e = o.path(field);
          if (e instanceof ObjectNode eo && eo.has("block")) {
            mark(eo, chain, eo.path("block").asLong());
          }
        });
    return o;
  }
}
