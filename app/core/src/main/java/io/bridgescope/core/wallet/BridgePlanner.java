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
    return prepareWithdraw(from, childToken, receiver, amount, false);
  }

  /** As above; {@code allowBurn} lets the receiver be the zero address (the user asked). */
  public Review prepareWithdraw(
      Address from, Address childToken, Address receiver, BigInteger amount, boolean allowBurn) {
    List<String> checks = new ArrayList<>();
    receiverCheck(receiver, "root", "withdraw", allowBurn).ifPresent(checks::add);
    Address rootToken = views.rootTokenOf(childToken);
    BigInteger held = views.tokenBalance(ChainRole.CHILD, childToken, from);
    if (held.compareTo(amount) < 0) {
      throw new WalletException(
          Kind.INSUFFICIENT_FUNDS,
          from
              + " holds "
              + Amounts.ether(held)
              + " of child token "
              + childToken
              + " but wants to withdraw "
              + Amounts.ether(amount)
              + "; nothing was signed");
    }
    checks.add(from + " holds " + Amounts.ether(held) + " of the child token");
    String summary =
        "withdraw "
            + Amounts.ether(amount)
            + " of "
            + childToken
            + " (root token "
            + rootToken
            + ") to "
            + receiver;
    byte[] data = BridgeAbi.withdrawTo(childToken, receiver, amount);
    UnsignedTx tx =
        planner.plan(
            ChainRole.CHILD,
            from,
            contracts.childErc20Predicate(),
            data,
            TxPurpose.WITHDRAW,
            Optional.empty(),
            summary,
            checks);
    DecodedCall call =
        new DecodedCall(
            "ChildERC20Predicate",
            contracts.childErc20Predicate(),
            "withdrawTo",
            List.of(
                new DecodedCall.Arg("childToken", "address", childToken.toString()),
                new DecodedCall.Arg("receiver", "address", receiver.toString()),
                new DecodedCall.Arg(
                    "amount", "uint256", amount + " (" + Amounts.ether(amount) + ")")),
            BigInteger.ZERO);
    return new Review(
        "Start a withdrawal: " + summary,
        from,
        List.of(Step.planned(call, tx)),
        checks,
        List.of("once a checkpoint covers it, claim it on the root with `bridgescope exit`"),
        "withdraw:" + from + ":" + Bytes.of(data).hashCode());
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
    return prepareDeposit(from, rootToken, receiver, amount, false);
  }

  /** As above; {@code allowBurn} lets the receiver be the zero address (the user asked). */
  public Review prepareDeposit(
      Address from, Address rootToken, Address receiver, BigInteger amount, boolean allowBurn) {
    List<String> checks = new ArrayList<>();
    receiverCheck(receiver, "child", "deposit", allowBurn).ifPresent(checks::add);
    BigInteger held = views.tokenBalance(ChainRole.ROOT, rootToken, from);
    if (held.compareTo(amount) < 0) {
      throw new WalletException(
          Kind.INSUFFICIENT_FUNDS,
          from
              + " holds "
              + Amounts.ether(held)
              + " of "
              + rootToken
              + " but wants to deposit "
              + Amounts.ether(amount)
              + "; nothing was signed");
    }
    checks.add(from + " holds " + Amounts.ether(held) + " of the root token");
    Address predicate = contracts.rootErc20Predicate();
    byte[] depositData = BridgeAbi.depositTo(rootToken, receiver, amount);
    String summary =
        "deposit "
            + Amounts.ether(amount)
            + " of "
            + rootToken
            + " to "
            + receiver
            + " on the child";
    DecodedCall depositCall =
        new DecodedCall(
            "RootERC20Predicate",
            predicate,
            "depositTo",
            List.of(
                new DecodedCall.Arg("rootToken", "address", rootToken.toString()),
                new DecodedCall.Arg("receiver", "address", receiver.toString()),
                new DecodedCall.Arg(
                    "amount", "uint256", amount + " (" + Amounts.ether(amount) + ")")),
            BigInteger.ZERO);
    List<Step> steps = new ArrayList<>();
    BigInteger allowance = views.allowance(rootToken, from, predicate);
    if (allowance.compareTo(amount) < 0) {
      String approveSummary =
          "approve the root predicate to take " + Amounts.ether(amount) + " of " + rootToken;
      UnsignedTx approve =
          planner.plan(
              ChainRole.ROOT,
              from,
              rootToken,
              BridgeAbi.approve(predicate, amount),
              TxPurpose.APPROVE,
              Optional.empty(),
              approveSummary,
              checks);
      steps.add(
          Step.planned(
              new DecodedCall(
                  "ERC20",
                  rootToken,
                  "approve",
                  List.of(
                      new DecodedCall.Arg(
                          "spender", "address", predicate + " (RootERC20Predicate)"),
                      new DecodedCall.Arg("amount", "uint256", amount.toString())),
                  BigInteger.ZERO),
              approve));
      steps.add(
          new Step(
              ChainRole.ROOT,
              from,
              depositCall,
              Bytes.of(depositData),
              TxPurpose.DEPOSIT,
              Optional.empty(),
              summary,
              Optional.empty()));
    } else {
      checks.add("allowance of the root predicate covers the amount");
      steps.add(
          Step.planned(
              depositCall,
              planner.plan(
                  ChainRole.ROOT,
                  from,
                  predicate,
                  depositData,
                  TxPurpose.DEPOSIT,
                  Optional.empty(),
                  summary,
                  checks)));
    }
    return new Review(
        "Deposit: " + summary,
        from,
        steps,
        checks,
        List.of(
            "the validators commit it on the child; the relayer (or `bridgescope self-execute`) executes it"),
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
