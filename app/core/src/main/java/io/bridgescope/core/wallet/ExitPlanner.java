package io.bridgescope.core.wallet;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.asset.AssetPayload;
import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.asset.AssetText;
import io.bridgescope.core.asset.TokenMetadata;
import io.bridgescope.core.asset.TokenScale;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.lifecycle.ExitStatus;
import io.bridgescope.core.lifecycle.LifecycleService;
import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.proof.ExitProof;
import io.bridgescope.core.proof.ProofBuilder;
import io.bridgescope.core.proof.ProofException;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.ExitDao;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.core.store.rows.JournalEntry;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.wallet.WalletException.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Withdrawals from the account's side: lists its exits (as sender or receiver, no ids needed) with
 * status and ETA, and prepares {@code ExitHelper.exit} / {@code batchExit} reviews after the
 * preflight: nothing pending in the journal, not processed on chain, proof built locally and its
 * root equal to the on-chain root, simulation and gas.
 */
public final class ExitPlanner {

  /** At most this many exits are looked at per listing. */
  public static final int LIST_LIMIT = 500;

  private final Database db;
  private final BridgeContracts contracts;
  private final ProofBuilder proofs;
  private final LifecycleService lifecycle;
  private final TxPlanner planner;
  private final TxJournal journal;
  private final ChainViews views;

  ExitPlanner(
      Database db,
      BridgeContracts contracts,
      ProofBuilder proofs,
      LifecycleService lifecycle,
      TxPlanner planner,
      TxJournal journal,
      ChainViews views) {
    this.db = db;
    this.contracts = contracts;
    this.proofs = proofs;
    this.lifecycle = lifecycle;
    this.planner = planner;
    this.journal = journal;
    this.views = views;
  }

  /**
   * An exit of the account with its status (lifecycle: stage, reason, ETA), whether the wallet can
   * claim it now and any unfinished journal transaction for it.
   */
  public record ExitItem(ExitStatus status, boolean ready, Optional<JournalEntry> pending) {
    public BigInteger id() {
      return status.exit().id();
    }
  }

  /**
   * The account's exits, newest first, with the mapping exits its unclaimed child-native deposits
   * wait on ({@link MappingExits}).
   */
  public List<ExitItem> exits(Address account) {
    List<ExitStatus> mine =
        new ArrayList<>(lifecycle.exitsByAddress(account, Optional.empty(), LIST_LIMIT));
    java.util.Set<BigInteger> seen = new java.util.HashSet<>();
    mine.forEach(s -> seen.add(s.exit().id()));
    List<BigInteger> waiting =
        mine.stream().filter(s -> s.stage() != Stage.EXITED).map(s -> s.exit().id()).toList();
    java.util.SortedSet<BigInteger> mappings = new java.util.TreeSet<>();
    MappingExits.of(db, waiting).values().forEach(mappings::addAll);
    for (BigInteger id : mappings) {
      if (seen.add(id)) {
        lifecycle.exit(id).filter(s -> s.stage() != Stage.EXITED).ifPresent(mine::add);
      }
    }
    mine.sort(java.util.Comparator.comparing((ExitStatus s) -> s.exit().id()).reversed());
    List<ExitItem> out = new ArrayList<>();
    for (ExitStatus s : mine) {
      Optional<JournalEntry> pending = journal.unfinishedExit(s.exit().id());
      boolean claimable = s.stage() == Stage.CHECKPOINTED || s.stage() == Stage.FAILED;
      out.add(new ExitItem(s, claimable && pending.isEmpty(), pending));
    }
    return out;
  }

  /**
   * What exit {@code item} pays out, read from its L2StateSynced payload with the predicate that
   * sent it: an ERC-20 amount, ERC-721 ids or ERC-1155 id/amount pairs, or a plain message.
   */
  public String payout(ExitItem item) {
    return describe(item.status().exit(), contracts);
  }

  /** The account's exits the index says can be claimed now, oldest first. */
  public List<ExitItem> ready(Address account) {
    List<ExitItem> r = new ArrayList<>(exits(account).stream().filter(ExitItem::ready).toList());
    java.util.Collections.reverse(r);
    return r;
  }

