package io.bridgescope.desktop.engine;

import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.lifecycle.DepositStatus;
import io.bridgescope.core.lifecycle.ExitStatus;
import io.bridgescope.core.lifecycle.MessageStatus;
import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.Erc20Transfer;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.ExecutionResultRow;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.desktop.common.GuiWords;
import io.bridgescope.desktop.ports.MessageDetail;
import io.bridgescope.desktop.ports.MessageDetail.Field;
import io.bridgescope.desktop.ports.MessageDetail.Step;
import io.bridgescope.desktop.ports.MessageDetail.TreeRef;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the deposit and exit detail panes from the lifecycle service and the store. */
final class MessageDetails {

  private MessageDetails() {}

  static Optional<MessageDetail> deposit(Session s, BigInteger id) {
    Optional<DepositStatus> found = s.lifecycle().deposit(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    DepositStatus d = found.get();
    StateSyncRow r = d.deposit();
    MessageStatus st = d.status();
    List<Step> steps = new ArrayList<>();
    steps.add(done("Sent (StateSynced)", "root", r.event()));
    steps.add(
        d.commitment()
            .map(c -> done("Committed (NewCommitment)", "child", c.event()))
            .orElse(pending("Committed", "child")));
    executionSteps(steps, st.results(), "Executed (StateSyncResult)", "child");
    List<Field> payload = new ArrayList<>();
    AssetFields.add(s.db(), Direction.TO_CHILD, id, r.data().value(), payload);
    if (payload.isEmpty()) { // no payload reading (indexed before level 6): the ERC-20 columns
      payload.add(new Field("Kind", r.kind().key().replace('_', ' '), false));
      r.deposit().ifPresent(t -> transfer(payload, t, "Depositor"));
    }
    payload.add(new Field("Sender contract", r.sender().toString(), true));
    payload.add(new Field("Receiver contract", r.receiver().toString(), true));
    payload.add(new Field("Data", r.data().length() + " bytes", false));
    Optional<String> action =
        d.commitment().isPresent()
                && (st.stage() == Stage.COMMITTED
                    || st.stage() == Stage.FAILED
                    || st.stage() == Stage.STUCK)
            ? Optional.of("Self-execute on the child chain")
            : Optional.empty();
    Optional<TreeRef> tree = d.commitment().map(c -> treeRef(c, id));
    return Optional.of(
        new MessageDetail(
            "Deposit " + id,
            steps,
            payload,
            Words.stage(st.stage()),
            GuiWords.of(st.reason()),
            GuiWords.of(st.nextStep()),
            eta(st),
            action,
            tree));
  }

  static Optional<MessageDetail> exit(Session s, BigInteger id) {
    Optional<ExitStatus> found = s.lifecycle().exit(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ExitStatus x = found.get();
    ExitRow r = x.exit();
    MessageStatus st = x.status();
    Optional<CheckpointRow> cp =
        x.checkpointBlock().isPresent()
            ? s.db().read(c -> new CheckpointDao(c).latestOfEpoch(r.epoch()))
            : Optional.empty();
    List<Step> steps = new ArrayList<>();
    steps.add(done("Sent (L2StateSynced)", "child", r.event()));
    steps.add(
        cp.map(
                k ->
                    new Step(
                        "Checkpointed (epoch "
                            + k.epoch()
                            + ", child block "
                            + k.checkpointBlock()
                            + ")",
                        true,
                        "root",
                        Optional.of(k.blockNumber()),
                        Optional.of(k.submitTx()),
                        Optional.of(Words.time(k.blockTime())),
                        Optional.of(Instant.ofEpochSecond(k.blockTime()))))
            .orElse(pending("Checkpointed (epoch " + r.epoch() + ")", "root")));
    executionSteps(steps, st.results(), "Exited (ExitProcessed)", "root");
    List<Field> payload = new ArrayList<>();
    AssetFields.add(s.db(), Direction.TO_ROOT, id, r.data().value(), payload);
    if (payload.isEmpty()) { // no payload reading (indexed before level 6): the ERC-20 columns
      payload.add(new Field("Kind", r.kind().key().replace('_', ' '), false));
      r.withdrawal().ifPresent(t -> transfer(payload, t, "Withdrawer"));
    }
    payload.add(new Field("Sender contract", r.sender().toString(), true));
    payload.add(new Field("Receiver contract", r.receiver().toString(), true));
    payload.add(new Field("Epoch", Long.toString(r.epoch()), false));
    Optional<String> action =
        st.stage() == Stage.CHECKPOINTED || (st.stage() == Stage.FAILED && cp.isPresent())
            ? Optional.of("Withdraw (exit) on the root chain")
            : Optional.empty();
    Optional<TreeRef> tree =
        cp.map(
            k ->
                new TreeRef(
                    false, k.submitTx().toString(), id, "checkpoint of epoch " + k.epoch()));
    return Optional.of(
        new MessageDetail(
            "Exit " + id,
            steps,
            payload,
            Words.stage(st.stage()),
            GuiWords.of(st.reason()),
            GuiWords.of(st.nextStep()),
            eta(st),
            action,
            tree));
  }

  private static TreeRef treeRef(CommitmentRow c, BigInteger id) {
    return new TreeRef(
        true, c.startId().toString(), id, "commitment of ids " + c.startId() + "–" + c.endId());
  }

  private static void transfer(List<Field> payload, Erc20Transfer t, String fromLabel) {
    payload.add(new Field("Token (root)", t.rootToken().toString(), true));
    payload.add(new Field(fromLabel, t.from().toString(), true));
    payload.add(new Field("Receiver", t.to().toString(), true));
  }

  private static void executionSteps(
      List<Step> steps, List<ExecutionResultRow> results, String name, String chain) {
    Optional<ExecutionResultRow> ok =
        results.stream().filter(ExecutionResultRow::success).findFirst();
    long failures = results.stream().filter(r -> !r.success()).count();
    if (failures > 0) {
      ExecutionResultRow last =
          results.stream().filter(r -> !r.success()).reduce((a, b) -> b).orElseThrow();
      steps.add(done("Execution failed (" + failures + "×, may be retried)", chain, last.event()));
    }
    steps.add(ok.map(r -> done(name, chain, r.event())).orElse(pending(name, chain)));
  }

  private static Step done(String name, String chain, EventRef e) {
    return new Step(
        name,
        true,
        chain,
        Optional.of(e.blockNumber()),
        Optional.of(e.txHash()),
        Optional.of(Words.time(e.blockTime())),
        Optional.of(Instant.ofEpochSecond(e.blockTime())));
  }

  private static Step pending(String name, String chain) {
    return new Step(
        name, false, chain, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static Optional<String> eta(MessageStatus st) {
    return st.eta()
        .map(
            t -> {
              Duration in = Duration.between(Instant.now(), t);
              String when = Words.time(t);
              return in.isNegative()
                  ? "expected by " + when + " (" + in.negated().toSeconds() + " s ago)"
                  : "expected around " + when + " (in ~" + Math.max(1, in.toSeconds()) + " s)";
            });
  }
}
