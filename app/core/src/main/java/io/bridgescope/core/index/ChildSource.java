package io.bridgescope.core.index;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.asset.TokenHome;
import io.bridgescope.core.asset.TokenMapping;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.bridge.StateSyncCommitment;
import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.AssetDao;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.EpochDao;
import io.bridgescope.core.store.ExitDao;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.TokenDao;
import io.bridgescope.core.store.ValidatorSetDao;
import io.bridgescope.core.store.WriteOp;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CommitSignature;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.EpochRow;
import io.bridgescope.core.store.rows.ExecutionResultRow;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.ValidatorSetRow;
import io.bridgescope.core.store.rows.ValidatorSetSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;

/** Child chain: commitments (with the decoded commit input), execution results, exits. */
final class ChildSource implements EventSource {

  private static final byte[] COMMIT_SELECTOR = Abi.selector(BridgeAbi.COMMIT);
  private static final byte[] GET_VALIDATORS = Abi.call("getValidators()");

  private final ChainReader reader;
  private final BridgeContracts contracts;
  private final long epochSize;
  private final AssetPredicates predicates;

  ChildSource(ChainReader reader, BridgeContracts contracts, long epochSize) {
    this.reader = reader;
    this.contracts = contracts;
    this.epochSize = epochSize;
    this.predicates = AssetPredicates.of(contracts);
  }

  /** The bridge contracts plus every predicate, whose mapping events tie tokens together. */
  private List<Address> emitters() {
    List<Address> a =
        new ArrayList<>(
            List.of(
                contracts.stateReceiver(), contracts.l2StateSender(), contracts.validatorSet()));
    for (AssetPredicate p : AssetPredicate.values()) {
      a.add(predicates.address(p));
    }
    return a;
  }

  @Override
  public ChainRole chain() {
    return ChainRole.CHILD;
  }

  /** The epoch whose exit tree holds an exit of block {@code b} (protocol.md, Withdrawal). */
  static long exitEpoch(long block, long epochSize) {
    return block / epochSize + 1;
  }

  @Override
  public Read read(long from, long to) {
    List<Log> logs =
        reader.logs(
            emitters(),
            List.of(
                BridgeEvents.NEW_COMMITMENT,
                BridgeEvents.STATE_SYNC_RESULT,
                BridgeEvents.L2_STATE_SYNCED,
                BridgeEvents.NEW_EPOCH,
                BridgeEvents.L2_TOKEN_MAPPED,
                BridgeEvents.L2_MINTABLE_TOKEN_MAPPED),
            from,
            to);
    List<Hash32> commitTxs =
        logs.stream()
            .filter(l -> LogRows.topic0(l).equals(BridgeEvents.NEW_COMMITMENT))
            .map(l -> Hash32.of(l.getTransactionHash()))
            .distinct()
            .toList();
    Map<Hash32, Transaction> txs =
        commitTxs.isEmpty()
            ? Map.of()
            : reader.read("commit transactions", c -> c.transactions(commitTxs));
    // Each epoch's validator set, read from the ValidatorSet at the block that closed the epoch.
    Map<Long, List<ValidatorEntry>> epochSets = new java.util.HashMap<>();
    for (Log l : logs) {
      if (LogRows.topic0(l).equals(BridgeEvents.NEW_EPOCH)) {
        epochSets.put(BridgeEvents.newEpoch(l).id(), validatorsAt(LogRows.block(l)));
      }
    }
    return new Read() {
      @Override
      public Set<Long> blocks() {
        return LogRows.blocks(logs);
      }

      @Override
      public int events() {
        return logs.size();
      }

      @Override
      public List<WriteOp> ops(Headers h) {
        List<CommitmentRow> commitments = new ArrayList<>();
        List<ExecutionResultRow> results = new ArrayList<>();
        List<ExitRow> exits = new ArrayList<>();
        List<EpochRow> epochs = new ArrayList<>();
        List<ValidatorSetRow> sets = new ArrayList<>();
        List<TokenMapping> mappings = new ArrayList<>();
        for (Log l : logs) {
          Hash32 t = LogRows.topic0(l);
          if (t.equals(BridgeEvents.L2_TOKEN_MAPPED)
              || t.equals(BridgeEvents.L2_MINTABLE_TOKEN_MAPPED)) {
            mapping(l, h).ifPresent(mappings::add);
            continue;
          }
          if (t.equals(BridgeEvents.NEW_COMMITMENT)) {
            StateSyncCommitment c = BridgeEvents.newCommitment(l);
            Transaction tx = txs.get(Hash32.of(l.getTransactionHash()));
            commitments.add(
                new CommitmentRow(
                    c.startId(), c.endId(), c.root(), signature(tx, c), LogRows.ref(l, h)));
          } else if (t.equals(BridgeEvents.STATE_SYNC_RESULT)) {
            results.add(LogRows.result(l, h));
          } else if (t.equals(BridgeEvents.L2_STATE_SYNCED)) {
            exits.add(exit(l, h));
          } else if (t.equals(BridgeEvents.NEW_EPOCH)) {
            BridgeEvents.Epoch e = BridgeEvents.newEpoch(l);
            epochs.add(
                new EpochRow(
                    e.id(), e.startBlock(), e.endBlock(), e.epochRoot(), LogRows.ref(l, h)));
            sets.add(
                new ValidatorSetRow(
                    ValidatorSetSource.CHILD,
                    e.id(),
                    Optional.empty(),
                    Objects.requireNonNull(epochSets.get(e.id()), "validators of the epoch"),
                    ChainRole.CHILD,
                    LogRows.block(l)));
          }
        }
        return List.of(
            c -> new CommitmentDao(c).insert(commitments),
            c -> new StateSyncDao(c).insertResults(results),
            c -> new ExitDao(c).insert(exits),
            c -> new AssetDao(c).classifyPending(Direction.TO_ROOT, predicates),
            c -> new TokenDao(c).insertMappings(mappings),
            c -> new EpochDao(c).insert(epochs),
            c -> {
              ValidatorSetDao dao = new ValidatorSetDao(c);
              for (ValidatorSetRow v : sets) {
                dao.insert(v);
              }
            });
      }
    };
  }