  /** Preflight and review of one exit, paid by {@code from}. */
  public Review prepareExit(BigInteger id, Address from) {
    List<String> checks = new ArrayList<>();
    ExitProof proof = checkedProof(id, checks);
    ExitRow row = row(id);
    String paysOut = describe(row, contracts); // reads the index, or the root for decimals
    String summary = "exit " + id + " (" + paysOut + ")";
    byte[] data = BridgeAbi.exit(proof.toExitInput());
    UnsignedTx tx =
        planner.plan(
            ChainRole.ROOT,
            from,
            contracts.exitHelper(),
            data,
            TxPurpose.EXIT,
            Optional.of(id),
            summary,
            checks,
            List.of(inner(row)));
    DecodedCall call =
        new DecodedCall(
            "ExitHelper",
            contracts.exitHelper(),
            "exit",
            List.of(
                new DecodedCall.Arg(
                    "blockNumber", "uint256", Long.toString(proof.checkpointBlock())),
                new DecodedCall.Arg("leafIndex", "uint256", Integer.toString(proof.leafIndex())),
                new DecodedCall.Arg(
                    "unhashedLeaf",
                    "bytes",
                    "abi.encode(" + id + ", " + row.sender() + ", " + row.receiver() + ", data)"),
                new DecodedCall.Arg("proof", "bytes32[]", proofText(proof.proof())),
                new DecodedCall.Arg("pays out", "L2StateSynced data", paysOut)),
            BigInteger.ZERO);
    return new Review(
        "Withdraw: " + summary,
        from,
        List.of(Step.planned(call, tx)),
        checks,
        List.of(),
        "exit:" + id,
        IndexSnapshot.ofExits(List.of(proof)));
  }

  /**
   * Preflight and review of one {@code batchExit} of every ready exit of {@code account}, paid by
   * {@code from}. Exits that fail their own checks are left out and named in the notes. A
   * child-native deposit whose token's mapping exit is in the same claim cannot be simulated before
   * that mapping is processed (the root mirror it mints does not exist yet), so such deposits go in
   * a second {@code batchExit}, planned and simulated once the first is mined.
   */
  public Review prepareClaimAll(Address account, Address from) {
    List<String> notes = new ArrayList<>();
    List<ExitProof> proofs = new ArrayList<>();
    List<BigInteger> ids = new ArrayList<>();
    for (ExitItem item : ready(account)) {
      try {
        proofs.add(checkedProof(item.id(), new ArrayList<>()));
        ids.add(item.id());
      } catch (WalletException e) {
        notes.add("exit " + item.id() + " left out: " + e.getMessage());
      }
    }
    if (ids.isEmpty()) {
      throw new WalletException(
          Kind.NOT_READY,
          "no exit of "
              + account
              + " is ready to claim"
              + (notes.isEmpty() ? "" : ": " + String.join("; ", notes)));
    }
    List<ExitProof> first = new ArrayList<>();
    List<ExitProof> later = new ArrayList<>();
    java.util.Map<BigInteger, java.util.SortedSet<BigInteger>> mappings = MappingExits.of(db, ids);
    for (int i = 0; i < ids.size(); i++) {
      BigInteger id = ids.get(i);
      boolean waits =
          mappings.getOrDefault(id, java.util.Collections.emptySortedSet()).stream()
              .anyMatch(m -> !m.equals(id) && ids.contains(m));
      (waits ? later : first).add(proofs.get(i));
    }
    List<String> checks = new ArrayList<>();
    checks.add(
        ids.size()
            + " exits not pending in the journal and not processed on chain (processedExits)");
    checks.add("every proof built from the local index and its root equals the on-chain root");
    List<Step> steps = new ArrayList<>();
    List<BigInteger> firstIds = idsOf(first);
    UnsignedTx tx =
        planner.plan(
            ChainRole.ROOT,
            from,
            contracts.exitHelper(),
            BridgeAbi.batchExit(first.stream().map(ExitProof::toExitInput).toList()),
            TxPurpose.BATCH_EXIT,
            Optional.empty(),
            claimSummary(firstIds),
            checks,
            innerCalls(firstIds));
    steps.add(Step.planned(batchCall(firstIds), tx));
    if (!later.isEmpty()) {
      List<BigInteger> laterIds = idsOf(later);
      steps.add(
          Step.deferred(
              ChainRole.ROOT,
              from,
              batchCall(laterIds),
              BridgeAbi.batchExit(later.stream().map(ExitProof::toExitInput).toList()),
              TxPurpose.BATCH_EXIT,
              claimSummary(laterIds)));
      notes.add(
          "exits "
              + text(laterIds)
              + " mint on root mirrors that mapping exits in the first batch create: they are"
              + " claimed in a second batchExit, simulated once the first is mined");
    }
    String idText = text(ids);
    return new Review(
        "Claim all: " + claimSummary(ids),
        from,
        steps,
        checks,
        notes,
        "batch_exit:" + idText,
        IndexSnapshot.ofExits(proofs));
  }

