package io.bridgescope.desktop.quorum;

import io.bridgescope.crypto.quorum.Quorum;
import io.bridgescope.crypto.quorum.QuorumResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the quorum panel shows for one signed item: each validator with its share and whether it
 * signed, and the signed power against the root-chain rule (protocol.md "BLS (Edge flavour)"). Pure
 * computation: ViewModels build it on a worker thread.
 */
public record QuorumSummary(List<ValidatorRow> rows, QuorumResult result) {

  public QuorumSummary {
    rows = List.copyOf(rows);
  }

  public static QuorumSummary compute(List<ValidatorEntry> validators, byte[] bitmap) {
    List<BigInteger> powers = validators.stream().map(ValidatorEntry::votingPower).toList();
    QuorumResult result = Quorum.check(bitmap, powers);
    List<ValidatorRow> rows = new ArrayList<>(validators.size());
    for (int i = 0; i < validators.size(); i++) {
      ValidatorEntry v = validators.get(i);
      rows.add(
          new ValidatorRow(
              i,
              v.address().toString(),
              v.votingPower(),
              percent(v.votingPower(), result.totalPower()),
              result.signers().contains(i)));
    }
    return new QuorumSummary(rows, result);
  }

  static double percent(BigInteger part, BigInteger total) {
    if (total.signum() == 0) {
      return 0;
    }
    return new BigDecimal(part)
        .multiply(BigDecimal.valueOf(100))
        .divide(new BigDecimal(total), MathContext.DECIMAL64)
        .doubleValue();
  }

  /** Signed power as a fraction of the total, for the bar. */
  public double signedFraction() {
    return percent(result.signedPower(), result.totalPower()) / 100;
  }

  /** Where the 2/3 threshold sits on the bar. */
  public double thresholdFraction() {
    return percent(result.threshold(), result.totalPower()) / 100;
  }

  public boolean reached() {
    return result.reached();
  }

  public Optional<String> failure() {
    return result.reason();
  }

  /** One sentence with the numbers: signed, needed, and the spare or missing power. */
  public String marginText() {
    String signed =
        String.format(
            Locale.ROOT,
            "signed %,d of %,d (%.2f%%); needs more than %,d (2/3)",
            result.signedPower(),
            result.totalPower(),
            signedFraction() * 100,
            result.threshold());
    if (result.reached()) {
      return String.format(Locale.ROOT, "Quorum reached: %s; spare %,d", signed, result.margin());
    }
    if (result.signers().isEmpty()) {
      return "No quorum: nobody signed (BITMAP_IS_EMPTY)";
    }
    return String.format(
        Locale.ROOT,
        "No quorum: %s; missing %,d (INSUFFICIENT_VOTING_POWER)",
        signed,
        result.margin().negate());
  }
}
