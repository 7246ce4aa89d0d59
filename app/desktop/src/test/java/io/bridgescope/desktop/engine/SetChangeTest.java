package io.bridgescope.desktop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.ValidatorEntry;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetChangeTest {

  private static ValidatorEntry v(int i, long addr, long power) {
    return new ValidatorEntry(
        i, Address.ofLow(addr), Bytes.of(new byte[128]), BigInteger.valueOf(power));
  }

  @Test
  void anUnchangedSetSaysSo() {
    List<ValidatorEntry> set = List.of(v(0, 1, 100), v(1, 2, 100));
    assertThat(TreeDetails.setChange(set, set, true))
        .isEqualTo("next validator set: unchanged (2 validators)");
  }

  @Test
  void additionsRemovalsAndPowerChangesAreListed() {
    String s =
        TreeDetails.setChange(
            List.of(v(0, 1, 100), v(1, 2, 100)), List.of(v(0, 1, 150), v(1, 3, 50)), true);
    assertThat(s)
        .startsWith("next validator set changes: ")
        .contains(Address.ofLow(1) + " 100→150")
        .contains("+" + Address.ofLow(3) + " (50)")
        .contains("−" + Address.ofLow(2));
  }

  @Test
  void anUnknownPreviousSetIsNotGuessed() {
    assertThat(TreeDetails.setChange(List.of(), List.of(v(0, 1, 1)), false))
        .contains("not indexed");
  }
}
