package io.bridgescope.desktop.engine;

import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import io.bridgescope.desktop.ports.ValidatorSetRow;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The Validators table: for each validator set, the epoch its checkpoints start at, each member's
 * share of the voting power, and how many of the checkpoints signed by that set carried its bit.
 */
final class ValidatorRows extends SessionRows<ValidatorSetRow> {

  ValidatorRows(SessionManager sessions) {
    super(sessions);
  }

  private List<ValidatorSetRow> all() {
    return session().db().read(c -> build(new ValidatorHistory(c)));
  }

  static List<ValidatorSetRow> build(ValidatorHistory h) throws java.sql.SQLException {
    record Group(long epoch, List<ValidatorEntry> set, int[] signed, int[] checkpoints) {}
    List<Group> distinct = new ArrayList<>();
    Group g =
        h.genesis()
            .map(ValidatorHistory.SetRef::validators)
            .map(v -> new Group(1, v, new int[v.size()], new int[1]))
            .orElse(null);
    if (g != null) {
      distinct.add(g);
    }
    for (CheckpointRow cp : h.checkpoints()) {
      if (!cp.success() || g == null) {
        continue; // failed submissions changed nothing; without a genesis set the signers are
        // unknown
      }
      g.checkpoints()[0]++;
      for (int i : ValidatorBitmap.signers(cp.bitmap().value(), g.set().size())) {
        g.signed()[i]++;
      }
      List<ValidatorEntry> next = cp.newValidatorSet();
      if (!next.isEmpty() && !sameMembers(next, g.set())) {
        g = new Group(cp.epoch() + 1, next, new int[next.size()], new int[1]);
        distinct.add(g);
      }
    }
    List<ValidatorSetRow> out = new ArrayList<>();
    for (int k = distinct.size() - 1; k >= 0; k--) {
      Group x = distinct.get(k);
      BigInteger total =
          x.set().stream()
              .map(ValidatorEntry::votingPower)
              .reduce(BigInteger.ZERO, BigInteger::add);
      for (int i = 0; i < x.set().size(); i++) {
        ValidatorEntry v = x.set().get(i);
        double share =
            total.signum() == 0
                ? 0
                : new BigDecimal(v.votingPower())
                    .multiply(BigDecimal.valueOf(100))
                    .divide(new BigDecimal(total), MathContext.DECIMAL64)
                    .doubleValue();
        int n = x.checkpoints()[0];
        out.add(
            new ValidatorSetRow(
                x.epoch(),
                i,
                v.address(),
                v.votingPower(),
                share,
                n == 0 ? 0 : x.signed()[i] / (double) n));
      }
    }
    return out;
  }

  private static boolean sameMembers(List<ValidatorEntry> a, List<ValidatorEntry> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).address().equals(b.get(i).address())
          || !a.get(i).votingPower().equals(b.get(i).votingPower())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public List<ValidatorSetRow> page(int offset, int limit) {
    List<ValidatorSetRow> rows = all();
    return offset >= rows.size()
        ? List.of()
        : List.copyOf(rows.subList(offset, Math.min(rows.size(), offset + limit)));
  }

  @Override
  public long count() {
    return all().size();
  }
}
