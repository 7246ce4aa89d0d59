package io.bridgescope.desktop.engine;

import io.bridgescope.core.lifecycle.DepositStatus;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.desktop.ports.DepositRow;
import io.bridgescope.desktop.ports.RowSource;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

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
      return rows(s.lifecycle().deposits(Optional.of(top.get().add(BigInteger.ONE)), limit));
    }
    if (offset >= sh.count()) {
      return List.of();
    }
    walker.clear(); // ids with gaps: walk from the top (rare: a partly indexed range)
    return walker.page(
        offset,
        limit,
        (after, n) -> rows(s.lifecycle().deposits(after.map(DepositRow::stateSyncId), n)));
  }

  static List<DepositRow> rows(List<DepositStatus> list) {
    return list.stream().map(DepositRows::row).toList();
  }

  static DepositRow row(DepositStatus d) {
    StateSyncRow r = d.deposit();
    String amount =
        r.deposit().map(t -> Words.amount(t.amount())).orElse(r.kind().key().replace('_', ' '));
    return new DepositRow(
        r.id(),
        Words.stage(d.stage()),
        r.deposit().map(t -> t.from()).orElse(r.sender()),
        r.deposit().map(t -> t.to()).orElse(r.receiver()),
        amount,
        r.event().txHash());
  }

  @Override
  public long count() {
    return shape.get(session().db()).count();
  }

  @Override
  public OptionalLong indexOf(String key) {
    BigInteger id = new BigInteger(key);
    IdShape.Shape sh = shape.get(session().db());
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
                rows(s.lifecycle().depositsByAddress(a, before.map(DepositRow::stateSyncId), n)),
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
              StatusByIds.deposits(s.lifecycle(), ids)
                  .forEach((id, st) -> out.put(id, new FilteredRows.Staged<>(row(st), st.stage())));
              return out;
            }));
  }
}
