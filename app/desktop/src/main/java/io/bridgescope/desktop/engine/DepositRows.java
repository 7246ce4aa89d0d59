package io.bridgescope.desktop.engine;

import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.lifecycle.DepositStatus;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.desktop.ports.AssetCells;
import io.bridgescope.desktop.ports.DepositRow;
import io.bridgescope.desktop.ports.RowSource;
import io.bridgescope.desktop.ports.TokenChoice;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** The Deposits table over the state_syncs table and the lifecycle service. */
final class DepositRows extends SessionRows<DepositRow> {

  private final IdShape shape = new IdShape("state_syncs");
  private final KeysetWalker<DepositRow> walker = new KeysetWalker<>();

  DepositRows(SessionManager sessions) {
    super(sessions);
  }

  @Override
  public List<DepositRow> page(int offset, int limit) throws Exception {
    Session s = session();
    IdShape.Shape sh = shape.get(s.db());
    Optional<BigInteger> top = sh.idAt(offset);
    if (top.isPresent()) {
      return rows(s, s.lifecycle().deposits(Optional.of(top.get().add(BigInteger.ONE)), limit));
    }
    if (offset >= sh.count()) {
      return List.of();
    }
    walker.clear(); // ids with gaps: walk from the top (rare: a partly indexed range)
    return walker.page(
        offset,
        limit,
        (after, n) -> rows(s, s.lifecycle().deposits(after.map(DepositRow::stateSyncId), n)));
  }

  static List<DepositRow> rows(Session s, List<DepositStatus> list) {
    Map<BigInteger, AssetCellsReader.Read> cells =
        AssetCellsReader.read(
            s.db(), Direction.TO_CHILD, list.stream().map(d -> d.deposit().id()).toList());
    return list.stream().map(d -> row(d, cells.get(d.deposit().id()))).toList();
  }

  static DepositRow row(DepositStatus d, AssetCellsReader.@Nullable Read asset) {
    StateSyncRow r = d.deposit();
    AssetCellsReader.Read a = asset != null ? asset : legacy(r);
    return new DepositRow(
        r.id(),
        Words.stage(d.stage()),
        a.from().orElse(r.sender()),
        a.to().orElse(r.receiver()),
        r.event().txHash(),
        r.event().blockNumber(),
        r.event().blockTime(),
        a.cells());
  }

  /** A message indexed without a payload reading (none since level 6): its own columns. */
  private static AssetCellsReader.Read legacy(StateSyncRow r) {
    String kind = r.kind().key().replace('_', ' ');
    return new AssetCellsReader.Read(
        new AssetCells(
            kind,
            "",
            r.deposit().map(t -> t.rootToken().toString()).orElse(""),
            "",
            r.deposit().map(t -> t.amount() + " (raw units)").orElse(kind),
            r.deposit().map(t -> t.amount().toString()).orElse(""),
            r.deposit().map(t -> t.amount().toString()).orElse(""),
            ""),
        r.deposit().map(t -> t.from()),
        r.deposit().map(t -> t.to()));
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
  public Optional<RowSource<DepositRow>> forAddress(Address a) {
    return Optional.of(
        new AddressRows<>(
            sessions,
            (s, before, n) ->
                rows(s, s.lifecycle().depositsByAddress(a, before.map(DepositRow::stateSyncId), n)),
            DepositRow::stateSyncId));
  }

  @Override
  public Optional<RowSource<DepositRow>> filtered(io.bridgescope.core.stats.MessageFilter f) {
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
            io.bridgescope.core.stats.MessageQuery.Kind.DEPOSITS,
            f,
            (s, ids) -> {
              var out = new java.util.HashMap<BigInteger, FilteredRows.Staged<DepositRow>>();
              Map<BigInteger, DepositStatus> st = StatusByIds.deposits(s.lifecycle(), ids);
              Map<BigInteger, AssetCellsReader.Read> cells =
                  AssetCellsReader.read(s.db(), Direction.TO_CHILD, List.copyOf(st.keySet()));
              st.forEach(
                  (id, x) ->
                      out.put(id, new FilteredRows.Staged<>(row(x, cells.get(id)), x.stage())));
              return out;
            }));
  }
}