  /** {@code ValidatorSet.getValidators()} as of {@code block}. */
  private List<ValidatorEntry> validatorsAt(long block) {
    byte[] ret =
        reader.read(
            "ValidatorSet.getValidators at " + block,
            c ->
                c.call(
                    null,
                    contracts.validatorSet(),
                    GET_VALIDATORS,
                    DefaultBlockParameter.valueOf(java.math.BigInteger.valueOf(block))));
    return SubmitDecoder.validators(new AbiReader(ret).tail("validators", 0));
  }

  /**
   * A mapping event from a predicate. Each family emits its own event (L2TokenMapped for
   * root-native tokens, L2MintableTokenMapped for child-native ones); the other one from that
   * address, or one from an address no predicate holds, is not a mapping the contracts make.
   */
  private Optional<TokenMapping> mapping(Log l, Headers h) {
    Optional<AssetPredicate> p = predicates.at(Address.of(l.getAddress()));
    boolean mintable = LogRows.topic0(l).equals(BridgeEvents.L2_MINTABLE_TOKEN_MAPPED);
    if (p.isEmpty() || (p.get().home() == TokenHome.CHILD) != mintable) {
      return Optional.empty();
    }
    BridgeEvents.Mapped m = BridgeEvents.tokenMapped(l);
    return Optional.of(
        new TokenMapping(
            p.get(), Address.of(l.getAddress()), m.rootToken(), m.childToken(), LogRows.ref(l, h)));
  }

  private ExitRow exit(Log l, Headers h) {
    StateSync s = LogRows.message(l);
    Payloads.Decoded d = Payloads.fromAsset(predicates.decodeExit(s.sender(), s.data()), false);
    return new ExitRow(
        s.id(),
        s.sender(),
        s.receiver(),
        Bytes.of(s.data()),
        exitEpoch(LogRows.block(l), epochSize),
        d.kind(),
        d.transfer(),
        LogRows.ref(l, h));
  }

  /**
   * The signature, signer keys and bitmap from a {@code commit} call, if the transaction is one for
   * this very commitment; otherwise (e.g. committed through another contract) empty.
   */
  static Optional<CommitSignature> signature(@Nullable Transaction tx, StateSyncCommitment event) {
    if (tx == null || tx.getInput() == null) {
      return Optional.empty();
    }
    try {
      byte[] input = Hex.decode("commit input", tx.getInput());
      if (input.length < 4 || !Arrays.equals(Arrays.copyOf(input, 4), COMMIT_SELECTOR)) {
        return Optional.empty();
      }
      AbiReader r = AbiReader.ofCalldata(input);
      if (!r.uint("startId", 0).equals(event.startId())
          || !r.uint("endId", 1).equals(event.endId())
          || !r.bytes32("root", 2).equals(event.root())) {
        return Optional.empty();
      }
      byte[] signature = r.bytes("signature", 3);
      AbiReader blob = new AbiReader(r.bytes("bitmap", 4));
      AbiReader keys = blob.tail("publicKeys", 0);
      int n = keys.arrayLength("publicKeys");
      AbiReader body = keys.arrayBody();
      List<Bytes> signerKeys = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        signerKeys.add(Bytes.of(body.bytes("publicKeys[" + i + "]", i)));
      }
      return Optional.of(
          new CommitSignature(Bytes.of(signature), signerKeys, Bytes.of(blob.bytes("bitmap", 1))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
