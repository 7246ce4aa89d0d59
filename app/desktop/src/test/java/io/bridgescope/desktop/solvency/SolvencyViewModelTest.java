package io.bridgescope.desktop.solvency;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.solvency.AssetKind;
import io.bridgescope.core.solvency.SolvencyReport;
import io.bridgescope.core.solvency.TokenSolvency;
import io.bridgescope.desktop.ports.SolvencySource;
import io.bridgescope.desktop.testing.DirectCoalescers;
import io.bridgescope.desktop.testing.DirectTaskRunner;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SolvencyViewModelTest {

  static final Address TOKEN = Address.ofLow(0x7070);

  static TokenSolvency token(long escrow, long supply) {
    return new TokenSolvency(
        AssetKind.ERC20,
        TOKEN,
        Optional.of(Address.ofLow(0x8080)),
        BigInteger.valueOf(escrow),
        BigInteger.valueOf(supply),
        BigInteger.ONE,
        BigInteger.ZERO,
        BigInteger.ONE,
        BigInteger.ZERO);
  }

  /** Answers the queued reports in turn; {@link #changed} plays the index moving. */
  static final class Source implements SolvencySource {
    final List<Optional<SolvencyReport>> answers = new ArrayList<>();
    Runnable listener = () -> {};

    @Override
    public boolean isConnected() {
      return true;
    }

    @Override
    public Optional<SolvencyReport> check() {
      return answers.remove(0);
    }

    @Override
    public Optional<io.bridgescope.core.asset.TokenMetadata> metadata(
        io.bridgescope.core.model.Address rootToken) {
      return Optional.empty();
    }

    @Override
    public List<io.bridgescope.core.solvency.SolvencyHistory.Entry> history(int limit) {
      return List.of();
    }

    @Override
    public AutoCloseable subscribe(Runnable changed) {
      listener = changed;
      return () -> listener = () -> {};
    }
  }

  @Test
  void aDeficitRaisesTheAlarmAndNotifiesOnceUntilItClears() {
    Source src = new Source();
    List<String> shown = new ArrayList<>();
    SolvencyViewModel vm =
        new SolvencyViewModel(
            src, new DirectTaskRunner(), new DirectCoalescers(), (t, text) -> shown.add(text));
    src.answers.add(
        Optional.of(new SolvencyReport(10, 20, List.of(token(102, 100)), Optional.empty())));
    src.answers.add(
        Optional.of(new SolvencyReport(11, 21, List.of(token(102, 105)), Optional.empty())));
    src.answers.add(
        Optional.of(new SolvencyReport(12, 22, List.of(token(102, 105)), Optional.empty())));
    src.answers.add(
        Optional.of(
            new SolvencyReport(
                12, 23, List.of(token(102, 105)), Optional.of("index the root chain further"))));
    src.answers.add(
        Optional.of(new SolvencyReport(13, 24, List.of(token(102, 100)), Optional.empty())));
    vm.start();
    assertThat(vm.alarm().get()).isFalse();
    assertThat(vm.message().get()).contains("1 token(s) checked", "child block 20");
    src.listener.run();
    assertThat(vm.alarm().get()).isTrue();
    assertThat(vm.alarmText().get()).contains("Deficit of 5", "child block 21");
    src.listener.run();
    assertThat(shown).as("one notification per new violation").hasSize(1);
    src.listener.run();
    assertThat(vm.message().get()).startsWith("No verdict").contains("index the root chain");
    assertThat(vm.history()).as("an unsettled state adds no point").hasSize(3);
    src.listener.run();
    assertThat(vm.alarm().get()).isFalse();
    assertThat(vm.history())
        .extracting(SolvencyViewModel.Point::difference)
        .containsExactly(
            BigInteger.ZERO, BigInteger.valueOf(-5), BigInteger.valueOf(-5), BigInteger.ZERO);
    vm.close();
  }
}
