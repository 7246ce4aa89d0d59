package io.bridgescope.core.wallet;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.lifecycle.DepositStatus;
import io.bridgescope.core.lifecycle.LifecycleService;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.proof.ProofBuilder;
import io.bridgescope.core.proof.ProofException;
import io.bridgescope.core.proof.StateSyncProof;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.JournalEntry;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.wallet.WalletException.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reviews for the other wallet actions: starting a withdrawal on the child ({@code
 * ChildERC20Predicate.withdrawTo}), depositing on the root ({@code approve} + {@code depositTo})
 * and self-executing a committed deposit on the child ({@code StateReceiver.execute} with a proof
 * built from the local index). Each runs the same preflight as an exit.
 */
public final class BridgePlanner {

  private final BridgeContracts contracts;
  private final ProofBuilder proofs;
  private final LifecycleService lifecycle;
  private final TxPlanner planner;
  private final TxJournal journal;
  private final ChainViews views;

  BridgePlanner(
      BridgeContracts contracts,
      ProofBuilder proofs,
      LifecycleService lifecycle,
      TxPlanner planner,
      TxJournal journal,
      ChainViews views) {
    this.contracts = contracts;
    this.proofs = proofs;
    this.lifecycle = lifecycle;
    this.planner = planner;
    this.journal = journal;
    this.views = views;
  }

  /**
   * Burns {@code amount} of {@code childToken} on the child to be exited to {@code receiver}; a
   * zero-address receiver is refused ({@link Kind#BURN}).
   */
  public Review prepareWithdraw(
      Address from, Address childToken, Address receiver, BigInteger amount) {
    return prepareWithdraw(from, childToken, receiver, Erc20Amount.base(amount), false);
  }

  /** As above; {@code allowBurn} lets the receiver be the zero address (the user asked). */
  public Review prepareWithdraw(
      Address from, Address childToken, Address receiver, BigInteger amount, boolean allowBurn) {
    return prepareWithdraw(from, childToken, receiver, Erc20Amount.base(amount), allowBurn);
  }

  /** As above, with the amount perhaps in whole tokens (read at the child token's decimals). */
  public Review prepareWithdraw(
      Address from, Address childToken, Address receiver, Erc20Amount typed, boolean allowBurn) {
    return Erc20Withdrawal.plan(
        views,
        planner,
        ChainRole.CHILD,
        contracts.childErc20Predicate(),
        from,
        childToken,
        receiver,
        typed,
        allowBurn);
  }

  /**
   * Sends the root mirror {@code mirror} of a child-native ERC-20 home: Edge's
   * ChildMintableERC20Predicate on the root burns {@code amount} of it, and its state sync releases
   * as much from the escrow on the child to {@code receiver} once committed and executed there.
   */
  public Review prepareWithdrawFromRoot(
      Address from, Address mirror, Address receiver, Erc20Amount typed, boolean allowBurn) {
    Address predicate =
        BridgeFunction.WITHDRAW_TO_FROM_ROOT
            .contract(contracts)
            .orElseThrow(
                () ->
                    Erc20Withdrawal.noChildMintablePredicate(BridgeFunction.WITHDRAW_TO_FROM_ROOT));
    return Erc20Withdrawal.plan(
        views, planner, ChainRole.ROOT, predicate, from, mirror, receiver, typed, allowBurn);
  }

  /**
   * Refuses the zero address as receiver before anything is asked of a node: nobody holds its key,
   * so what is sent there can never be claimed. Returns the review line when allowed.
   */
  static Optional<String> receiverCheck(
      Address receiver, String chain, String verb, boolean allowBurn) {
    if (!receiver.equals(Address.ZERO)) {
      return Optional.empty();
    }
    if (!allowBurn) {
      throw new WalletException(
          Kind.BURN,
          "the receiver is the zero address "
              + Address.ZERO
              + ": the tokens would be burnt on the "
              + chain
              + " chain and nobody could ever claim them; nothing was signed. Give the real"
              + " receiver with --to, or pass --allow-burn if burning is what you want");
    }
    return Optional.of(
        "BURN: the receiver is the zero address; the tokens are destroyed (--allow-burn given for"
            + " this "
            + verb
            + ")");
  }

  /**
   * Deposits {@code amount} of {@code rootToken} to {@code receiver} on the child. When the root
   * predicate's allowance is short, the first step approves exactly {@code amount} and the deposit
   * is simulated and signed once the approval is mined.
   */
  public Review prepareDeposit(
      Address from, Address rootToken, Address receiver, BigInteger amount) {
    return prepareDeposit(from, rootToken, receiver, Erc20Amount.base(amount), false);
  }

  /** As above; {@code allowBurn} lets the receiver be the zero address (the user asked). */
  public Review prepareDeposit(
      Address from, Address rootToken, Address receiver, BigInteger amount, boolean allowBurn) {
    return prepareDeposit(from, rootToken, receiver, Erc20Amount.base(amount), allowBurn);
  }