  private static List<BigInteger> idsOf(List<ExitProof> proofs) {
    return proofs.stream().map(ExitProof::exitId).toList();
  }

  private static String text(List<BigInteger> ids) {
    return ids.stream().map(BigInteger::toString).collect(Collectors.joining(", "));
  }

  private static String claimSummary(List<BigInteger> ids) {
    return "claim " + ids.size() + " exits (" + text(ids) + ")";
  }

  /** The review's {@code batchExit} of {@code ids}, with what each pays out. */
  private DecodedCall batchCall(List<BigInteger> ids) {
    List<DecodedCall.Arg> args = new ArrayList<>();
    args.add(
        new DecodedCall.Arg(
            "inputs", "(uint256,uint256,bytes,bytes32[])[]", ids.size() + " exits: " + text(ids)));
    for (int i = 0; i < ids.size(); i++) {
      // what each exit pays out, read from its L2StateSynced payload with its predicate
      args.add(
          new DecodedCall.Arg(
              "inputs[" + i + "]", "exit " + ids.get(i), describe(row(ids.get(i)), contracts)));
    }
    return new DecodedCall(
        "ExitHelper", contracts.exitHelper(), "batchExit", args, BigInteger.ZERO);
  }

  /**
   * What {@code ExitHelper.exit}/{@code batchExit} calldata makes ExitHelper call on each receiver,
   * to simulate: for a step planned only once the one before it is mined.
   */
  List<TxPlanner.InnerCall> innerCalls(byte[] exitCalldata) {
    return innerCalls(ExitCalls.ids(exitCalldata));
  }

  private List<TxPlanner.InnerCall> innerCalls(List<BigInteger> ids) {
    return ids.stream().map(id -> inner(row(id))).toList();
  }

  /** Journal and chain checks that must hold right before signing (also for files and retries). */
  void recheck(BigInteger id) {
    Optional<JournalEntry> pending = journal.unfinishedExit(id);
    if (pending.isPresent()) {
      JournalEntry e = pending.get();
      throw new WalletException(
          Kind.IN_FLIGHT,
          "exit "
              + id
              + " already has transaction "
              + e.txHash()
              + " ("
              + e.state().key()
              + ", journal #"
              + e.id()
              + "); wait for it or run `bridgescope tx resume`");
    }
    if (views.exitProcessed(id)) {
      throw new WalletException(
          Kind.ALREADY_PROCESSED,
          "exit "
              + id
              + " was already processed on the root chain (processedExits is true); nothing to do");
    }
  }

