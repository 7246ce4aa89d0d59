package io.bridgescope.core.wallet;

import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.lifecycle.LifecycleService;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.proof.ProofBuilder;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.wallet.WalletException.Kind;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The withdrawal wallet of one network: planners that produce a {@link Review} after their
 * preflight, and {@link #execute} which asks the key store for the key only then, signs, journals,
 * sends and follows each step to inclusion. Built once per network and shared (the in-flight guard
 * that stops double submissions lives here).
 */
public final class Wallet {

  private final NetworkProfile profile;
  private final Keystore keys;
  private final TxJournal journal;
  private final TxPlanner planner;
  private final TxSender sender;
  private final ChainViews views;
  private final ExitPlanner exits;
  private final BridgePlanner bridge;
  private final NftPlanner nfts;
  private final InFlight inFlight = new InFlight();

  /**
   * A wallet that reads the index (messages, proofs, lifecycle) from {@code index} and keeps its
   * journal in {@code journalDb} through {@code journalWriter}: the same database for the local
   * index, or a team index read-only beside the user's own file (ADR 0021).
   */
  public Wallet(
      NetworkProfile profile,
      Database index,
      Database journalDb,
      StoreWriter journalWriter,
      Keystore keys,
      ChainClient root,
      ChainClient child,
      ProofBuilder proofs,
      Clock clock) {
    this.profile = profile;
    this.keys = keys;
    this.journal = new TxJournal(journalDb, journalWriter, clock);
    this.planner = new TxPlanner(profile, root, child, journal);
    this.sender = new TxSender(root, child, journal);
    this.views = new ChainViews(root, child, profile.contracts());
    LifecycleService lifecycle = new LifecycleService(index, profile.epochSize(), clock);
    this.exits =
        new ExitPlanner(index, profile.contracts(), proofs, lifecycle, planner, journal, views);
    this.bridge =
        new BridgePlanner(profile.contracts(), proofs, lifecycle, planner, journal, views);
    this.nfts = new NftPlanner(profile.contracts(), planner, views);
  }

  /**
   * A wallet with its own proof builder, reading {@code index} and journaling into {@code
   * journalDb}.
   */
  public Wallet(
      NetworkProfile profile,
      Database index,
      Database journalDb,
      StoreWriter journalWriter,
      Keystore keys,
      ChainClient root,
      ChainClient child,
      Clock clock) {
    this(
        profile,
        index,
        journalDb,
        journalWriter,
        keys,
        root,
        child,
        new ProofBuilder(index, profile.contracts(), profile.epochSize()),
        clock);
  }

  /**
   * A wallet with its own proof builder, whose index and journal are the one database {@code db}.
   */
  public Wallet(
      NetworkProfile profile,
      Database db,
      StoreWriter writer,
      Keystore keys,
      ChainClient root,
      ChainClient child,
      Clock clock) {
    this(profile, db, db, writer, keys, root, child, clock);
  }

  public NetworkProfile profile() {
    return profile;
  }

  public Keystore keys() {
    return keys;
  }

  public ExitPlanner exits() {
    return exits;
  }

  /** Deposits and withdrawals of ERC-721 and ERC-1155 tokens. */
  public NftPlanner nfts() {
    return nfts;
  }

  public BridgePlanner bridge() {
    return bridge;
  }

  public TxJournal journal() {
    return journal;
  }

  public TxSender sender() {
    return sender;
  }

  /**
   * Unlocks {@code key} (zeroing {@code password}), then for each step: re-checks (journal,
   * processed on chain, nonce), signs, journals, sends and waits up to {@code timeout} for
   * inclusion. The key is dropped as soon as the last step is signed. Throws on the first step that
   * cannot be completed; steps already mined stay mined and journaled.
   */
  public Outcome execute(Review review, String key, char[] password, Duration timeout) {
    List<Outcome.StepResult> results = new ArrayList<>();
    try (InFlight.Claim guard = inFlight.claim(review.guard(), review.title());
        KeySession session = keys.unlock(key, password)) {
      checkSigner(review, session);
      List<Step> steps = review.steps();
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        UnsignedTx tx = planStep(step);
        SignedTx signed = signChecked(tx, review, session);
        if (i == steps.size() - 1) {
          session.close();
        }
        results.add(sendAndFollow(step, signed, timeout));
      }
      return new Outcome(review, results);
    }
  }

  /**
   * Signs and journals every step without sending (the caller sends with {@link #sender()}); for
   * reviews without deferred steps.
   */
  public List<SignedTx> sign(Review review, String key, char[] password) {
    if (review.hasDeferredSteps()) {
      java.util.Arrays.fill(password, '\0');
      throw new IllegalArgumentException("review has steps that can only be signed after sending");
    }
    List<SignedTx> out = new ArrayList<>();
    try (InFlight.Claim guard = inFlight.claim(review.guard(), review.title());
        KeySession session = keys.unlock(key, password)) {
      checkSigner(review, session);
      for (Step step : review.steps()) {
        out.add(signChecked(planStep(step), review, session));
      }
      return out;
    }
  }

  /**
   * Writes the review's first transaction to {@code file} for an offline signer, labelled from its
   * own bytes and with the index snapshot its proofs were built against, and keeps a copy in {@code
   * reviewed} for {@link #submitSigned}. A review of more steps (an approval, then the deposit that
   * can only be simulated once the approval is mined) writes the approval, with the later steps'
   * calls beside it as {@code approvalFor}: the signer judges the approval by them, and the deposit
   * is exported by preparing it again once the approval is mined. Refuses what the signer would
   * refuse under {@code limits}.
   */
  public Inspection exportUnsigned(
      Review review, SigningLimits limits, Path file, ReviewedExports reviewed) {
    Step first = review.steps().get(0);
    if (first.tx().isEmpty()) {
      throw new IllegalArgumentException(
          "the review's first transaction is not planned yet, so it cannot be exported");
    }
    List<SigningPolicy.Companion> later =
        review.steps().stream()
            .skip(1)
            .map(s -> new SigningPolicy.Companion(s.call().contract(), s.data()))
            .toList();
    Inspection i =
        new SigningPolicy(profile, limits)
            .inspectPlanned(first.tx().get(), review.snapshot(), later)
            .requireSignable();
    TxFiles.writeUnsigned(profile.name(), i.tx(), review.snapshot(), later, file);
    reviewed.remember(profile.name(), i.tx(), review.snapshot(), later);
    return i;
  }

  /**
   * What signed bytes say, decoded from the bytes alone and checked against this network; proofs in
   * them are checked against {@code snapshot} (the reviewed export's, or {@link
   * IndexSnapshot#NONE}).
   */
  public Inspection inspectSigned(SignedTx signed, SigningLimits limits, IndexSnapshot snapshot) {
    return inspectSigned(signed, limits, snapshot, List.of());
  }

  /**
   * As above, an approval judged by the deposits its reviewed export named ({@code approvalFor}).
   */
  public Inspection inspectSigned(
      SignedTx signed,
      SigningLimits limits,
      IndexSnapshot snapshot,
      List<SigningPolicy.Companion> approvalFor) {
    SignedBytes.Fields f = SignedBytes.decode(signed.raw().value());
    return new SigningPolicy(profile, limits)
        .inspectSigned(f.unsigned(signed.tx().chain()), snapshot, approvalFor);
  }

  /**
   * Journals, sends and follows a transaction signed elsewhere (an air-gapped file), only if its
   * bytes decode to a transaction the policy allows and that equals {@code reviewed} field by field
   * (its exit leaves also equal the local index's), after the same re-checks as {@link #execute}.
   * The journal records what the bytes say.
   */
  public Outcome submitSigned(
      SignedTx signed, TxFiles.Unsigned reviewed, SigningLimits limits, Duration timeout) {
    Inspection i =
        inspectSigned(signed, limits, reviewed.snapshot(), reviewed.approvalFor())
            .requireSendable();
    UnsignedTx tx = i.tx();
    List<Inspection.Problem> problems =
        new ArrayList<>(SignedBytes.differences(reviewed.tx(), tx, "reviewed"));
    problems.addAll(exits.leavesAgainstIndex(tx.data().value()));
    if (!problems.isEmpty()) {
      throw new WalletException(
          Kind.REFUSED,
          "the signed bytes are not what was reviewed: "
              + problems.stream()
                  .map(Inspection.Problem::toString)
                  .collect(java.util.stream.Collectors.joining("; "))
              + ". Nothing was sent");
    }
    SignedTx decoded = new SignedTx(tx, signed.raw(), signed.hash());
    Step step =
        new Step(
            tx.chain(),
            tx.from(),
            i.call(),
            tx.data(),
            tx.purpose(),
            tx.relatedId(),
            tx.summary(),
            Optional.of(tx));
    String guardKey = "signed:" + decoded.hash();
    try (InFlight.Claim guard = inFlight.claim(guardKey, "transaction " + decoded.hash())) {
      if (journal.byHash(decoded.hash()).isEmpty()) {
        recheck(tx);
        sender.record(decoded);
      }
      Outcome.StepResult r = sendAndFollow(step, decoded, timeout);
      Review review =
          new Review(tx.summary(), tx.from(), List.of(step), List.of(), List.of(), guardKey);
      return new Outcome(review, List.of(r));
    }
  }

  /** Follows an already sent journaled transaction to inclusion and decodes its bridge events. */
  public Outcome.StepResult follow(Step step, SignedTx signed, Duration timeout) {
    TransactionReceipt rc = sender.follow(signed, timeout);
    return result(step, signed, rc);
  }

  private Outcome.StepResult sendAndFollow(Step step, SignedTx signed, Duration timeout) {
    sender.send(signed);
    return follow(step, signed, timeout);
  }

  private Outcome.StepResult result(Step step, SignedTx signed, TransactionReceipt rc) {
    if (!rc.isStatusOK()) {
      throw new WalletException(
          Kind.FAILED_ON_CHAIN,
          step.summary()
              + ": transaction "
              + signed.hash()
              + " reverted on the "
              + step.chain().key()
              + " chain in block "
              + rc.getBlockNumber()
              + " (journaled as failed; nothing else was sent)");
    }
    List<BridgeEvents.Result> results = new ArrayList<>();
    List<BigInteger> emitted = new ArrayList<>();
    for (Log l : rc.getLogs()) {
      if (l.getTopics() == null || l.getTopics().isEmpty()) {
        continue;
      }
      Hash32 t0 = Hash32.of(l.getTopics().get(0));
      if (t0.equals(BridgeEvents.EXIT_PROCESSED) || t0.equals(BridgeEvents.STATE_SYNC_RESULT)) {
        results.add(BridgeEvents.result(l));
      } else if (t0.equals(BridgeEvents.L2_STATE_SYNCED) || t0.equals(BridgeEvents.STATE_SYNCED)) {
        emitted.add(BridgeEvents.stateSync(l).id());
      }
    }
    return new Outcome.StepResult(
        step, signed, rc.getBlockNumber().longValueExact(), results, emitted);
  }

  private UnsignedTx planStep(Step step) {
    if (step.tx().isEmpty()) {
      List<String> checks = new ArrayList<>();
      boolean exits = step.purpose() == TxPurpose.EXIT || step.purpose() == TxPurpose.BATCH_EXIT;
      return planner.plan(
          step.chain(),
          step.from(),
          step.call().contract(),
          step.data().value(),
          step.purpose(),
          step.relatedId(),
          step.summary(),
          checks,
          // a deferred claim's receivers are simulated too, now that the step before is mined
          exits ? this.exits.innerCalls(step.data().value()) : List.of());
    }
    UnsignedTx tx = step.tx().get();
    long nonce = planner.nonce(tx.chain(), tx.from());
    return nonce == tx.nonce() ? tx : tx.withNonce(nonce);
  }

  /**
   * The last checks before a planned transaction is signed: it must still be the known bridge call
   * the review decoded (an approve only with its deposit), and not already sent or processed.
   */
  private SignedTx signChecked(UnsignedTx tx, Review review, KeySession session) {
    List<SigningPolicy.Companion> companions =
        review.steps().stream()
            .map(s -> new SigningPolicy.Companion(s.call().contract(), s.data()))
            .toList();
    new SigningPolicy(profile, SigningLimits.PLANNED)
        .inspectPlanned(tx, review.snapshot(), companions)
        .requireSignable();
    recheck(tx);
    return sender.signAndRecord(tx, session);
  }

  /** The double-send guards that must hold right before a transaction is signed or journaled. */
  private void recheck(UnsignedTx tx) {
    if (tx.purpose() == TxPurpose.EXIT || tx.purpose() == TxPurpose.BATCH_EXIT) {
      for (BigInteger id : ExitCalls.ids(tx.data().value())) {
        exits.recheck(id);
      }
    } else if (tx.purpose() == TxPurpose.EXECUTE && tx.relatedId().isPresent()) {
      bridge.recheck(tx.relatedId().get());
    }
  }

  private static void checkSigner(Review review, KeySession session) {
    if (!session.address().equals(review.from())) {
      throw new WalletException(
          Kind.BAD_FILE,
          "the review is for "
              + review.from()
              + " but key "
              + session.key().describe()
              + " was unlocked");
    }
  }
}