  /** As above, with the amount perhaps in whole tokens (read at the root token's decimals). */
  public Review prepareDeposit(
      Address from, Address rootToken, Address receiver, Erc20Amount amount, boolean allowBurn) {
    List<String> checks = new ArrayList<>();
    receiverCheck(receiver, "child", "deposit", allowBurn).ifPresent(checks::add);
    return deposit(
        ChainRole.ROOT,
        contracts.rootErc20Predicate(),
        "RootERC20Predicate",
        from,
        rootToken,
        receiver,
        amount,
        " on the child",
        checks,
        "the validators commit it on the child; the relayer (or `bridgescope self-execute`)"
            + " executes it",
        List.of());
  }

  /**
   * Deposits {@code amount} of the child-native ERC-20 {@code token} from the child to {@code
   * receiver} on the root: Edge's RootMintableERC20Predicate (0x…1009) takes it into escrow on the
   * child and emits an exit that mints the root mirror once claimed. The token must be mapped
   * already (its {@code mapToken} exit claimed on the root), or the claim cannot mint.
   */
  public Review prepareChildNativeDeposit(
      Address from, Address token, Address receiver, BigInteger amount, boolean allowBurn) {
    return prepareChildNativeDeposit(from, token, receiver, Erc20Amount.base(amount), allowBurn);
  }

  /** As above, with the amount perhaps in whole tokens (read at the token's decimals). */
  public Review prepareChildNativeDeposit(
      Address from, Address token, Address receiver, Erc20Amount amount, boolean allowBurn) {
    Address predicate =
        BridgeFunction.DEPOSIT_TO_CHILD_NATIVE
            .contract(contracts)
            .orElseThrow(
                () ->
                    new WalletException(
                        Kind.NOT_READY,
                        "this network names no RootMintableERC20Predicate on the child; nothing"
                            + " was signed"));
    List<String> checks = new ArrayList<>();
    receiverCheck(receiver, "root", "deposit", allowBurn).ifPresent(checks::add);
    List<Step> before = new ArrayList<>();
    String next =
        "once a checkpoint covers it, claim it on the root with `bridgescope exit` (that mints the"
            + " root mirror)";
    if (views.childNativeMirror(predicate, token).equals(Address.ZERO)) {
      before.add(mapToken(from, predicate, token, checks));
      next =
          "claim the mapping's exit on the root first (it creates the root mirror), then the"
              + " deposit's; "
              + next;
    } else {
      checks.add(token + " is mapped by the child's RootMintableERC20Predicate");
    }
    return deposit(
        ChainRole.CHILD,
        predicate,
        "RootMintableERC20Predicate",
        from,
        token,
        receiver,
        amount,
        " on the root",
        checks,
        next,
        before);
  }

  /**
   * {@code mapToken(token)} on the child's RootMintableERC20Predicate, the first step of the first
   * deposit of a child-native token: the predicate then escrows it, and the mapping's exit makes
   * the root mirror once claimed.
   */
  private Step mapToken(Address from, Address predicate, Address token, List<String> checks) {
    checks.add(
        token
            + " is not mapped by the child's RootMintableERC20Predicate yet: the first step maps"
            + " it");
    return MapTokenCall.step(planner, contracts, from, predicate, token, checks);
  }

