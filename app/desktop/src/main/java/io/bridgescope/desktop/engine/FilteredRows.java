package io.bridgescope.desktop.engine;

import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.core.stats.MessageFilter;
import io.bridgescope.core.stats.MessageQuery;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Deposits or Exits list narrowed and ordered by a {@link MessageFilter}, paged in SQL by keyset
 * ({@link MessageQuery}). Remembers the keyset position before each page it served, so scrolling
 * costs one indexed query per page. For a waiting stage (sent, committed, stuck) SQL returns the
 * waiting rows and only those whose computed stage matches are kept.
 */
final class FilteredRows<R> extends SessionRows<R> {

  /**
   * The lifecycle status of each id, as a row and its stage (ids missing from the index absent).
   */
  interface Loader<R> {
    Map<BigInteger, Staged<R>> load(Session s, List<BigInteger> ids) throws Exception;
  }

  record Staged<R>(R row, Stage stage) {}

  /** Above this many waiting rows the count is the number waiting, not re-checked row by row. */
  static final int RECHECK_LIMIT = 5_000;

  private static final int BATCH = 200;
  private final MessageQuery.Kind kind;
  private final MessageFilter filter;
  private final Loader<R> loader;
  private final boolean exact;
  private final TreeMap<Integer, MessageQuery.Hit> before = new TreeMap<>();

  FilteredRows(SessionManager sessions, MessageQuery.Kind kind, MessageFilter f, Loader<R> loader) {
    super(sessions);
    this.kind = kind;
    this.filter = f;
    this.loader = loader;
    this.exact = MessageQuery.exact(kind, f.stage());
  }

  private record Match<R>(MessageQuery.Hit hit, R row) {}

  @Override
  public synchronized List<R> page(int offset, int limit) throws Exception {
    Session s = session();
    Map.Entry<Integer, MessageQuery.Hit> known = before.floorEntry(offset);
    int at = known == null ? 0 : known.getKey();
    Optional<MessageQuery.Hit> after =
        known == null ? Optional.empty() : Optional.of(known.getValue());
    while (at < offset) {
      int n = Math.min(BATCH * 5, offset - at);
      List<MessageQuery.Hit> skip =
          exact ? hits(s, after, n) : matches(s, after, n).stream().map(Match::hit).toList();
      if (skip.isEmpty()) {
        return List.of();
      }
      at += skip.size();
      after = Optional.of(skip.get(skip.size() - 1));
      before.put(at, after.get());
    }
    List<Match<R>> page = matches(s, after, limit);
    if (!page.isEmpty()) {
      before.put(offset + page.size(), page.get(page.size() - 1).hit());
    }
    return page.stream().map(Match::row).toList();
  }

  private List<MessageQuery.Hit> hits(Session s, Optional<MessageQuery.Hit> after, int n) {
    return s.db().read(c -> MessageQuery.page(c, kind, filter, after, n));
  }

  /** Up to {@code n} rows after {@code after} whose computed stage passes the filter. */
  private List<Match<R>> matches(Session s, Optional<MessageQuery.Hit> after, int n)
      throws Exception {
    List<Match<R>> out = new ArrayList<>();
    while (out.size() < n) {
      int want = exact ? n - out.size() : Math.max(BATCH, n - out.size());
      List<MessageQuery.Hit> hits = hits(s, after, want);
      Map<BigInteger, Staged<R>> rows =
          loader.load(s, hits.stream().map(MessageQuery.Hit::id).toList());
      for (MessageQuery.Hit h : hits) {
        Staged<R> r = rows.get(h.id());
        if (r != null && (exact || filter.stage().get() == r.stage()) && out.size() < n) {
          out.add(new Match<>(h, r.row()));
        }
      }
      if (hits.size() < want) {
        break;
      }
      after = Optional.of(hits.get(hits.size() - 1));
    }
    return out;
  }

  @Override
  public synchronized long count() throws Exception {
    before.clear(); // a reload: rows may have been added or changed stage since the last one
    Session s = session();
    long waiting = s.db().read(c -> MessageQuery.count(c, kind, filter));
    if (exact || waiting > RECHECK_LIMIT) {
      return waiting;
    }
    return matches(s, Optional.empty(), RECHECK_LIMIT).size();
  }

  @Override
  public Optional<io.bridgescope.desktop.ports.RowSource<R>> filtered(MessageFilter f) {
    return Optional.empty();
  }
}
