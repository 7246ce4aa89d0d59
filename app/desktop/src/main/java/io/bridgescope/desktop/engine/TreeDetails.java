package io.bridgescope.desktop.engine;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.proof.LeafQueries;
import io.bridgescope.core.proof.LeafSet;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.SubmissionRevertDao;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.CommitSignature;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.store.rows.VerdictRow;
import io.bridgescope.core.verify.SchemeSupport;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import io.bridgescope.desktop.ports.AuditFacts;
import io.bridgescope.desktop.ports.TreeDetail;
import io.bridgescope.desktop.quorum.BlsVerdict;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads a commitment or checkpoint with its real leaves (the same queries the verifier and proof
 * builder use), the validator set that had to sign it and the verifier's verdict.
 */
final class TreeDetails {

  /** Everything read in one snapshot; the evidence bundle is written from it too. */
  record Loaded(
      TreeDetail detail,
      LeafSet leaves,
      Hash32 onChainRoot,
      Bytes signature,
      List<Bytes> signerKeys,
      List<ValidatorEntry> set,
      Optional<VerdictRow> verdict,
      Hash32 tx,
      List<SubmissionRevertDao.Rejected> rejected) {

    /** Without failed submissions beside it (a commitment). */
    Loaded(
        TreeDetail detail,
        LeafSet leaves,
        Hash32 onChainRoot,
        Bytes signature,
        List<Bytes> signerKeys,
        List<ValidatorEntry> set,
        Optional<VerdictRow> verdict,
        Hash32 tx) {
      this(detail, leaves, onChainRoot, signature, signerKeys, set, verdict, tx, List.of());
    }
  }

  private TreeDetails() {}

  static Optional<Loaded> load(
      Session s, boolean commitment, String key, Optional<BigInteger> leaf) {
    SchemeSupport scheme = SchemeSupport.of(s.profile().blsScheme());
    return s.db()
        .read(
            c ->
                commitment
                    ? commitment(c, scheme, new BigInteger(key), leaf)
                    : checkpoint(c, scheme, Hash32.of(key), leaf));
  }

  private static Optional<Loaded> commitment(
      Connection c, SchemeSupport scheme, BigInteger startId, Optional<BigInteger> leaf)
      throws SQLException {
    Optional<CommitmentRow> found =
        new CommitmentDao(c).covering(startId).filter(r -> r.startId().equals(startId));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    CommitmentRow r = found.get();
    LeafSet leaves = LeafQueries.stateSyncLeaves(c, r.startId(), r.endId());
    Optional<ValidatorHistory.SetRef> set =
        new ValidatorHistory(c).forChildBlock(r.event().blockNumber());
    List<ValidatorEntry> validators =
        set.map(ValidatorHistory.SetRef::validators).orElse(List.of());
    List<String> notes = new ArrayList<>();
    long expected = r.endId().subtract(r.startId()).longValueExact() + 1;
    if (leaves.size() != expected) {
      notes.add("only " + leaves.size() + " of " + expected + " leaves are indexed yet");
    }
    byte[] bitmap = new byte[0];
    List<Bytes> keys = List.of();
    Bytes sig = Bytes.EMPTY;
    if (r.signature().isPresent()) {
      CommitSignature cs = r.signature().get();
      keys = cs.signerKeys();
      sig = cs.signature();
      // The commit input lists signer keys; map them onto the set to count voting power.
      Map<Bytes, Integer> index = new HashMap<>();
      for (ValidatorEntry v : validators) {
        index.putIfAbsent(Bytes.of(scheme.schemeKey(v.blsKey())), v.index());
      }
      TreeSet<Integer> signers = new TreeSet<>();
      int strangers = 0;
      for (Bytes k : keys) {
        Integer i = index.get(k);
        if (i == null) {
          strangers++;
        } else {
          signers.add(i);
        }
      }
      bitmap = ValidatorBitmap.encode(signers);
      if (strangers > 0) {
        notes.add(strangers + " signer key(s) are not in the validator set");
      }
    } else {
      notes.add("the commit transaction's signature could not be decoded");
    }
    Optional<VerdictRow> v = new VerdictDao(c).get(VerdictKind.COMMITMENT, r.event().txHash());
    String title = "Commitment of state syncs " + r.startId() + "–" + r.endId();
    BlsVerdict shown = verdict(v, scheme);
    AuditFacts facts =
        facts(shown, "commit transaction", r.event().txHash(), r.root(), leaves, expected)
            .apply(bitmap, validators, sig);
    return Optional.of(
        new Loaded(
            detail(title, leaves, leaf, set, validators, bitmap, shown, notes, facts),
            leaves,
            r.root(),
            sig,
            keys,
            validators,
            v,
            r.event().txHash(),
            List.of()));
  }

