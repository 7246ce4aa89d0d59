package io.bridgescope.core.report;

import io.bridgescope.core.asset.TokenHome;
import io.bridgescope.core.asset.TokenMetadata;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.solvency.SolvencyReport;
import io.bridgescope.core.solvency.TokenSolvency;
import io.bridgescope.core.store.SubmissionRevertDao.Rejected;
import io.bridgescope.core.store.rows.ChainPin;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.store.rows.VerdictStatus;
import io.bridgescope.core.verify.ValidatorAccountability;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an audit report over child blocks {@code fromBlock..toBlock} states, read from the
 * index (and, for solvency, from the nodes at the blocks the report names). Rendered by {@link
 * ReportHtml} and {@link ReportPdf}; the same index state and command give the same report.
 *
 * @param command the exact command line that reproduces the report
 * @param index the index state it was read from
 * @param counts per kind (commitments, then checkpoints), the verdicts in the range
 * @param failures every mismatched, invalid or pending verdict in the range, with its reason
 * @param rejected the checkpoint submissions the root rejected in the range
 * @param tokens the index's metadata (decimals, symbol) of the tokens in the solvency rows
 */
public record AuditReport(
    String network,
    long fromBlock,
    long toBlock,
    double threshold,
    String command,
    IndexState index,
    List<KindCounts> counts,
    List<Failure> failures,
    List<Rejected> rejected,
    SolvencyPoint solvencyStart,
    SolvencyPoint solvencyEnd,
    ValidatorAccountability.Report validators,
    List<TokenMetadata> tokens) {

  public AuditReport {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(index, "index");
    counts = List.copyOf(counts);
    failures = List.copyOf(failures);
    rejected = List.copyOf(rejected);
    Objects.requireNonNull(solvencyStart, "solvencyStart");
    Objects.requireNonNull(solvencyEnd, "solvencyEnd");
    Objects.requireNonNull(validators, "validators");
    tokens = List.copyOf(tokens);
  }

  /**
   * The metadata the index holds for a solvency row's token on its home chain (the root token of a
   * root-native one, the child token of a child-native one), if any: the amounts are shown with its
   * decimals, and in raw units, said so, only without them.
   */
  public Optional<TokenMetadata> metadataOf(TokenSolvency t) {
    ChainRole home = t.home() == TokenHome.CHILD ? ChainRole.CHILD : ChainRole.ROOT;
    Address token = home == ChainRole.CHILD ? t.childToken().orElse(t.rootToken()) : t.rootToken();
    return tokens.stream().filter(m -> m.chain() == home && m.token().equals(token)).findFirst();
  }

  /** One chain's indexed head and the identity the database was pinned to. */
  public record ChainState(ChainRole chain, Optional<Cursor> cursor, Optional<ChainPin> pin) {
    public ChainState {
      Objects.requireNonNull(chain, "chain");
      Objects.requireNonNull(cursor, "cursor");
      Objects.requireNonNull(pin, "pin");
    }

    /** The last indexed block, or -1 when nothing is indexed. */
    public long head() {
      return cursor.map(Cursor::lastBlock).orElse(-1L);
    }
  }

  /** The index state a report was read from. */
  public record IndexState(int schemaVersion, ChainState root, ChainState child) {
    public IndexState {
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(child, "child");
    }
  }

  /**
   * The verdicts of one kind in the range. {@code unverified} counts subjects indexed in the range
   * that have no verdict yet.
   */
  public record KindCounts(
      VerdictKind kind,
      long verified,
      long mismatch,
      long invalidSignature,
      long noQuorum,
      long pending,
      long unverified) {

    public long invalid() {
      return invalidSignature + noQuorum;
    }

    public long total() {
      return verified + mismatch + invalidSignature + noQuorum + pending + unverified;
    }
  }

  /**
   * A verdict that is not "verified".
   *
   * @param subject the state-sync ids {@code "5..9"} of a commitment, the epoch of a checkpoint
   */
  public record Failure(
      VerdictKind kind,
      Hash32 tx,
      long childBlock,
      String subject,
      VerdictStatus status,
      String reason) {
    public Failure {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(tx, "tx");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Solvency at one end of the range: the report read at {@code childBlock} and the root block of
   * the same moment, or why it could not be read (never zeros in its place).
   */
  public record SolvencyPoint(
      long childBlock, Optional<SolvencyReport> report, Optional<String> unavailable) {
    public SolvencyPoint {
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(unavailable, "unavailable");
      if (report.isPresent() == unavailable.isPresent()) {
        throw new IllegalArgumentException("a solvency point has a report or a reason, not both");
      }
    }

    public static SolvencyPoint of(long childBlock, SolvencyReport report) {
      return new SolvencyPoint(childBlock, Optional.of(report), Optional.empty());
    }

    public static SolvencyPoint unavailable(long childBlock, String why) {
      return new SolvencyPoint(childBlock, Optional.empty(), Optional.of(why));
    }
  }
}
