package io.bridgescope.core.verify;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.ValidatorSetRow;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who signed what: for each commitment and successful checkpoint in a child-block range, which
 * members of the set that had to sign it did (the same set and signer rules as the {@link
 * Verifier}); each validator's participation over the range; and the voting-power history with the
 * diff and the concentration of power at every set change.
 */
public final class ValidatorAccountability {

  /** More subjects than this in one range is refused: ask for a narrower range. */
  public static final int MAX_SUBJECTS = 200_000;

  /**
   * @param childIndexedTo the last child block indexed; a range beyond it is not complete
   */
  public record Report(
      long fromBlock,
      long toBlock,
      long childIndexedTo,
      double threshold,
      List<SignedSubject> timeline,
      List<Participation> participation,
      List<SetChange> history) {

    public Report {
      timeline = List.copyOf(timeline);
      participation = List.copyOf(participation);
      history = List.copyOf(history);
    }

    /** Whether every block of the range is indexed on the child chain. */
    public boolean complete() {
      return toBlock <= childIndexedTo;
    }
  }

  private final Connection c;
  private final SchemeSupport scheme;
  private final long epochSize;
  private final ValidatorSets sets;
  private final VerifyQueries queries;

  public ValidatorAccountability(Connection c, SchemeSupport scheme, long epochSize) {
    this.c = c;
    this.scheme = scheme;
    this.epochSize = epochSize;
    this.queries = new VerifyQueries(c);
    this.sets = new ValidatorSets(queries);
  }

  /**
   * The report over child blocks {@code from..to}; {@code threshold} in [0, 1] marks validators
   * that signed a smaller share.
   */
  public Report report(long from, long to, double threshold) throws SQLException {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("block range " + from + ".." + to + " is empty");
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold " + threshold + " is not between 0 and 1");
    }
    List<SignedSubject> timeline = new ArrayList<>();
    for (Hash32 tx :
        txs(
            "SELECT DISTINCT tx_hash FROM commitments WHERE block_number BETWEEN ? AND ?"
                + " ORDER BY block_number, log_index",
            from,
            to)) {
      Optional<CommitmentRow> r = new CommitmentDao(c).byTx(tx);
      if (r.isPresent()) {
        timeline.add(commitment(r.get()));
      }
    }
    for (Hash32 tx :
        txs(
            "SELECT submit_tx FROM checkpoints WHERE success = 1 AND checkpoint_block BETWEEN ? AND ?"
                + " ORDER BY checkpoint_block, block_number, tx_index",
            from,
            to)) {
      Optional<CheckpointRow> r = new CheckpointDao(c).byTx(tx);
      if (r.isPresent()) {
        timeline.add(checkpoint(r.get()));
      }
    }
    timeline.sort(Comparator.comparingLong(SignedSubject::childBlock));
    return new Report(
        from,
        to,
        queries.childIndexedTo(),
        threshold,
        timeline,
        participation(timeline, threshold),
        history());
  }

  private SignedSubject commitment(CommitmentRow r) throws SQLException {
    ValidatorSets.Lookup set = sets.forChildBlock(r.event().blockNumber(), epochSize);
    List<ValidatorEntry> members = set.set().map(ValidatorSetRef::validators).orElse(List.of());
    Map<Bytes, Integer> index = new HashMap<>();
    for (ValidatorEntry v : members) {
      index.putIfAbsent(Bytes.of(scheme.schemeKey(v.blsKey())), v.index());
    }
    TreeSet<Integer> signers = new TreeSet<>();
    int strangers = 0;
    for (Bytes key : r.signature().map(s -> s.signerKeys()).orElse(List.of())) {
      Integer i = index.get(key);
      if (i == null) {
        strangers++;
      } else {
        signers.add(i);
      }
    }
    return new SignedSubject(
        "commitment",
        r.startId() + ".." + r.endId(),
        r.event().txHash(),
        r.event().blockNumber(),
        r.event().blockTime(),
        label(set),
        members,
        signers,
        strangers);
  }

  private SignedSubject checkpoint(CheckpointRow r) throws SQLException {
    ValidatorSets.Lookup set = sets.beforeCheckpoint(r);
    List<ValidatorEntry> members = set.set().map(ValidatorSetRef::validators).orElse(List.of());
    return new SignedSubject(
        "checkpoint",
        Long.toString(r.epoch()),
        r.submitTx(),
        r.checkpointBlock(),
        r.blockTime(),
        label(set),
        members,
        new TreeSet<>(ValidatorBitmap.signers(r.bitmap().value(), members.size())),
        0);
  }

  private static String label(ValidatorSets.Lookup set) {
    return set.set().map(ValidatorSetRef::label).orElse("unknown: " + set.missing());
  }

  static List<Participation> participation(List<SignedSubject> timeline, double threshold) {
    Map<Address, int[]> counts = new LinkedHashMap<>();
    for (SignedSubject s : timeline) {
      for (ValidatorEntry v : s.set()) {
        int[] n = counts.computeIfAbsent(v.address(), a -> new int[2]);
        n[0]++;
        if (s.signed(v.index())) {
          n[1]++;
        }
      }
    }
    List<Participation> out = new ArrayList<>();
    counts.forEach(
        (a, n) -> {
          double ratio = n[0] == 0 ? 0 : n[1] / (double) n[0];
          out.add(new Participation(a, n[0], n[1], ratio, ratio < threshold));
        });
    return out;
  }

  /** Genesis, then every successful checkpoint whose next set differs from the one in force. */
  List<SetChange> history() throws SQLException {
    List<SetChange> out = new ArrayList<>();
    Optional<ValidatorSetRow> genesis = queries.genesisSet();
    List<ValidatorEntry> current = genesis.map(ValidatorSetRow::validators).orElse(List.of());
    if (!current.isEmpty()) {
      out.add(
          SetChange.of(
              "genesis set", Optional.empty(), 1, genesis.get().blockNumber(), List.of(), current));
    }
    for (Hash32 tx :
        txs(
            "SELECT submit_tx FROM checkpoints WHERE success = 1 AND checkpoint_block BETWEEN ? AND ?"
                + " ORDER BY block_number, tx_index",
            0,
            Long.MAX_VALUE)) {
      Optional<CheckpointRow> r = new CheckpointDao(c).byTx(tx);
      if (r.isEmpty()) {
        continue;
      }
      List<ValidatorEntry> next = r.get().newValidatorSet();
      if (!next.isEmpty() && SetChange.differs(current, next)) {
        out.add(
            SetChange.of(
                "set installed by the checkpoint of epoch " + r.get().epoch(),
                Optional.of(tx),
                r.get().epoch() + 1,
                r.get().blockNumber(),
                current,
                next));
        current = next;
      }
    }
    return out;
  }

  private List<Hash32> txs(String sql, long from, long to) throws SQLException {
    List<Hash32> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql + " LIMIT " + (MAX_SUBJECTS + 1))) {
      ps.setLong(1, from);
      ps.setLong(2, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Hash32(rs.getBytes(1)));
        }
      }
    }
    if (out.size() > MAX_SUBJECTS) {
      throw new IllegalArgumentException(
          "more than "
              + MAX_SUBJECTS
              + " commitments or checkpoints in child blocks "
              + from
              + ".."
              + to
              + ": ask for a narrower range");
    }
    return out;
  }
}
