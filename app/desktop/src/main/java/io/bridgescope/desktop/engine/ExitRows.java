package io.bridgescope.desktop.engine;

import io.bridgescope.core.lifecycle.ExitStatus;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.desktop.ports.RowSource;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

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
      return rows(s.lifecycle().exits(Optional.of(top.get().add(BigInteger.ONE)), limit));
    }
    if (offset >= sh.count()) {
      return List.of();
    }
    walker.clear();
    return walker.page(
        offset,
        limit,
        (after, n) ->
            rows(s.lifecycle().exits(after.map(io.bridgescope.desktop.ports.ExitRow::exitId), n)));
  }

  static List<io.bridgescope.desktop.ports.ExitRow> rows(List<ExitStatus> list) {
    return list.stream().map(ExitRows::row).toList();
  }

  static io.bridgescope.desktop.ports.ExitRow row(ExitStatus x) {
    ExitRow r = x.exit();
    String amount =
        r.withdrawal().map(t -> Words.amount(t.amount())).orElse(r.kind().key().replace('_', ' '));
    return new io.bridgescope.desktop.ports.ExitRow(
        r.id(),
        Words.stage(x.stage()),
        r.withdrawal().map(t -> t.from()).orElse(r.sender()),
        r.withdrawal().map(t -> t.to()).orElse(r.receiver()),
        amount,
        r.event().blockNumber(),
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
  public Optional<RowSource<io.bridgescope.desktop.ports.ExitRow>> forAddress(Address a) {
    return Optional.of(
        new AddressRows<>(
            sessions,
            (s, before, n) ->
                rows(
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
              StatusByIds.exits(s.lifecycle(), ids)
                  .forEach((id, st) -> out.put(id, new FilteredRows.Staged<>(row(st), st.stage())));
              return out;
            }));
  }
}
