package io.bridgescope.core.wallet;

import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.Uint256Column;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The MAP_TOKEN exits an account's child-native deposits wait on. The first deposit of a
 * child-native token from the child travels behind the mapping's own exit, which names no account
 * (its sender and receiver are the two predicates) but must be processed on the root first: it
 * creates the root mirror the deposit's exit then mints. So the account's exits list them as its
 * own, and a {@code batchExit} of them all claims the mapping before the deposit (ids rise with
 * time, and a token is mapped before it is deposited).
 */
final class MappingExits {

  /** Ids of at most this many exits go into one query. */
  private static final int CHUNK = 200;

  private MappingExits() {}

  /**
   * For each of the child-native deposit exits among {@code ids}, the MAP_TOKEN exits of the token
   * it moves; exits that wait on no mapping are not keys.
   */
  static Map<BigInteger, SortedSet<BigInteger>> of(Database db, List<BigInteger> ids) {
    Map<BigInteger, SortedSet<BigInteger>> out = new TreeMap<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<BigInteger> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
      out.putAll(
          db.read(
              c -> {
                Map<BigInteger, SortedSet<BigInteger>> found = new TreeMap<>();
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT DISTINCT d.id, m.id FROM asset_payloads d JOIN asset_payloads m"
                            + " ON m.direction = 'to_root' AND m.action = 'map_token'"
                            + " AND m.predicate_name = d.predicate_name AND m.token = d.token"
                            + " WHERE d.direction = 'to_root' AND d.token_home = 'child_native'"
                            + " AND d.action IN ('deposit', 'deposit_batch') AND d.id IN ("
                            + marks
                            + ")")) {
                  for (int i = 0; i < chunk.size(); i++) {
                    ps.setBytes(i + 1, Uint256Column.encode(chunk.get(i)));
                  }
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      found
                          .computeIfAbsent(
                              Objects.requireNonNull(Uint256Column.decode(rs.getBytes(1))),
                              d -> new TreeSet<>())
                          .add(Objects.requireNonNull(Uint256Column.decode(rs.getBytes(2))));
                    }
                  }
                }
                return found;
              }));
    }
    return out;
  }
}
