package io.bridgescope.core.evidence;

import java.util.List;

/**
 * What {@code verify-evidence} found: every check with its outcome, what the bundle proves if they
 * all pass, and what it cannot prove however well it checks out.
 */
public record EvidenceReport(
    EvidenceBundle bundle,
    List<EvidenceCheck> checks,
    List<String> proves,
    List<String> doesNotProve) {

  public EvidenceReport {
    checks = List.copyOf(checks);
    proves = List.copyOf(proves);
    doesNotProve = List.copyOf(doesNotProve);
  }

  public boolean valid() {
    return checks.stream().allMatch(EvidenceCheck::passed);
  }

  public List<EvidenceCheck> failed() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }
}
