package io.bridgescope.desktop.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.report.AuditReports;
import io.bridgescope.core.report.ReportException;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.verify.Concentration;
import io.bridgescope.core.verify.Participation;
import io.bridgescope.core.verify.SetChange;
import io.bridgescope.core.verify.SignedSubject;
import io.bridgescope.core.verify.ValidatorAccountability;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.ports.AccountabilitySource;
import io.bridgescope.desktop.testing.DirectTaskRunner;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountabilityViewModelTest {

  static ValidatorEntry v(int i, long power) {
    return new ValidatorEntry(i, Address.ofLow(0x100 + i), Bytes.EMPTY, BigInteger.valueOf(power));
  }

  /** A source that records what it was asked and answers a fixed report. */
  static final class Source implements AccountabilitySource {
    final List<String> asked = new ArrayList<>();
    boolean connected = true;

    @Override
    public boolean isConnected() {
      return connected;
    }

    final List<String> progressThreads = new ArrayList<>();

    @Override
    public ReportWritten writeReport(
        long from, Optional<Long> to, double threshold, Path out, AuditReports.Progress progress) {
      asked.add("report " + from + ".." + to.map(String::valueOf).orElse("last") + " " + out);
      if (from > 100) {
        throw new ReportException(
            "not_indexed", "child blocks " + from + "..200 are not indexed yet");
      }
      progress.step(1, 4, "counting verdicts");
      progress.step(4, 4, "done");
      return new ReportWritten(out, from, to.orElse(50L), 1234);
    }

    @Override
    public ValidatorAccountability.Report report(long from, Optional<Long> to, double threshold) {
      asked.add(from + ".." + to.map(String::valueOf).orElse("last") + "@" + threshold);
      if (from > 100) {
        throw new IllegalArgumentException("blocks from " + from + " are not indexed yet");
      }
      List<ValidatorEntry> set = List.of(v(0, 100), v(1, 100), v(2, 100));
      SignedSubject s =
          new SignedSubject(
              "checkpoint",
              "3",
              Hash32.ZERO,
              30,
              1_700_000_000L,
              "genesis set",
              set,
              Set.of(0, 2),
              0);
      return new ValidatorAccountability.Report(
          from,
          to.orElse(50L),
          50,
          threshold,
          List.of(s),
          List.of(
              new Participation(Address.ofLow(0x100), 1, 1, 1.0, false),
              new Participation(Address.ofLow(0x101), 1, 0, 0.0, true),
              new Participation(Address.ofLow(0x102), 1, 1, 1.0, false)),
          List.of(
              new SetChange(
                  "set installed by the checkpoint of epoch 2",
                  Optional.of(Hash32.ZERO),
                  3,
                  9,
                  set,
                  List.of(v(2, 100)),
                  List.of(v(3, 50)),
                  List.of(
                      new SetChange.PowerChange(
                          Address.ofLow(0x100), BigInteger.ONE, BigInteger.valueOf(100))),
                  new Concentration(3, BigInteger.valueOf(300), 2, 3))));
    }
  }

  @Test
  void aReportFillsTheTablesWithMarksAndFlags() {
    Source src = new Source();
    AccountabilityViewModel vm = new AccountabilityViewModel(src, new DirectTaskRunner());
    vm.threshold().set("0.75");
    vm.load();
    assertThat(src.asked).containsExactly("0..last@0.75");
    assertThat(vm.timeline()).hasSize(1);
    assertThat(vm.timeline().get(0).marks()).isEqualTo("●○●");
    assertThat(vm.timeline().get(0).missed()).isEqualTo(1);
    assertThat(vm.participation()).filteredOn(Participation::belowThreshold).hasSize(1);
    assertThat(vm.message().get())
        .contains("1 commitments and checkpoints", "1 validator(s) signed less than 75%");
    assertThat(AccountabilityViewModel.diff(vm.history().get(0)))
        .contains("+0x000000…0102 (100)", "−0x000000…0103", "0x000000…0100 1→100");
  }

  @Test
  void anUnindexedRangeOrATypoIsAMessageNotZeros() {
    Source src = new Source();
    AccountabilityViewModel vm = new AccountabilityViewModel(src, new DirectTaskRunner());
    vm.from().set("500");
    vm.load();
    assertThat(vm.message().get()).contains("not indexed yet");
    assertThat(vm.participation()).isEmpty();
    vm.from().set("abc");
    vm.load();
    assertThat(vm.message().get()).contains("child block numbers");
    assertThat(src.asked).hasSize(1);
    src.connected = false;
    vm.from().set("0");
    vm.load();
    assertThat(vm.message().get()).startsWith("Not connected");
  }

  @Test
  void theAuditReportRunsAsATaskShowsItsStepsAndOneRunsAtATime() {
    Source src = new Source();
    List<Runnable> queued = new ArrayList<>();
    List<Runnable> uiQueue = new ArrayList<>();
    // like the app's runner: the work on a worker, its outcome posted to the UI queue
    TaskRunner later =
        new TaskRunner() {
          @Override
          public <T> Cancellable run(
              String name,
              java.util.concurrent.Callable<T> work,
              java.util.function.Consumer<? super T> ok,
              java.util.function.Consumer<Throwable> failed) {
            queued.add(
                () -> {
                  try {
                    T result = work.call();
                    uiQueue.add(() -> ok.accept(result));
                  } catch (Exception e) {
                    uiQueue.add(() -> failed.accept(e));
                  }
                });
            return new Cancellable() {
              @Override
              public void cancel() {}

              @Override
              public boolean isDone() {
                return false;
              }
            };
          }
        };
    AccountabilityViewModel vm = new AccountabilityViewModel(src, later, uiQueue::add);
    vm.writeReport(Path.of("audit.pdf"));
    assertThat(vm.reportRunning().get()).isTrue();
    assertThat(vm.message().get()).contains("Writing the audit report to audit.pdf");
    vm.writeReport(Path.of("again.pdf"));
    assertThat(queued).as("a second click while one runs starts nothing").hasSize(1);

    queued.remove(0).run();
    // the worker's progress reaches the screen only through the UI executor, before the outcome
    assertThat(uiQueue).hasSize(3);
    uiQueue.remove(0).run();
    assertThat(vm.message().get()).contains("counting verdicts (1/4)");
    assertThat(vm.reportProgress().get()).isEqualTo(0.25);
    assertThat(vm.reportRunning().get()).isTrue();
    uiQueue.remove(0).run();
    uiQueue.remove(0).run();
    assertThat(vm.reportRunning().get()).isFalse();
    assertThat(vm.message().get())
        .isEqualTo("Audit report over child blocks 0..50 written to audit.pdf (1234 bytes).");
    assertThat(src.asked).containsExactly("report 0..last audit.pdf");

    vm.from().set("500");
    vm.writeReport(Path.of("late.pdf"));
    queued.remove(0).run();
    uiQueue.remove(0).run();
    assertThat(vm.message().get())
        .startsWith("No report written:")
        .contains("child blocks 500..200 are not indexed yet");
    assertThat(vm.reportRunning().get()).isFalse();
  }
}
