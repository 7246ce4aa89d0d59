package io.bridgescope.desktop.accountability;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.verify.Participation;
import io.bridgescope.core.verify.SetChange;
import io.bridgescope.core.verify.SignedSubject;
import io.bridgescope.core.verify.ValidatorAccountability;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.ports.AccountabilitySource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * State of the Accountability screen: a child-block range and a threshold typed by the user, and
 * the report over them (participation, the signed/missed timeline, the set history), loaded on a
 * worker thread.
 */
public final class AccountabilityViewModel {

  /** One subject of the timeline with one mark per validator of its set, in set order. */
  public record TimelineRow(SignedSubject subject, String marks, int missed) {}

  private final AccountabilitySource source;
  private final TaskRunner tasks;
  private final StringProperty from = new SimpleStringProperty("0");
  private final StringProperty to = new SimpleStringProperty("");
  private final StringProperty threshold = new SimpleStringProperty("0.9");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ObservableList<Participation> participation = FXCollections.observableArrayList();
  private final ObservableList<TimelineRow> timeline = FXCollections.observableArrayList();
  private final ObservableList<SetChange> history = FXCollections.observableArrayList();

  private final Executor uiThread;
  private final ReadOnlyBooleanWrapper reportRunning = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyDoubleWrapper reportProgress = new ReadOnlyDoubleWrapper(0);

  /** For tests whose task runner calls back on the calling thread. */
  public AccountabilityViewModel(AccountabilitySource source, TaskRunner tasks) {
    this(source, tasks, Runnable::run);
  }

  /**
   * @param uiThread where progress told by a worker is shown ({@code Platform::runLater})
   */
  public AccountabilityViewModel(AccountabilitySource source, TaskRunner tasks, Executor uiThread) {
    this.source = source;
    this.tasks = tasks;
    this.uiThread = uiThread;
  }

  /**
   * Writes the audit report over the range as typed to {@code out} on a worker thread, showing each
   * step as progress; one report at a time.
   */
  public void writeReport(Path out) {
    if (reportRunning.get()) {
      return;
    }
    if (!source.isConnected()) {
      message.set("Not connected: open a network to report on it.");
      return;
    }
    Range range = range();
    if (range == null) {
      return;
    }
    reportRunning.set(true);
    reportProgress.set(0);
    message.set("Writing the audit report to " + out.getFileName() + "…");
    tasks.run(
        "audit report",
        () ->
            source.writeReport(
                range.from(),
                range.to(),
                range.threshold(),
                out,
                (done, total, what) ->
                    uiThread.execute(
                        () -> {
                          if (!reportRunning.get()) {
                            return; // told after the outcome: stale
                          }
                          reportProgress.set(total == 0 ? 1 : done / (double) total);
                          message.set("Audit report: " + what + " (" + done + "/" + total + ")");
                        })),
        w -> {
          reportRunning.set(false);
          reportProgress.set(1);
          message.set(
              "Audit report over child blocks "
                  + w.fromBlock()
                  + ".."
                  + w.toBlock()
                  + " written to "
                  + w.out()
                  + " ("
                  + w.bytes()
                  + " bytes).");
        },
        e -> {
          reportRunning.set(false);
          reportProgress.set(0);
          message.set(
              "No report written: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        });
  }

  private record Range(long from, Optional<Long> to, double threshold) {}

  private @Nullable Range range() {
    try {
      long f = Long.parseLong(from.get().strip());
      Optional<Long> t =
          to.get().isBlank() ? Optional.empty() : Optional.of(Long.parseLong(to.get().strip()));
      return new Range(f, t, Double.parseDouble(threshold.get().strip()));
    } catch (NumberFormatException e) {
      message.set("From and to are child block numbers (to may be empty), threshold is 0..1.");
      return null;
    }
  }

  public ReadOnlyBooleanProperty reportRunning() {
    return reportRunning.getReadOnlyProperty();
  }

  /** 0..1 while a report is written. */
  public ReadOnlyDoubleProperty reportProgress() {
    return reportProgress.getReadOnlyProperty();
  }

  /** Loads the report for the fields as typed; a typing mistake is a message, not a load. */
  public void load() {
    if (!source.isConnected()) {
      message.set("Not connected: open a network to see who signed what.");
      return;
    }
    Range range = range();
    if (range == null) {
      return;
    }
    message.set("Loading…");
    tasks.run(
        "validator accountability",
        () -> source.report(range.from(), range.to(), range.threshold()),
        this::show,
        e -> message.set(e.getMessage() == null ? e.toString() : e.getMessage()));
  }

  private void show(ValidatorAccountability.Report r) {
    participation.setAll(r.participation());
    List<TimelineRow> rows = new ArrayList<>();
    for (SignedSubject s : r.timeline()) {
      StringBuilder marks = new StringBuilder();
      int missed = 0;
      for (ValidatorEntry v : s.set()) {
        boolean signed = s.signed(v.index());
        marks.append(signed ? '●' : '○');
        missed += signed ? 0 : 1;
      }
      rows.add(new TimelineRow(s, marks.toString(), missed));
    }
    timeline.setAll(rows);
    history.setAll(r.history());
    long below = r.participation().stream().filter(Participation::belowThreshold).count();
    message.set(
        r.timeline().size()
            + " commitments and checkpoints in child blocks "
            + r.fromBlock()
            + ".."
            + r.toBlock()
            + "; "
            + below
            + " validator(s) signed less than "
            + Math.round(r.threshold() * 100)
            + "%"
            + (r.complete()
                ? ""
                : " — incomplete: the child chain is indexed only to block " + r.childIndexedTo()));
  }

  /** The diff of a set change in words: {@code +0x.. (100), −0x.., 0x.. 100→400}. */
  public static String diff(SetChange c) {
    List<String> parts = new ArrayList<>();
    c.added()
        .forEach(v -> parts.add("+" + shortAddress(v.address()) + " (" + v.votingPower() + ")"));
    c.removed().forEach(v -> parts.add("−" + shortAddress(v.address())));
    c.changed()
        .forEach(x -> parts.add(shortAddress(x.address()) + " " + x.before() + "→" + x.after()));
    return parts.isEmpty() ? "unchanged" : String.join(", ", parts);
  }

  static String shortAddress(Address a) {
    String s = a.toString();
    return s.substring(0, 8) + "…" + s.substring(s.length() - 4);
  }

  public StringProperty from() {
    return from;
  }

  public StringProperty to() {
    return to;
  }

  public StringProperty threshold() {
    return threshold;
  }

  public ReadOnlyStringProperty message() {
    return message.getReadOnlyProperty();
  }

  public ObservableList<Participation> participation() {
    return participation;
  }

  public ObservableList<TimelineRow> timeline() {
    return timeline;
  }

  public ObservableList<SetChange> history() {
    return history;
  }
}
