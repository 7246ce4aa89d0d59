package io.bridgescope.core.index;

import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.AssetDao;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.ExitDao;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.SubmissionRevertDao;
import io.bridgescope.core.store.ValidatorSetDao;
import io.bridgescope.core.store.WriteOp;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.ExecutionResultRow;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.core.store.rows.SubmissionRevert;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.ValidatorSetRow;
import io.bridgescope.core.store.rows.ValidatorSetSource;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Root chain: state syncs, exit results, and CheckpointManager submissions. */
final class RootSource implements EventSource {

  private final ChainReader reader;
  private final BridgeContracts contracts;
  private final SubmissionDiscovery discovery;
  private final InitialValidatorSet initialSet;
  private final RevertReasons reverts;
  private final AssetPredicates predicates;

  RootSource(
      ChainReader reader,
      BridgeContracts contracts,
      List<ValidatorEntry> genesisValidators,
      SubmissionDiscovery discovery) {
    this.reader = reader;
    this.contracts = contracts;
    this.discovery = discovery;
    this.initialSet = new InitialValidatorSet(genesisValidators);
    this.reverts = new RevertReasons(reader);
    this.predicates = AssetPredicates.of(contracts);
  }

  @Override
  public ChainRole chain() {
    return ChainRole.ROOT;
  }

  @Override
  public Read read(long from, long to) {
    List<Log> logs =
        reader.logs(
            List.of(contracts.stateSender(), contracts.exitHelper()),
            List.of(BridgeEvents.STATE_SYNCED, BridgeEvents.EXIT_PROCESSED),
            from,
            to);
    List<Submission> submissions = new ArrayList<>();
    for (long b : discovery.blocks(from, to)) {
      submissions.addAll(submissionsIn(b));
    }
    // Asked here, on the reading thread: the write ops below only touch the database.
    List<SubmissionRevert> reasons = new ArrayList<>();
    for (Submission s : submissions) {
      if (!s.success) {
        reasons.add(reverts.of(s.tx, s.from, contracts.checkpointManager(), s.input, s.block));
      }
    }
    Set<Long> blocks = new TreeSet<>(LogRows.blocks(logs));
    submissions.forEach(s -> blocks.add(s.block));
    return new Read() {
      @Override
      public Set<Long> blocks() {
        return blocks;
      }

      @Override
      public int events() {
        return logs.size() + submissions.size();
      }

      @Override
      public List<WriteOp> ops(Headers h) {
        List<StateSyncRow> syncs = new ArrayList<>();
        List<ExecutionResultRow> exitResults = new ArrayList<>();
        for (Log l : logs) {
          if (LogRows.topic0(l).equals(BridgeEvents.STATE_SYNCED)) {
            StateSync s = LogRows.message(l);
            Payloads.Decoded d =
                Payloads.fromAsset(predicates.decodeStateSync(s.receiver(), s.data()), true);
            syncs.add(
                new StateSyncRow(
                    s.id(),
                    s.sender(),
                    s.receiver(),
                    Bytes.of(s.data()),
                    d.kind(),
                    d.transfer(),
                    LogRows.ref(l, h)));
          } else {
            exitResults.add(LogRows.result(l, h));
          }
        }
        List<CheckpointRow> checkpoints = new ArrayList<>();
        List<ValidatorSetRow> sets = new ArrayList<>();
        Optional<ValidatorSetRow> genesis = Optional.empty();
        for (Submission s : submissions) {
          if (!h.hash(s.block).equals(s.blockHash)) {
            throw new LogRows.ReorgDuringReadException(s.block);
          }
          Optional<CheckpointRow> decoded =
              SubmitDecoder.decodeSubmission(
                  s.input,
                  new SubmitDecoder.Where(
                      s.tx, s.from, s.success, s.block, h.time(s.block), s.txIndex));
          if (decoded.isEmpty()) {
            continue;
          }
          CheckpointRow row = decoded.get();
          checkpoints.add(row);
          if (s.success && genesis.isEmpty()) {
            genesis = initialSet.before(row);
          }
          if (s.success) {
            sets.add(
                new ValidatorSetRow(
                    ValidatorSetSource.CHECKPOINT,
                    row.epoch(),
                    Optional.of(s.tx),
                    row.newValidatorSet(),
                    ChainRole.ROOT,
                    s.block));
          }
        }
        Optional<ValidatorSetRow> initial = genesis;
        return List.of(
            c -> new StateSyncDao(c).insert(syncs),
            c -> new AssetDao(c).classifyPending(Direction.TO_CHILD, predicates),
            c -> new ExitDao(c).insertResults(exitResults),
            c -> new CheckpointDao(c).insert(checkpoints),
            c -> new SubmissionRevertDao(c).insert(reasons),
            c -> {
              ValidatorSetDao dao = new ValidatorSetDao(c);
              // Only the first accepted submission ever indexed gives the initial set: without
              // historical state, "first" is what the database has not seen yet.
              if (initial.isPresent()
                  && dao.get(ValidatorSetSource.GENESIS, 0).isEmpty()
                  && new CheckpointDao(c).countAcceptedBefore(initial.get().blockNumber() + 1)
                      == 0) {
                dao.insert(initial.get());
              }
              for (ValidatorSetRow v : sets) {
                dao.insert(v);
              }
            });
      }
    };
  }

  private record Submission(
      Hash32 tx,
      Address from,
      boolean success,
      long block,
      Hash32 blockHash,
      int txIndex,
      byte[] input) {}

  /** Every submit transaction to the CheckpointManager in block {@code b}, with its status. */
  private List<Submission> submissionsIn(long b) {
    EthBlock.Block block = reader.read("block " + b, c -> c.blockWithTransactions(b));
    byte[] selector = CheckpointFinder.submitSelector();
    List<Transaction> txs = new ArrayList<>();
    for (EthBlock.TransactionResult<?> r : block.getTransactions()) {
      Transaction t = (Transaction) r.get();
      if (t.getTo() != null
          && Address.of(t.getTo()).equals(contracts.checkpointManager())
          && t.getInput() != null) {
        byte[] in = Hex.decode("submit input", t.getInput());
        if (in.length >= 4 && Arrays.equals(Arrays.copyOf(in, 4), selector)) {
          txs.add(t);
        }
      }
    }
    List<Hash32> hashes = txs.stream().map(t -> Hash32.of(t.getHash())).toList();
    Map<Hash32, TransactionReceipt> receipts =
        hashes.isEmpty() ? Map.of() : reader.read("submit receipts", c -> c.receipts(hashes));
    List<Submission> out = new ArrayList<>();
    for (Transaction t : txs) {
      Hash32 hash = Hash32.of(t.getHash());
      TransactionReceipt receipt = receipts.get(hash);
      if (receipt == null) {
        throw ChainException.badReply("the node sent no receipt for transaction " + hash, null);
      }
      out.add(
          new Submission(
              hash,
              Address.of(t.getFrom()),
              receipt.isStatusOK(),
              b,
              Hash32.of(block.getHash()),
              t.getTransactionIndex().intValueExact(),
              Hex.decode("submit input", t.getInput())));
    }
    return out;
  }

  static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }
}
