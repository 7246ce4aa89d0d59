package io.bridgescope.desktop.engine;

import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.lifecycle.ExitStatus;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.desktop.ports.AssetCells;
import io.bridgescope.desktop.ports.RowSource;
import io.bridgescope.desktop.ports.TokenChoice;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** The Exits table over the exits table and the lifecycle service. */
final class ExitRows extends SessionRows<io.bridgescope.desktop.ports.ExitRow> {

  private final IdShape shape = new IdShape("exits");
  private final KeysetWalker<io.bridgescope.desktop.ports.ExitRow> walker = new KeysetWalker<>();

  ExitRows(SessionManager sessions) {
    super(sessions);
  }

  @Override
  public List<io.bridgescope.desktop.ports.ExitRow> page(int offset, int limit) throws Exception {
    Session s = session();
    IdShape.Shape sh = shape.get(s.db());
    Optional<BigInteger> top = sh.idAt(offset);
    if (top.isPresent()) {
      return rows(s, s.lifecycle().exits(Optional.of(top.get().add(BigInteger.ONE)), limit));
    }
    if (offset >= sh.count()) {
      return List.of();
    }
    walker.clear();
    return walker.page(
        offset,
        limit,
        (after, n) ->
            rows(
                s,
                s.lifecycle().exits(after.map(io.bridgescope.desktop.ports.ExitRow::exitId), n)));
  }

  static List<io.bridgescope.desktop.ports.ExitRow> rows(Session s, List<ExitStatus> list) {
    Map<BigInteger, AssetCellsReader.Read> cells =
        AssetCellsReader.read(
            s.db(), Direction.TO_ROOT, list.stream().map(x -> x.exit().id()).toList());
    return list.stream().map(x -> row(x, cells.get(x.exit().id()))).toList();
  }

  static io.bridgescope.desktop.ports.ExitRow row(
      ExitStatus x, AssetCellsReader.@Nullable Read asset) {
    ExitRow r = x.exit();
    AssetCellsReader.Read a = asset != null ? asset : legacy(r);
    return new io.bridgescope.desktop.ports.ExitRow(
        r.id(),
        Words.stage(x.stage()),
        a.from().orElse(r.sender()),
        a.to().orElse(r.receiver()),
        r.event().blockNumber(),
        r.event().txHash(),
        r.event().blockTime(),
        a.cells());
  }

  /** A message indexed without a payload reading (none since level 6): its own columns. */
  private static AssetCellsReader.Read legacy(ExitRow r) {
    String kind = r.kind().key().replace('_', ' ');
    return new AssetCellsReader.Read(
        new AssetCells(
            kind,
            "",
            r.withdrawal().map(t -> t.rootToken().toString()).orElse(""),
            "",
            r.withdrawal().map(t -> t.amount() + " (raw units)").orElse(kind),
            r.withdrawal().map(t -> t.amount().toString()).orElse(""),
            r.withdrawal().map(t -> t.amount().toString()).orElse(""),
            ""),
        r.withdrawal().map(t -> t.from()),
        r.withdrawal().map(t -> t.to()));
  }

  @Override
  public List<TokenChoice> tokens() {
    return AssetCellsReader.tokens(session().db());
  }

  @Override
  public long count() {
    return shape.get(session().db()).count();
  }

  @Override
  public OptionalLong indexOf(String key) {
    BigInteger id = new BigInteger(key);
    Database db = session().db();
    IdShape.Shape sh = shape.get(db);
    if (id.compareTo(sh.max()) > 0) {
      sh = shape.refresh(db); // indexed since the shape was cached
    }
    if (!sh.contiguous() || id.compareTo(sh.min()) < 0 || id.compareTo(sh.max()) > 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(sh.max().subtract(id).longValueExact());
  }

  @Override
  public Optional<RowSource<io.bridgescope.desktop.ports.ExitRow>> forAddress(Address a) {
    return Optional.of(
        new AddressRows<>(
            sessions,
            (s, before, n) ->
                rows(
                    s,
                    s.lifecycle()
                        .exitsByAddress(
                            a, before.map(io.bridgescope.desktop.ports.ExitRow::exitId), n)),
            io.bridgescope.desktop.ports.ExitRow::exitId));
  }

  @Override
  public Optional<RowSource<io.bridgescope.desktop.ports.ExitRow>> filtered(
      io.bridgescope.core.stats.MessageFilter f) {
    if (f.narrowsNothing()
        && f.order() == io.bridgescope.core.stats.MessageFilter.Order.NEWEST_ID) {
      return Optional.of(this);
    }
    if (f.addressOnly()) {
      return forAddress(f.address().get());
    }
    return Optional.of(
        new FilteredRows<>(
            sessions,
            io.bridgescope.core.stats.MessageQuery.Kind.EXITS,
            f,
            (s, ids) -> {
              var out =
                  new java.util.HashMap<
                      BigInteger, FilteredRows.Staged<io.bridgescope.desktop.ports.ExitRow>>();
              Map<BigInteger, ExitStatus> st = StatusByIds.exits(s.lifecycle(), ids);
              Map<BigInteger, AssetCellsReader.Read> cells =
                  AssetCellsReader.read(s.db(), Direction.TO_ROOT, List.copyOf(st.keySet()));
              st.forEach(
                  (id, x) ->
                      out.put(id, new FilteredRows.Staged<>(row(x, cells.get(id)), x.stage())));
              return out;
            }));
  }
}