  private static Optional<Loaded> checkpoint(
      Connection c, SchemeSupport scheme, Hash32 tx, Optional<BigInteger> leaf)
      throws SQLException {
    Optional<CheckpointRow> found = new CheckpointDao(c).byTx(tx);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    CheckpointRow r = found.get();
    // Only exits emitted before the checkpoint block are in its tree (protocol.md, Withdrawal).
    LeafSet leaves = LeafQueries.exitLeaves(c, r.epoch(), r.checkpointBlock());
    Optional<ValidatorHistory.SetRef> set = new ValidatorHistory(c).beforeCheckpoint(r);
    List<ValidatorEntry> validators =
        set.map(ValidatorHistory.SetRef::validators).orElse(List.of());
    List<String> notes = new ArrayList<>();
    if (leaves.isEmpty()) {
      notes.add(
          "no exits in this epoch before child block "
              + r.checkpointBlock()
              + ": the exit root is zero");
    }
    notes.add(setChange(validators, r.newValidatorSet(), set.isPresent()));
    Optional<VerdictRow> v = new VerdictDao(c).get(VerdictKind.CHECKPOINT, tx);
    BlsVerdict verdict = verdict(v, scheme);
    // Every failed submission for this epoch, beside it: what an auditor looks for.
    List<SubmissionRevertDao.Rejected> rejected = new SubmissionRevertDao(c).ofEpoch(r.epoch());
    for (SubmissionRevertDao.Rejected x : rejected) {
      if (!x.submitTx().equals(tx)) {
        notes.add(
            "rejected submission for this epoch: "
                + x.submitTx()
                + " in root block "
                + x.blockNumber()
                + " ("
                + x.reason()
                + ")");
      }
    }
    if (!r.success()) {
      String reason =
          rejected.stream()
              .filter(x -> x.submitTx().equals(tx))
              .map(SubmissionRevertDao.Rejected::reason)
              .findFirst()
              .orElse(io.bridgescope.core.store.rows.SubmissionRevert.UNAVAILABLE);
      notes.add("this submission was rejected on chain (" + reason + ") and changed nothing");
      verdict =
          new BlsVerdict(BlsVerdict.Status.NOT_VERIFIED, "rejected on chain: not verified", "");
    }
    String title =
        "Checkpoint of epoch "
            + r.epoch()
            + " at child block "
            + r.checkpointBlock()
            + (r.success() ? "" : " (rejected)");
    AuditFacts facts =
        facts(verdict, "submit transaction", tx, r.eventRoot(), leaves, -1)
            .apply(r.bitmap().value(), validators, r.signature());
    return Optional.of(
        new Loaded(
            detail(title, leaves, leaf, set, validators, r.bitmap().value(), verdict, notes, facts),
            leaves,
            r.eventRoot(),
            r.signature(),
            List.of(),
            validators,
            v,
            tx,
            rejected));
  }

  private static TreeDetail detail(
      String title,
      LeafSet leaves,
      Optional<BigInteger> leaf,
      Optional<ValidatorHistory.SetRef> set,
      List<ValidatorEntry> validators,
      byte[] bitmap,
      BlsVerdict verdict,
      List<String> notes,
      AuditFacts facts) {
    List<BigInteger> ids = new ArrayList<>(leaves.size());
    for (int i = 0; i < leaves.size(); i++) {
      ids.add(leaves.id(i));
    }
    int selected = leaf.flatMap(leaves::indexOf).orElse(-1);
    if (set.isEmpty()) {
      notes.add("the validator set that signs it is not indexed yet");
    }
    return new TreeDetail(
        title,
        leaves.tree(),
        ids,
        selected,
        set.map(ValidatorHistory.SetRef::label).orElse("validator set unknown"),
        validators.stream()
            .map(
                v -> new io.bridgescope.desktop.quorum.ValidatorEntry(v.address(), v.votingPower()))
            .toList(),
        bitmap,
        verdict,
        String.join("; ", notes),
        Optional.of(facts));
  }

