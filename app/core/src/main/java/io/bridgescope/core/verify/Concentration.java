package io.bridgescope.core.verify;

import io.bridgescope.core.store.rows.ValidatorEntry;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;

/**
 * How concentrated a set's voting power is: the fewest validators whose power together exceeds one
 * third (enough to withhold quorum and halt the bridge) and two thirds (enough to sign anything
 * alone). Exact integer arithmetic: {@code 3 * power > total} and {@code 3 * power > 2 * total}.
 *
 * @param exceedingOneThird 0 when the set has no power at all
 * @param exceedingTwoThirds 0 when the set has no power at all
 */
public record Concentration(
    int validators, BigInteger totalPower, int exceedingOneThird, int exceedingTwoThirds) {

  private static final BigInteger THREE = BigInteger.valueOf(3);

  public static Concentration of(List<ValidatorEntry> set) {
    List<BigInteger> powers =
        set.stream().map(ValidatorEntry::votingPower).sorted(Comparator.reverseOrder()).toList();
    BigInteger total = powers.stream().reduce(BigInteger.ZERO, BigInteger::add);
    if (total.signum() == 0) {
      return new Concentration(set.size(), total, 0, 0);
    }
    int third = 0;
    int twoThirds = 0;
    BigInteger sum = BigInteger.ZERO;
    for (int k = 0; k < powers.size(); k++) {
      sum = sum.add(powers.get(k));
      BigInteger tripled = sum.multiply(THREE);
      if (third == 0 && tripled.compareTo(total) > 0) {
        third = k + 1;
      }
      if (twoThirds == 0 && tripled.compareTo(total.shiftLeft(1)) > 0) {
        twoThirds = k + 1;
        break;
      }
    }
    return new Concentration(set.size(), total, third, twoThirds);
  }
}
