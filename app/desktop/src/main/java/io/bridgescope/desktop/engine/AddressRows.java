package io.bridgescope.desktop.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Deposits or exits involving one address. Such lists are short next to the whole table, so the
 * matching rows are read once per change (up to {@link #LIMIT}) and paged from memory.
 */
final class AddressRows<R> extends SessionRows<R> {

  static final int LIMIT = 100_000;

  interface Query<R> {
    List<R> page(Session s, Optional<R> after, int limit) throws Exception;
  }

  private final Query<R> query;
  private final Function<R, BigInteger> id;
  private volatile @Nullable List<R> all;

  AddressRows(SessionManager sessions, Query<R> query, Function<R, BigInteger> id) {
    super(sessions);
    this.query = query;
    this.id = id;
  }

  private List<R> all() throws Exception {
    List<R> rows = all;
    if (rows == null) {
      Session s = session();
      rows = new ArrayList<>();
      Optional<R> after = Optional.empty();
      while (rows.size() < LIMIT) {
        List<R> page = query.page(s, after, 2_000);
        rows.addAll(page);
        if (page.size() < 2_000) {
          break;
        }
        after = Optional.of(page.get(page.size() - 1));
      }
      all = rows;
    }
    return rows;
  }

  @Override
  public List<R> page(int offset, int limit) throws Exception {
    List<R> rows = all();
    return offset >= rows.size()
        ? List.of()
        : List.copyOf(rows.subList(offset, Math.min(rows.size(), offset + limit)));
  }

  @Override
  public long count() throws Exception {
    all = null; // count() starts every reload: read the matches afresh
    return all().size();
  }

  @Override
  public OptionalLong indexOf(String key) throws Exception {
    BigInteger wanted = new BigInteger(key);
    List<R> rows = all();
    for (int i = 0; i < rows.size(); i++) {
      if (id.apply(rows.get(i)).equals(wanted)) {
        return OptionalLong.of(i);
      }
    }
    return OptionalLong.empty();
  }
}