  /** The second half of {@link AuditFacts}: who signed and with what, once those are known. */
  @FunctionalInterface
  interface FactsOfSigning {
    AuditFacts apply(byte[] bitmap, List<ValidatorEntry> set, Bytes signature);
  }

  static FactsOfSigning facts(
      BlsVerdict verdict,
      String txLabel,
      Hash32 tx,
      Hash32 committedRoot,
      LeafSet leaves,
      long expected) {
    Optional<Hash32> rebuilt = leaves.tree().map(t -> new Hash32(t.root()));
    String held =
        leaves.isEmpty()
            ? "none"
            : leaves.size() == 1
                ? "id " + leaves.id(0)
                : "ids " + leaves.id(0) + "–" + leaves.id(leaves.size() - 1);
    return (bitmap, set, signature) -> {
      List<io.bridgescope.core.model.Address> signers = new ArrayList<>();
      for (ValidatorEntry e : set) {
        if (ValidatorBitmap.isSigned(bitmap, e.index())) {
          signers.add(e.address());
        }
      }
      String text =
          verdict.text() + (verdict.scheme().isEmpty() ? "" : " (" + verdict.scheme() + ")");
      return new AuditFacts(
          text,
          txLabel,
          tx,
          committedRoot,
          rebuilt,
          leaves.size(),
          expected,
          held,
          "0x" + java.util.HexFormat.of().formatHex(bitmap),
          signers,
          signature.toString());
    };
  }

  /** The verifier's verdict as the quorum panel shows it; nothing else may say "verified". */
  static BlsVerdict verdict(Optional<VerdictRow> v, SchemeSupport scheme) {
    if (v.isEmpty()) {
      return BlsVerdict.notVerifiedYet();
    }
    VerdictRow row = v.get();
    return switch (row.status()) {
      case VERIFIED ->
          new BlsVerdict(
              BlsVerdict.Status.VERIFIED, prefixed("verified", row.reason()), scheme.name());
      case PENDING ->
          new BlsVerdict(
              BlsVerdict.Status.NOT_VERIFIED, prefixed("not verified yet", row.reason()), "");
      default ->
          new BlsVerdict(
              BlsVerdict.Status.FAILED, prefixed(Words.verdict(v), row.reason()), scheme.name());
    };
  }

  /** The validator-set change a checkpoint carries: its newValidatorSet against the set before. */
  static String setChange(
      List<ValidatorEntry> before, List<ValidatorEntry> next, boolean beforeKnown) {
    if (!beforeKnown) {
      return "next validator set: " + next.size() + " validators (the set before is not indexed)";
    }
    java.util.Map<String, BigInteger> was = new java.util.LinkedHashMap<>();
    before.forEach(e -> was.put(e.address().toString(), e.votingPower()));
    java.util.Map<String, BigInteger> now = new java.util.LinkedHashMap<>();
    next.forEach(e -> now.put(e.address().toString(), e.votingPower()));
    if (was.equals(now)) {
      return "next validator set: unchanged (" + now.size() + " validators)";
    }
    List<String> changes = new ArrayList<>();
    now.forEach(
        (a, p) -> {
          if (!was.containsKey(a)) {
            changes.add("+" + a + " (" + p + ")");
          } else if (!was.get(a).equals(p)) {
            changes.add(a + " " + was.get(a) + "→" + p);
          }
        });
    was.keySet().stream().filter(a -> !now.containsKey(a)).forEach(a -> changes.add("−" + a));
    return "next validator set changes: " + String.join(", ", changes);
  }

  /** "word: reason", unless the verifier's reason already starts with the word. */
  private static String prefixed(String word, String reason) {
    return reason.startsWith(word) ? reason : word + ": " + reason;
  }
}