  /**
   * For signed exit calldata: every leaf field that differs from the exit of the same id in the
   * local index (an exit the index does not hold is left to the contract's proof check).
   */
  List<Inspection.Problem> leavesAgainstIndex(byte[] calldata) {
    List<Inspection.Problem> out = new ArrayList<>();
    Optional<CallDecoder.Call> call;
    try {
      call = CallDecoder.decode(calldata);
    } catch (IllegalArgumentException e) {
      return out;
    }
    if (call.isEmpty() || !(call.get() instanceof CallDecoder.Exits e)) {
      return out;
    }
    for (int i = 0; i < e.inputs().size(); i++) {
      String prefix = e.function() == BridgeFunction.EXIT ? "leaf." : "inputs[" + i + "].leaf.";
      CallDecoder.ExitLeaf l = e.inputs().get(i).leaf();
      Optional<ExitRow> row = db.read(c -> new ExitDao(c).byId(l.id()));
      if (row.isEmpty()) {
        continue;
      }
      differs(out, prefix + "sender", l.sender(), row.get().sender(), l.id());
      differs(out, prefix + "receiver", l.receiver(), row.get().receiver(), l.id());
      differs(out, prefix + "data", l.data(), row.get().data(), l.id());
    }
    return out;
  }

  private static void differs(
      List<Inspection.Problem> out, String field, Object signed, Object indexed, BigInteger id) {
    if (!signed.equals(indexed)) {
      out.add(
          new Inspection.Problem(
              field,
              "the signed exit " + id + " says " + signed + ", the local index says " + indexed,
              false));
    }
  }

  private ExitProof checkedProof(BigInteger id, List<String> checks) {
    recheck(id);
    checks.add("exit " + id + " has no pending transaction in the journal");
    checks.add("exit " + id + " is not processed on the root chain (processedExits is false)");
    ExitProof p;
    try {
      p = proofs.exitProof(id, views.client(ChainRole.ROOT));
    } catch (ProofException e) {
      throw WalletException.fromProof(e);
    }
    checks.add(
        "proof built locally: leaf "
            + p.leafIndex()
            + " of "
            + p.leafCount()
            + " in epoch "
            + p.epoch()
            + ", root "
            + p.root().shortHex()
            + " equals getEventRootByBlock("
            + p.checkpointBlock()
            + ") on the root chain");
    return p;
  }

  /** What ExitHelper calls on the receiver: {@code onL2StateReceive(id, sender, data)}. */
  private TxPlanner.InnerCall inner(ExitRow row) {
    byte[] data =
        Abi.call(
            "onL2StateReceive(uint256,address,bytes)",
            AbiValue.uint(row.id()),
            AbiValue.address(row.sender()),
            AbiValue.bytes(row.data().value()));
    return new TxPlanner.InnerCall(
        contracts.exitHelper(), row.receiver(), data, "exit " + row.id());
  }

  private ExitRow row(BigInteger id) {
    return db.read(c -> new ExitDao(c).byId(id))
        .orElseThrow(
            () -> new WalletException(Kind.NOT_READY, "exit " + id + " is not in the local index"));
  }

  /**
   * What exit {@code row} pays out, for a review: an ERC-20 withdrawal's amount at the root token's
   * own decimals, or a plain message.
   */
  String describe(ExitRow row) {
    return row.withdrawal()
        .map(
            w ->
                "withdrawal of "
                    + rootUnits(w.rootToken()).show(w.amount())
                    + " of root token "
                    + w.rootToken()
                    + " to "
                    + w.to())
        .orElse("message from " + row.sender() + " to " + row.receiver());
  }

  /** As {@link #describe(ExitRow)}, with an NFT or ERC-1155 withdrawal named as what it moves. */
  String describe(ExitRow row, BridgeContracts contracts) {
    if (row.withdrawal().isPresent()) {
      return describe(row);
    }
    AssetPayload p = AssetPredicates.of(contracts).decodeExit(row.sender(), row.data().value());
    return p instanceof AssetPayload.Transfer ? AssetText.describe(p) : describe(row);
  }

  /**
   * The root token's decimals and symbol: what the index holds (its cached reading, else its
   * MAP_TOKEN message), else asked of the root now (a token that states no decimals is shown in raw
   * units).
   */
  private TokenUnits rootUnits(Address token) {
    Optional<TokenMetadata> indexed = new TokenScale(db).of(token);
    return indexed.map(TokenUnits::new).orElseGet(() -> views.units(ChainRole.ROOT, token));
  }

  private static String proofText(List<Hash32> proof) {
    return "[" + proof.stream().map(Hash32::shortHex).collect(Collectors.joining(", ")) + "]";
  }
}