  /**
   * Approve (when the predicate's allowance is short: exactly {@code amount}) and {@code
   * depositTo(token, receiver, amount)} on {@code predicate}, both on {@code chain}, after the
   * steps {@code before}; the deposit is simulated and signed once the step before it is mined.
   */
  private Review deposit(
      ChainRole chain,
      Address predicate,
      String predicateName,
      Address from,
      Address token,
      Address receiver,
      Erc20Amount typed,
      String where,
      List<String> checks,
      String next,
      List<Step> before) {
    TokenUnits units = views.units(chain, token);
    BigInteger amount = typed.in(units);
    BigInteger held = views.holding(chain, token, from, amount, units, "", "deposit");
    checks.add(from + " holds " + units.show(held) + " of the token on the " + chain.key());
    byte[] depositData = BridgeAbi.depositTo(token, receiver, amount);
    String summary = "deposit " + units.show(amount) + " of " + token + " to " + receiver + where;
    DecodedCall depositCall =
        new DecodedCall(
            predicateName,
            predicate,
            "depositTo",
            List.of(
                new DecodedCall.Arg(
                    chain == ChainRole.ROOT ? "rootToken" : "childNativeToken",
                    "address",
                    token.toString()),
                new DecodedCall.Arg("receiver", "address", receiver.toString()),
                new DecodedCall.Arg("amount", "uint256", amount + " (" + units.show(amount) + ")")),
            BigInteger.ZERO);
    List<Step> steps = new ArrayList<>(before);
    BigInteger allowance = views.allowance(chain, token, from, predicate);
    if (allowance.compareTo(amount) < 0) {
      String approveSummary =
          "approve the " + predicateName + " to take " + units.show(amount) + " of " + token;
      UnsignedTx approve =
          planner.plan(
              chain,
              from,
              token,
              BridgeAbi.approve(predicate, amount),
              TxPurpose.APPROVE,
              Optional.empty(),
              approveSummary,
              checks);
      steps.add(
          Step.planned(
              new DecodedCall(
                  "ERC20",
                  token,
                  "approve",
                  List.of(
                      new DecodedCall.Arg(
                          "spender", "address", predicate + " (" + predicateName + ")"),
                      new DecodedCall.Arg(
                          "amount", "uint256", amount + " (" + units.show(amount) + ")")),
                  BigInteger.ZERO),
              approve));
      steps.add(
          planner.depositStep(
              chain, from, predicate, depositData, depositCall, summary, checks, true));
    } else {
      checks.add("allowance of the " + predicateName + " covers the amount");
      // after a mapping, the deposit can be simulated only once that is mined
      steps.add(
          planner.depositStep(
              chain,
              from,
              predicate,
              depositData,
              depositCall,
              summary,
              checks,
              !before.isEmpty()));
    }
    return new Review(
        "Deposit: " + summary,
        from,
        steps,
        checks,
        List.of(next),
        "deposit:" + from + ":" + Bytes.of(depositData).hashCode());
  }

  /** Executes committed deposit {@code id} on the child with a proof built from the local index. */
  public Review prepareSelfExecute(BigInteger id, Address from) {
    List<String> checks = new ArrayList<>();
    recheck(id);
    checks.add("deposit " + id + " has no pending transaction in the journal");
    checks.add("deposit " + id + " is not processed on the child (processedStateSyncs is false)");
    StateSyncProof p;
    try {
      p = proofs.stateSyncProof(id, views.client(ChainRole.CHILD));
    } catch (ProofException e) {
      throw WalletException.fromProof(e);
    }
    checks.add(
        "proof built locally: leaf "
            + p.leafIndex()
            + " of commitment "
            + p.commitment().startId()
            + ".."
            + p.commitment().endId()
            + ", root "
            + p.commitment().root().shortHex()
            + " equals the child's getCommitmentByStateSyncId("
            + id
            + ")");
    String summary = "execute deposit " + id + " on the child";
    UnsignedTx tx =
        planner.plan(
            ChainRole.CHILD,
            from,
            contracts.stateReceiver(),
            p.executeCalldata(),
            TxPurpose.EXECUTE,
            Optional.of(id),
            summary,
            checks,
            List.of(
                new TxPlanner.InnerCall(
                    contracts.stateReceiver(),
                    p.stateSync().receiver(),
                    Abi.call(
                        "onStateReceive(uint256,address,bytes)",
                        AbiValue.uint(id),
                        AbiValue.address(p.stateSync().sender()),
                        AbiValue.bytes(p.stateSync().data())),
                    "deposit " + id)));
    List<String> notes = new ArrayList<>();
    lifecycle
        .deposit(id)
        .map(DepositStatus::status)
        .ifPresent(s -> notes.add("status: " + s.reason()));
    DecodedCall call =
        new DecodedCall(
            "StateReceiver",
            contracts.stateReceiver(),
            "execute",
            List.of(
                new DecodedCall.Arg("proof", "bytes32[]", p.proof().size() + " hashes"),
                new DecodedCall.Arg(
                    "obj",
                    "(uint256,address,address,bytes)",
                    "("
                        + id
                        + ", "
                        + p.stateSync().sender()
                        + ", "
                        + p.stateSync().receiver()
                        + ", "
                        + p.stateSync().data().length
                        + " bytes)")),
            BigInteger.ZERO);
    return new Review(
        "Self-execute: " + summary,
        from,
        List.of(Step.planned(call, tx)),
        checks,
        notes,
        "execute:" + id,
        IndexSnapshot.ofCommitment(p));
  }

  void recheck(BigInteger id) {
    Optional<JournalEntry> pending = journal.unfinished(TxPurpose.EXECUTE, id);
    if (pending.isPresent()) {
      throw new WalletException(
          Kind.IN_FLIGHT,
          "deposit "
              + id
              + " already has execute transaction "
              + pending.get().txHash()
              + " ("
              + pending.get().state().key()
              + "); wait for it or run `bridgescope tx resume`");
    }
    if (views.stateSyncProcessed(id)) {
      throw new WalletException(
          Kind.ALREADY_PROCESSED,
          "deposit "
              + id
              + " was already executed on the child (processedStateSyncs is true); nothing to do");
    }
  }
}
